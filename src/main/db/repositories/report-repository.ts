import type { Outcome } from '../../../shared/domain';
import type { SqlWriter } from '../sql-driver';
import { greater, isTrue, jsonPairs, lesser, msBetween, orderLower } from './dialect-forms';

/**
 * Milliseconds from one stored instant to another, in SQL. Timestamps are stored as ISO-8601
 * text, which julianday() reads on SQLite; a day is 86,400,000 ms, and the rounding undoes the
 * float's last bits (julianday is exact to well under a millisecond). PostgreSQL subtracts two
 * `timestamptz` (see `msBetween`). The other forms that differ: scalar MAX/MIN (`greater`,
 * `lesser`) and the hour buckets' JSON list (`jsonPairs`).
 */
const ms = msBetween;

/** A period: instants as stored (ISO, UTC), `end` exclusive; `until` = min(end, now). */
export interface PeriodBounds extends Record<string, string> {
  start: string;
  end: string;
  until: string;
  now: string;
}

export interface PeriodRow {
  created: number;
  resolved: number;
  cancelled: number;
  avg_wait: number | null;
  avg_handle: number | null;
  sl_met: number | null;
  sl_eligible: number | null;
}

export interface AgentPeriodRow {
  agent_id: number;
  name: string;
  resolved: number;
  avg_handle: number | null;
  on_duty_ms: number;
  busy_ms: number;
}

export interface HourRow {
  i: number;
  created: number;
  resolved: number;
  avg_wait: number | null;
}

/**
 * The dashboard's figures, each one aggregate over an indexed column: cases by created_at
 * (idx_cases_created_report covers count, wait and service level), by resolved_at
 * (idx_cases_resolved) and by cancelled_at (idx_cases_cancelled); agents' duty and busy time
 * from agent_events (idx_agent_events_agent). No case row leaves SQLite.
 */
export class ReportRepository {
  constructor(private readonly sql: SqlWriter) {}

  async deskNow(
    now: string,
  ): Promise<{ queued: number; in_progress: number; on_duty: number; oldest: string | null }> {
    return (await this.sql.get(
      `SELECT (SELECT COUNT(*) FROM cases WHERE status = 'queued') AS queued,
              (SELECT COUNT(*) FROM cases WHERE status = 'assigned') AS in_progress,
              (SELECT COUNT(*) FROM agents WHERE ${isTrue(this.sql, 'on_duty')} AND removed_at IS NULL) AS on_duty,
              (SELECT MIN(created_at) FROM cases WHERE status = 'queued' AND created_at <= @now) AS oldest`,
      { now },
    ))!;
  }

  async period(p: PeriodBounds, thresholdMs: number): Promise<PeriodRow> {
    return (await this.sql.get<PeriodRow>(
      `WITH made AS (
         SELECT created_at, first_assigned_at, cancelled_at FROM cases
         WHERE created_at >= @start AND created_at < @end),
       done AS (
         SELECT assigned_at, resolved_at FROM cases WHERE resolved_at >= @start AND resolved_at < @end)
       SELECT
         (SELECT COUNT(*) FROM made) AS created,
         (SELECT COUNT(*) FROM done) AS resolved,
         (SELECT COUNT(*) FROM cases WHERE cancelled_at >= @start AND cancelled_at < @end) AS cancelled,
         (SELECT AVG(${ms(this.sql, 'created_at', 'first_assigned_at')}) FROM made
          WHERE first_assigned_at IS NOT NULL) AS avg_wait,
         (SELECT AVG(${ms(this.sql, 'assigned_at', 'resolved_at')}) FROM done) AS avg_handle,
         (SELECT SUM(CASE WHEN ${ms(this.sql, 'created_at', 'first_assigned_at')} <= @threshold THEN 1 ELSE 0 END)
          FROM made WHERE first_assigned_at IS NOT NULL) AS sl_met,
         (SELECT COUNT(*) FROM made
          WHERE first_assigned_at IS NOT NULL
             -- never assigned: decided once the threshold elapsed while it waited
             OR ${ms(this.sql, 'created_at', 'COALESCE(cancelled_at, @now)')} >= @threshold) AS sl_eligible`,
      { ...p, threshold: thresholdMs },
    ))!;
  }

  async outcomes(p: PeriodBounds): Promise<Record<Outcome, number>> {
    const rows = await this.sql.all<{ outcome: Outcome; n: number }>(
      `SELECT outcome, COUNT(*) AS n FROM cases WHERE resolved_at >= @start AND resolved_at < @end
       GROUP BY outcome`,
      p,
    );
    const counts: Record<Outcome, number> = {
      refund: 0,
      exchange: 0,
      repair: 0,
      store_credit: 0,
      rejected: 0,
    };
    for (const row of rows) counts[row.outcome] = row.n;
    return counts;
  }

  /**
   * Per agent: duty and busy time clipped to [start, until], from the agent log. Each track's
   * spans run from an event to the agent's next event on that track (or `until`); the state an
   * agent carried into the period is their last event before it. Then cases resolved.
   */
  async perAgent(p: PeriodBounds): Promise<AgentPeriodRow[]> {
    return await this.sql.all<AgentPeriodRow>(
      `WITH tracks (track) AS (VALUES ('duty'), ('busy')),
       carried AS (
         SELECT (SELECT x.id FROM agent_events x
                 WHERE x.agent_id = a.id AND x.track = t.track AND x.at < @start
                 ORDER BY x.at DESC, x.id DESC LIMIT 1) AS id
         FROM agents a CROSS JOIN tracks t),
       events AS (
         SELECT e.id, e.agent_id, e.track, e.active, e.at FROM agent_events e
         WHERE e.id IN (SELECT id FROM carried)
         UNION ALL
         -- Per agent and track, a range of the covering index, already in time order.
         SELECT e.id, e.agent_id, e.track, e.active, e.at
         FROM agents a CROSS JOIN tracks t
         JOIN agent_events e ON e.agent_id = a.id AND e.track = t.track AND e.at >= @start AND e.at < @until),
       spans AS (
         SELECT agent_id, track, active,
                ${greater(this.sql, 'at', '@start')} AS s,
                ${lesser(this.sql, 'LEAD(at, 1, @until) OVER (PARTITION BY agent_id, track ORDER BY at, id)', '@until')} AS e
         FROM events),
       timed AS (
         SELECT agent_id,
                SUM(CASE WHEN track = 'duty' AND e > s THEN ${ms(this.sql, 's', 'e')} ELSE 0 END) AS on_duty_ms,
                SUM(CASE WHEN track = 'busy' AND e > s THEN ${ms(this.sql, 's', 'e')} ELSE 0 END) AS busy_ms
         FROM spans WHERE ${isTrue(this.sql, 'active')} GROUP BY agent_id),
       resolved AS (
         SELECT agent_id, COUNT(*) AS n, AVG(${ms(this.sql, 'assigned_at', 'resolved_at')}) AS avg_handle
         FROM cases WHERE resolved_at >= @start AND resolved_at < @end GROUP BY agent_id)
       SELECT a.id AS agent_id, a.name, COALESCE(r.n, 0) AS resolved, r.avg_handle,
              COALESCE(t.on_duty_ms, 0) AS on_duty_ms, COALESCE(t.busy_ms, 0) AS busy_ms
       FROM agents a
       LEFT JOIN timed t ON t.agent_id = a.id
       LEFT JOIN resolved r ON r.agent_id = a.id
       WHERE COALESCE(t.on_duty_ms, 0) > 0 OR COALESCE(t.busy_ms, 0) > 0 OR r.n > 0
       ORDER BY ${orderLower(this.sql, 'a.name')}, a.id`,
      p,
    );
  }

  /** Created, resolved and average wait per bucket; `buckets` are [start, end) instant pairs. */
  async hourly(buckets: [string, string][]): Promise<HourRow[]> {
    return await this.sql.all<HourRow>(
      `WITH b AS (
         ${jsonPairs(this.sql, '@buckets')})
       SELECT b.i,
         (SELECT COUNT(*) FROM cases c WHERE c.created_at >= b.s AND c.created_at < b.e) AS created,
         (SELECT COUNT(*) FROM cases c WHERE c.resolved_at >= b.s AND c.resolved_at < b.e) AS resolved,
         (SELECT AVG(${ms(this.sql, 'c.created_at', 'c.first_assigned_at')}) FROM cases c
          WHERE c.created_at >= b.s AND c.created_at < b.e AND c.first_assigned_at IS NOT NULL) AS avg_wait
       FROM b ORDER BY b.i`,
      { buckets: JSON.stringify(buckets) },
    );
  }
}
