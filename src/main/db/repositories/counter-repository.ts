// Reads for the customer at the counter (issue 15): the estimated wait's inputs, the waiting-area
// display's rows, and the counter settings (store name, direct printing).
import type { SqlWriter } from '../sql-driver';
import { isTrue, msBetween } from './dialect-forms';

export const COUNTER_SETTING_KEYS = {
  /** The store's name on slips and the display; absent: the default. */
  storeName: 'store_name',
  /** "true": print slips straight to the default printer; absent or "false": the print dialog. */
  printDirect: 'slip_print_direct',
} as const;
type CounterSettingKey = (typeof COUNTER_SETTING_KEYS)[keyof typeof COUNTER_SETTING_KEYS];

export class CounterRepository {
  constructor(private readonly sql: SqlWriter) {}

  /**
   * Handle times (assigned → resolved, ms) of the last `limit` resolved cases, newest first:
   * a walk down idx_cases_resolved that stops after `limit` rows.
   */
  async recentHandleMs(limit: number): Promise<number[]> {
    // CAST: a bare parameter in LIMIT makes SQLite re-prepare the statement on every run.
    // `status || ''`: an expression, so the planner cannot take `status = 'resolved'` to the
    // status index (without ANALYZE it prefers equality): that read every resolved case and
    // sorted them, 85–240 ms per slip at 100,000 cases, where this walk takes 0.2 ms.
    return (
      await this.sql.all<{ ms: number | null }>(
        `SELECT ${msBetween(this.sql, 'assigned_at', 'resolved_at', '(julianday(resolved_at) - julianday(assigned_at)) * 86400000')} AS ms
         FROM cases WHERE resolved_at IS NOT NULL AND (status || '') = 'resolved' AND assigned_at IS NOT NULL
         ORDER BY resolved_at DESC LIMIT CAST(@limit AS INTEGER)`,
        { limit },
      )
    ).flatMap((row) => (row.ms === null ? [] : [row.ms]));
  }

  /** Agents on duty (busy or free), not removed. */
  async agentsOnDuty(): Promise<number> {
    return (
      (
        await this.sql.get<{ n: number }>(
          `SELECT COUNT(*) AS n FROM agents WHERE ${isTrue(this.sql, 'on_duty')} AND removed_at IS NULL`,
        )
      )?.n ?? 0
    );
  }

  /**
   * The cases being served now, latest assignment first: id, agent name and title, since when.
   * The camel-case names are quoted: PostgreSQL folds an unquoted one to lower case.
   */
  async nowServing(
    limit: number,
  ): Promise<{ id: number; agentName: string; agentTitle: string; assignedAt: string }[]> {
    return await this.sql.all(
      `SELECT c.id AS id, a.name AS "agentName", a.title AS "agentTitle", c.assigned_at AS "assignedAt"
       FROM cases c JOIN agents a ON a.id = c.agent_id
       WHERE c.status = 'assigned' ORDER BY c.assigned_at DESC, c.id DESC
       LIMIT CAST(@limit AS INTEGER)`,
      { limit },
    );
  }

  /** The first `limit` waiting case ids in serving order (the queue index). */
  async waitingIds(limit: number): Promise<number[]> {
    return (
      await this.sql.all<{ id: number }>(
        `SELECT id FROM cases WHERE status = 'queued' ORDER BY priority_rank DESC, created_at, id
         LIMIT CAST(@limit AS INTEGER)`,
        { limit },
      )
    ).map((row) => row.id);
  }

  async waitingCount(): Promise<number> {
    return (
      (await this.sql.get<{ n: number }>(`SELECT COUNT(*) AS n FROM cases WHERE status = 'queued'`))?.n ?? 0
    );
  }

  async setting(key: CounterSettingKey): Promise<string | undefined> {
    return (await this.sql.get<{ value: string }>(`SELECT value FROM settings WHERE key = @key`, { key }))
      ?.value;
  }

  async setSetting(key: CounterSettingKey, value: string, now: string): Promise<void> {
    await this.sql.run(
      `INSERT INTO settings (key, value, updated_at) VALUES (@key, @value, @now)
       ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      { key, value, now },
    );
  }
}
