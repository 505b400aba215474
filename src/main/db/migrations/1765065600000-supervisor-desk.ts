import type { MigrationInterface, QueryRunner } from 'typeorm';

const CASE_EVENT_TYPES_BEFORE = `'created', 'assigned', 'requeued', 'reassigned', 'resolved', 'cancelled'`;
const CASE_EVENT_TYPES_AFTER = `${CASE_EVENT_TYPES_BEFORE}, 'edited', 'priority_changed', 'reopened'`;

const caseEventsTable = (name: string, types: string) => `
  CREATE TABLE ${name} (
    id        INTEGER PRIMARY KEY AUTOINCREMENT,
    case_id   INTEGER     NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
    type      VARCHAR(16) NOT NULL CHECK (type IN (${types})),
    agent_id  INTEGER     REFERENCES agents (id) ON DELETE RESTRICT,
    actor     VARCHAR(60) NOT NULL,
    at        VARCHAR(30) NOT NULL,
    detail    TEXT
  )`;

/** Rebuilds case_events with another list of types (SQLite cannot alter a CHECK in place). */
async function rebuildCaseEvents(q: QueryRunner, types: string): Promise<void> {
  await q.query(`DROP TRIGGER trg_case_events_append_only_update`);
  await q.query(`DROP TRIGGER trg_case_events_append_only_delete`);
  await q.query(caseEventsTable('case_events_next', types));
  await q.query(`INSERT INTO case_events_next SELECT id, case_id, type, agent_id, actor, at, detail
                 FROM case_events ORDER BY id`);
  await q.query(`DROP TABLE case_events`);
  await q.query(`ALTER TABLE case_events_next RENAME TO case_events`);
  await q.query(`CREATE INDEX idx_case_events_case ON case_events (case_id, id)`);
  await q.query(`
    CREATE TRIGGER trg_case_events_append_only_update BEFORE UPDATE ON case_events
    BEGIN SELECT RAISE(ABORT, 'the case timeline is append-only'); END`);
  await q.query(`
    CREATE TRIGGER trg_case_events_append_only_delete BEFORE DELETE ON case_events
    BEGIN SELECT RAISE(ABORT, 'the case timeline is append-only'); END`);
}

/**
 * The supervisor's desk (issue 14).
 *
 * - `agent_events`: an append-only log of each agent's duty (on/off) and busy (a case taken /
 *   released) changes, from which the dashboard sums duty and busy time in SQL. Triggers on
 *   `agents` and `cases` write it, so every change is recorded in the same transaction as the
 *   change itself, whichever code path made it (an agent created on duty: see AgentRepository). `track` says which of the two states changed;
 *   `active` is the new state (on duty / busy).
 * - `cases.first_assigned_at`: when a case was first given to an agent, for the wait time and
 *   the service level (`assigned_at` is the latest assignment, which handle time needs).
 * - Indexes for the period aggregates over resolution and cancellation times.
 * - case_events gains the supervisor's actions: edited, priority_changed, reopened.
 *
 * A desk older than this has no duty history: agents on duty now are taken as on duty since
 * their last change, and busy agents as busy since their case's assignment.
 */
export class SupervisorDesk1765065600000 implements MigrationInterface {
  name = 'SupervisorDesk1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN first_assigned_at VARCHAR(30)`);
    await q.query(`
      UPDATE cases SET first_assigned_at = (
        SELECT MIN(e.at) FROM case_events e
        WHERE e.case_id = cases.id AND e.type IN ('assigned', 'reassigned'))`);
    // Covering the created-in-period aggregates: count, wait and service level read the index only.
    await q.query(
      `CREATE INDEX idx_cases_created_report ON cases (created_at, first_assigned_at, cancelled_at)`,
    );
    await q.query(
      `CREATE INDEX idx_cases_resolved ON cases (resolved_at, agent_id) WHERE resolved_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX idx_cases_cancelled ON cases (cancelled_at) WHERE cancelled_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE agent_events (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        agent_id  INTEGER     NOT NULL REFERENCES agents (id) ON DELETE RESTRICT,
        track     VARCHAR(4)  NOT NULL CHECK (track IN ('duty', 'busy')),
        active    BOOLEAN     NOT NULL CHECK (active IN (0, 1)),
        case_id   INTEGER     REFERENCES cases (id) ON DELETE RESTRICT,
        at        VARCHAR(30) NOT NULL,
        CHECK ((track = 'busy') = (case_id IS NOT NULL))
      )`);
    // Covering for the per-agent spans: each agent's events of one track, in time order.
    await q.query(`CREATE INDEX idx_agent_events_agent ON agent_events (agent_id, track, at, active)`);
    await q.query(`CREATE INDEX idx_agent_events_at ON agent_events (at, id)`);
    await q.query(`
      INSERT INTO agent_events (agent_id, track, active, case_id, at)
      SELECT id, 'duty', 1, NULL, updated_at FROM agents WHERE on_duty = 1 AND removed_at IS NULL`);
    await q.query(`
      INSERT INTO agent_events (agent_id, track, active, case_id, at)
      SELECT agent_id, 'busy', 1, id, assigned_at FROM cases WHERE status = 'assigned'`);

    // Duty: an agent put on or taken off duty, or removed (which takes them off). An agent added
    // on duty is logged by AgentRepository.insert: a trigger on INSERT would also fire when rows
    // are copied back in (the migration fixtures), writing history twice.
    await q.query(`
      CREATE TRIGGER trg_agent_events_duty_update AFTER UPDATE OF on_duty ON agents
      WHEN NEW.on_duty <> OLD.on_duty
      BEGIN
        INSERT INTO agent_events (agent_id, track, active, case_id, at)
        VALUES (NEW.id, 'duty', NEW.on_duty, NULL, NEW.updated_at);
      END`);
    // Busy: a case leaves its agent (resolved, cancelled, requeued, reassigned, swapped) and/or
    // reaches one. The release is written first, so a swap reads as free-then-busy.
    await q.query(`
      CREATE TRIGGER trg_agent_events_busy_update AFTER UPDATE OF status, agent_id ON cases
      WHEN (OLD.status = 'assigned') <> (NEW.status = 'assigned')
        OR (OLD.status = 'assigned' AND NEW.agent_id IS NOT OLD.agent_id)
      BEGIN
        INSERT INTO agent_events (agent_id, track, active, case_id, at)
        SELECT OLD.agent_id, 'busy', 0, OLD.id, NEW.updated_at WHERE OLD.status = 'assigned';
        INSERT INTO agent_events (agent_id, track, active, case_id, at)
        SELECT NEW.agent_id, 'busy', 1, NEW.id, NEW.updated_at WHERE NEW.status = 'assigned';
      END`);
    await q.query(`
      CREATE TRIGGER trg_agent_events_append_only_update BEFORE UPDATE ON agent_events
      BEGIN SELECT RAISE(ABORT, 'the agent log is append-only'); END`);
    await q.query(`
      CREATE TRIGGER trg_agent_events_append_only_delete BEFORE DELETE ON agent_events
      BEGIN SELECT RAISE(ABORT, 'the agent log is append-only'); END`);

    await rebuildCaseEvents(q, CASE_EVENT_TYPES_AFTER);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM settings WHERE key = 'service_level_threshold_ms'`);
    await rebuildCaseEvents(q, CASE_EVENT_TYPES_BEFORE);
    await q.query(`DROP TRIGGER trg_agent_events_busy_update`);
    await q.query(`DROP TRIGGER trg_agent_events_duty_update`);
    await q.query(`DROP TRIGGER trg_agent_events_append_only_update`);
    await q.query(`DROP TRIGGER trg_agent_events_append_only_delete`);
    await q.query(`DROP TABLE agent_events`);
    await q.query(`DROP INDEX idx_cases_cancelled`);
    await q.query(`DROP INDEX idx_cases_resolved`);
    await q.query(`DROP INDEX idx_cases_created_report`);
    await q.query(`ALTER TABLE cases DROP COLUMN first_assigned_at`);
  }
}
