// The figures of a period (today on the dashboard, any range in Reports):
// counts, averages and the service level, the two hourly charts with their
// tables, and the agents' own figures. Everything shown was computed in main.
import type { ReactNode } from 'react';
import { OUTCOMES, OUTCOME_LABELS } from '../../../../../shared/domain';
import type { Dashboard, HourFigures } from '../../../../../shared/reports';
import { formatDuration } from '../../../lib/time';
import { HourlyChart, type ChartSeries } from './HourlyChart';

/** An average or share with no samples is shown as a dash, never as 0. */
export const orDash = (value: number | null, format: (v: number) => string): string =>
  value === null ? '—' : format(value);

const count = (v: number | null) => (v === null ? '—' : String(v));
const duration = (v: number | null) => orDash(v, formatDuration);
const percent = (v: number) => `${v.toLocaleString(undefined, { maximumFractionDigits: 1 })} %`;

const VOLUME: ChartSeries[] = [
  { label: 'Created', values: (h: HourFigures) => h.created, format: count, color: '#1d5bbf', kind: 'bars' },
  {
    label: 'Resolved',
    values: (h: HourFigures) => h.resolved,
    format: count,
    color: '#1c6b3f',
    kind: 'bars',
  },
];
const WAIT: ChartSeries[] = [
  {
    label: 'Average wait (min)',
    values: (h: HourFigures) => (h.avgWaitMs === null ? null : Math.round(h.avgWaitMs / 6000) / 10),
    format: (v) => (v === null ? '—' : `${v.toLocaleString()} min`),
    color: '#7a4b00',
    kind: 'line',
  },
];

export function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="stat">
      <dt>{label}</dt>
      <dd>
        {value}
        {hint && <span className="stat-hint">{hint}</span>}
      </dd>
    </div>
  );
}

/** Named figures: a group (named for assistive tech) holding a description list. */
export function StatList({
  label,
  className,
  children,
}: {
  label: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <div role="group" aria-label={label}>
      <dl className={className}>{children}</dl>
    </div>
  );
}

export function PeriodFigures({ data, label }: { data: Dashboard; label: string }) {
  const p = data.period;
  const threshold = formatDuration(p.serviceLevelThresholdMs);
  return (
    <>
      <StatList className="stats" label={label}>
        <Stat label="Created" value={String(p.created)} />
        <Stat label="Resolved" value={String(p.resolved)} />
        <Stat label="Cancelled" value={String(p.cancelled)} />
        <Stat label="Average wait" value={duration(p.avgWaitMs)} />
        <Stat label="Average handling" value={duration(p.avgHandleMs)} />
        <Stat label="Service level" value={orDash(p.serviceLevelPct, percent)} hint={`within ${threshold}`} />
      </StatList>
      <StatList className="stats stats-outcomes" label={`Outcomes, ${label.toLowerCase()}`}>
        {OUTCOMES.map((o) => (
          <Stat key={o} label={OUTCOME_LABELS[o]} value={String(p.outcomes[o])} />
        ))}
      </StatList>
      <div className="charts">
        <HourlyChart
          title="Cases per hour"
          summary={`${p.created} created and ${p.resolved} resolved`}
          hours={data.hourly}
          series={VOLUME}
          unit="cases"
        />
        <HourlyChart
          title="Wait time over the day"
          summary={`average wait ${duration(p.avgWaitMs)}`}
          hours={data.hourly}
          series={WAIT}
          unit="minutes"
        />
      </div>
      <table className="table table-compact" aria-label={`Per-agent figures, ${label.toLowerCase()}`}>
        <thead>
          <tr>
            <th scope="col">Agent</th>
            <th scope="col">Resolved</th>
            <th scope="col">Average handling</th>
            <th scope="col">On duty</th>
            <th scope="col">Busy</th>
            <th scope="col">Utilization</th>
          </tr>
        </thead>
        <tbody>
          {data.perAgent.length === 0 ? (
            <tr>
              <td colSpan={6}>No agent was on duty.</td>
            </tr>
          ) : (
            data.perAgent.map((a) => (
              <tr key={a.agentId}>
                <th scope="row">{a.name}</th>
                <td>{a.resolved}</td>
                <td>{duration(a.avgHandleMs)}</td>
                <td>{formatDuration(a.onDutyMs)}</td>
                <td>{formatDuration(a.busyMs)}</td>
                <td>{orDash(a.utilization, (u) => percent(Math.round(u * 1000) / 10))}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}
