// The supervisor's figures (issue 14): what the desk is doing now, and how a
// period of local calendar days went. Days are the workstation's own: the
// period runs from local midnight of `from` to local midnight after `to`, and
// each hourly bucket is a local hour. All counting happens in SQL
// (ReportRepository); this file only turns local days into instants and rounds.
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import type { ParsedInput } from '../../shared/contract';
import { calendarParts, localDate } from '../../shared/dates';
import {
  DEFAULT_SERVICE_LEVEL_THRESHOLD_MS,
  SERVICE_LEVEL_MINUTES,
  type AgentFigures,
  type Dashboard,
  type HourFigures,
  type ServiceLevelSetting,
} from '../../shared/reports';
import type { CallContext } from '../auth/call-context';
import { SETTING_KEYS } from '../db/repositories/setting-repository';
import type { PeriodBounds } from '../db/repositories/report-repository';
import { invalid } from '../domain-error';
import type { Repositories, Tx } from '../db/unit-of-work';

const MINUTE_MS = 60_000;

/** Local midnight starting the calendar day `date` (YYYY-MM-DD), `plusDays` later. */
function localMidnight(date: string, plusDays = 0, hour = 0): Date {
  const { year, month, day } = calendarParts(date);
  return new Date(year, month - 1, day + plusDays, hour);
}

/** The local days from `from` to `to`, inclusive. */
function daysOf(from: string, to: string): string[] {
  const days: string[] = [];
  for (let i = 0; ; i++) {
    const day = localDate(localMidnight(from, i));
    if (day > to) return days;
    days.push(day);
  }
}

/**
 * The service level's threshold: a setting, 5 minutes unless the desk chose otherwise. A stored
 * value a supervisor could not have saved (a hand-edited file) counts as the default.
 */
export async function serviceLevelThresholdMs(repos: Repositories): Promise<number> {
  const stored = Number(await repos.settings.get(SETTING_KEYS.serviceLevelThresholdMs));
  const minutes = stored / MINUTE_MS;
  return Number.isInteger(minutes) &&
    minutes >= SERVICE_LEVEL_MINUTES.min &&
    minutes <= SERVICE_LEVEL_MINUTES.max
    ? stored
    : DEFAULT_SERVICE_LEVEL_THRESHOLD_MS;
}

/**
 * A supervisor chooses the threshold. Stored in ms like the figures; the change event tells
 * every open dashboard to recompute its service level.
 */
export async function setServiceLevel(
  tx: Tx,
  input: ParsedInput<'reports.setServiceLevel'>,
): Promise<ServiceLevelSetting> {
  await tx.settings.set(
    SETTING_KEYS.serviceLevelThresholdMs,
    String(input.thresholdMinutes * MINUTE_MS),
    tx.now,
  );
  tx.changed.touch('settings');
  return { thresholdMs: await serviceLevelThresholdMs(tx) };
}

const roundMs = (value: number | null): number | null => (value === null ? null : Math.round(value));

/** The bounds of a period of local days, as stored instants; `until` stops at now. */
export function periodBounds(from: string, to: string, now: Date): PeriodBounds {
  const start = localMidnight(from);
  const end = localMidnight(to, 1);
  const until = new Date(Math.max(start.getTime(), Math.min(end.getTime(), now.getTime())));
  return {
    start: start.toISOString(),
    end: end.toISOString(),
    until: until.toISOString(),
    now: now.toISOString(),
  };
}

export async function dashboard(
  repos: Repositories,
  input: ParsedInput<'reports.dashboard'>,
  call: CallContext,
): Promise<Dashboard> {
  const today = localDate(call.now);
  const from = input?.from ?? today;
  const to = input?.to ?? today;
  if (from > to) {
    throw invalid(m('refusal.periodBackwards'), { to: m('validation.endBeforeStart') });
  }
  const bounds = periodBounds(from, to, call.now);
  const thresholdMs = await serviceLevelThresholdMs(repos);

  const current = await repos.reports.deskNow(bounds.now);
  const period = await repos.reports.period(bounds, thresholdMs);
  const perAgent: AgentFigures[] = (await repos.reports.perAgent(bounds)).map((row) => ({
    agentId: row.agent_id,
    name: row.name,
    resolved: row.resolved,
    avgHandleMs: roundMs(row.avg_handle),
    onDutyMs: row.on_duty_ms,
    busyMs: row.busy_ms,
    utilization: row.on_duty_ms > 0 ? Math.round((row.busy_ms / row.on_duty_ms) * 10_000) / 10_000 : null,
  }));

  // 24 local hours a day; on a day the clocks change, an hour may be shorter or longer.
  const buckets: [string, string][] = [];
  for (const day of daysOf(from, to)) {
    for (let h = 0; h < 24; h++) {
      buckets.push([localMidnight(day, 0, h).toISOString(), localMidnight(day, 0, h + 1).toISOString()]);
    }
  }
  const hours = await repos.reports.hourly(buckets);
  const hourly: HourFigures[] = buckets.map(([start], i) => {
    const row = hours[i]!;
    return { start, created: row.created, resolved: row.resolved, avgWaitMs: roundMs(row.avg_wait) };
  });

  return {
    from,
    to,
    at: bounds.now,
    now: {
      queued: current.queued,
      inProgress: current.in_progress,
      agentsOnDuty: current.on_duty,
      agentsFree: await repos.agents.countFree(),
      longestWaitMs: current.oldest ? Math.max(0, call.now.getTime() - Date.parse(current.oldest)) : 0,
    },
    period: {
      created: period.created,
      resolved: period.resolved,
      cancelled: period.cancelled,
      avgWaitMs: roundMs(period.avg_wait),
      avgHandleMs: roundMs(period.avg_handle),
      serviceLevelPct: period.sl_eligible
        ? Math.round(((period.sl_met ?? 0) / period.sl_eligible) * 1000) / 10
        : null,
      serviceLevelThresholdMs: thresholdMs,
      outcomes: await repos.reports.outcomes(bounds),
    },
    perAgent,
    hourly,
  };
}
