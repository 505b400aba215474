// The figures of a period (today on the dashboard, any range in Reports):
// counts, averages and the service level, the two hourly charts with their
// tables, and the agents' own figures. Everything shown was computed in main.
import { useMemo, type ReactNode } from 'react';
import { OUTCOMES, OUTCOME_MESSAGE } from '../../../../../shared/domain';
import type { Dashboard, HourFigures } from '../../../../../shared/reports';
import type { Formats } from '../../../i18n/formats';
import { useFormats, useT } from '../../../i18n/i18n-store';
import { UserText } from '../../../i18n/Msg';
import { HourlyChart, type ChartSeries } from './HourlyChart';

/** An average or share with no samples is shown as a dash, never as 0. */
export const orDash = (value: number | null, format: (v: number) => string): string =>
  value === null ? '—' : format(value);

/** The figures' formats in the language on screen. */
function useFigureFormats(formats: Formats) {
  const t = useT();
  return useMemo(
    () => ({
      count: (v: number | null) => (v === null ? '—' : formats.count(v)),
      duration: (v: number | null) => orDash(v, formats.duration),
      percent: (v: number) => t('figures.percent', { value: v / 100 }),
      minutes: (v: number | null) => (v === null ? '—' : t('figures.minutes', { value: v })),
    }),
    [formats, t],
  );
}

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

/** `label` names the period ("Today"); `inline` is that name inside a sentence ("today"). */
export function PeriodFigures({ data, label, inline }: { data: Dashboard; label: string; inline: string }) {
  const t = useT();
  const formats = useFormats();
  const f = useFigureFormats(formats);
  const { count, duration, percent } = f;
  const volume = useMemo<ChartSeries[]>(
    () => [
      {
        label: t('figures.created'),
        values: (h: HourFigures) => h.created,
        format: f.count,
        color: '#1d5bbf',
        kind: 'bars',
      },
      {
        label: t('figures.resolved'),
        values: (h: HourFigures) => h.resolved,
        format: f.count,
        color: '#1c6b3f',
        kind: 'bars',
      },
    ],
    [t, f],
  );
  const wait = useMemo<ChartSeries[]>(
    () => [
      {
        label: t('figures.averageWaitMinutes'),
        values: (h: HourFigures) => (h.avgWaitMs === null ? null : Math.round(h.avgWaitMs / 6000) / 10),
        format: f.minutes,
        color: '#7a4b00',
        kind: 'line',
      },
    ],
    [t, f],
  );
  const p = data.period;
  const threshold = formats.duration(p.serviceLevelThresholdMs);
  return (
    <>
      <StatList className="stats" label={label}>
        <Stat label={t('figures.created')} value={count(p.created)} />
        <Stat label={t('figures.resolved')} value={count(p.resolved)} />
        <Stat label={t('figures.cancelled')} value={count(p.cancelled)} />
        <Stat label={t('figures.averageWait')} value={duration(p.avgWaitMs)} />
        <Stat label={t('figures.averageHandling')} value={duration(p.avgHandleMs)} />
        <Stat
          label={t('figures.serviceLevel')}
          value={orDash(p.serviceLevelPct, percent)}
          hint={t('figures.within', { threshold })}
        />
      </StatList>
      <StatList className="stats stats-outcomes" label={t('figures.outcomes', { period: inline })}>
        {OUTCOMES.map((o) => (
          <Stat key={o} label={t(OUTCOME_MESSAGE[o])} value={count(p.outcomes[o])} />
        ))}
      </StatList>
      <div className="charts">
        <HourlyChart
          title={t('figures.perHour')}
          summary={t('figures.perHourSummary', { created: p.created, resolved: p.resolved })}
          hours={data.hourly}
          series={volume}
          unit={t('figures.unitCases')}
        />
        <HourlyChart
          title={t('figures.waitOverDay')}
          summary={t('figures.waitSummary', { wait: duration(p.avgWaitMs) })}
          hours={data.hourly}
          series={wait}
          unit={t('figures.unitMinutes')}
        />
      </div>
      <table className="table table-compact" aria-label={t('figures.perAgent', { period: inline })}>
        <thead>
          <tr>
            <th scope="col">{t('table.agent')}</th>
            <th scope="col">{t('figures.resolved')}</th>
            <th scope="col">{t('figures.averageHandling')}</th>
            <th scope="col">{t('duty.on')}</th>
            <th scope="col">{t('agentList.busy')}</th>
            <th scope="col">{t('figures.utilization')}</th>
          </tr>
        </thead>
        <tbody>
          {data.perAgent.length === 0 ? (
            <tr>
              <td colSpan={6}>{t('figures.noAgent')}</td>
            </tr>
          ) : (
            data.perAgent.map((a) => (
              <tr key={a.agentId}>
                <th scope="row">
                  <UserText>{a.name}</UserText>
                </th>
                <td>{count(a.resolved)}</td>
                <td>{duration(a.avgHandleMs)}</td>
                <td>{formats.duration(a.onDutyMs)}</td>
                <td>{formats.duration(a.busyMs)}</td>
                <td>{orDash(a.utilization, (u) => percent(Math.round(u * 1000) / 10))}</td>
              </tr>
            ))
          )}
        </tbody>
      </table>
    </>
  );
}
