import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ID, INSTANT, refuseTrigger } from './shared';

const CASE_EVENT_TYPES_BEFORE = `'created', 'assigned', 'requeued', 'reassigned', 'resolved', 'cancelled'`;
const CASE_EVENT_TYPES_AFTER = `${CASE_EVENT_TYPES_BEFORE}, 'edited', 'priority_changed', 'reopened'`;

/** case_events' list of types. PostgreSQL alters a CHECK in place, where SQLite rebuilds the table. */
async function setCaseEventTypes(q: QueryRunner, types: string, width: number): Promise<void> {
  await q.query(`ALTER TABLE case_events DROP CONSTRAINT case_events_type_check`);
  await q.query(`ALTER TABLE case_events ALTER COLUMN type TYPE VARCHAR(${width})`);
  await q.query(`ALTER TABLE case_events ADD CONSTRAINT case_events_type_check CHECK (type IN (${types}))`);
}

/**
 * The supervisor's desk (issue 14), on PostgreSQL: the same as the SQLite migration of this
 * name (read its comment for why each part), the triggers in PL/pgSQL.
 */
export class SupervisorDesk1765065600000 implements MigrationInterface {
  name = 'SupervisorDesk1765065600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE cases ADD COLUMN first_assigned_at ${INSTANT}`);
    await q.query(`
      UPDATE cases SET first_assigned_at = (
        SELECT MIN(e.at) FROM case_events e
        WHERE e.case_id = cases.id AND e.type IN ('assigned', 'reassigned'))`);
    await q.query(
      `CREATE INDEX idx_cases_created_report ON cases (created_at, first_assigned_at, cancelled_at)`,
    );
    await q.query(
      `CREATE INDEX idx_cases_resolved ON cases (resolved_at, agent_id) WHERE resolved_at IS NOT NULL`,
    );
    await q.query(`CREATE INDEX idx_cases_cancelled ON cases (cancelled_at) WHERE cancelled_at IS NOT NULL`);

    await q.query(`
      CREATE TABLE agent_events (
        id        ${ID},
        agent_id  INTEGER     NOT NULL REFERENCES agents (id) ON DELETE RESTRICT,
        track     VARCHAR(4)  NOT NULL CHECK (track IN ('duty', 'busy')),
        active    BOOLEAN     NOT NULL,
        case_id   INTEGER     REFERENCES cases (id) ON DELETE RESTRICT,
        at        ${INSTANT}  NOT NULL,
        CHECK ((track = 'busy') = (case_id IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX idx_agent_events_agent ON agent_events (agent_id, track, at, active)`);
    await q.query(`CREATE INDEX idx_agent_events_at ON agent_events (at, id)`);
    await q.query(`
      INSERT INTO agent_events (agent_id, track, active, case_id, at)
      SELECT id, 'duty', TRUE, NULL, updated_at FROM agents WHERE on_duty AND removed_at IS NULL`);
    await q.query(`
      INSERT INTO agent_events (agent_id, track, active, case_id, at)
      SELECT agent_id, 'busy', TRUE, id, assigned_at FROM cases WHERE status = 'assigned'`);

    // Duty: an agent put on or taken off duty, or removed. (One added on duty: AgentRepository.)
    await q.query(`
      CREATE FUNCTION agent_events_duty() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        INSERT INTO agent_events (agent_id, track, active, case_id, at)
        VALUES (NEW.id, 'duty', NEW.on_duty, NULL, NEW.updated_at);
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER trg_agent_events_duty_update AFTER UPDATE OF on_duty ON agents
      FOR EACH ROW WHEN (NEW.on_duty <> OLD.on_duty)
      EXECUTE FUNCTION agent_events_duty()`);
    // Busy: the release is written first, so a swap reads as free-then-busy.
    await q.query(`
      CREATE FUNCTION agent_events_busy() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF OLD.status = 'assigned' THEN
          INSERT INTO agent_events (agent_id, track, active, case_id, at)
          VALUES (OLD.agent_id, 'busy', FALSE, OLD.id, NEW.updated_at);
        END IF;
        IF NEW.status = 'assigned' THEN
          INSERT INTO agent_events (agent_id, track, active, case_id, at)
          VALUES (NEW.agent_id, 'busy', TRUE, NEW.id, NEW.updated_at);
        END IF;
        RETURN NULL;
      END
      $$`);
    await q.query(`
      CREATE TRIGGER trg_agent_events_busy_update AFTER UPDATE OF status, agent_id ON cases
      FOR EACH ROW WHEN ((OLD.status = 'assigned') <> (NEW.status = 'assigned')
        OR (OLD.status = 'assigned' AND NEW.agent_id IS DISTINCT FROM OLD.agent_id))
      EXECUTE FUNCTION agent_events_busy()`);
    await q.query(
      refuseTrigger(
        'trg_agent_events_append_only_update',
        'UPDATE',
        'agent_events',
        'the agent log is append-only',
      ),
    );
    await q.query(
      refuseTrigger(
        'trg_agent_events_append_only_delete',
        'DELETE',
        'agent_events',
        'the agent log is append-only',
      ),
    );

    await setCaseEventTypes(q, CASE_EVENT_TYPES_AFTER, 16);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM settings WHERE key = 'service_level_threshold_ms'`);
    await setCaseEventTypes(q, CASE_EVENT_TYPES_BEFORE, 12);
    await q.query(`DROP TABLE agent_events`);
    await q.query(`DROP FUNCTION agent_events_busy()`);
    await q.query(`DROP FUNCTION agent_events_duty()`);
    await q.query(`DROP INDEX idx_cases_cancelled`);
    await q.query(`DROP INDEX idx_cases_resolved`);
    await q.query(`DROP INDEX idx_cases_created_report`);
    await q.query(`ALTER TABLE cases DROP COLUMN first_assigned_at`);
  }
}
