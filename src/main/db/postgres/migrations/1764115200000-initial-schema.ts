import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ID, INSTANT, REFUSE_FUNCTION, refuseTrigger } from './shared';

/**
 * The first schema, on PostgreSQL (the SQLite one: ../../migrations). The same tables,
 * columns, CHECKs and index names; in PostgreSQL's forms: identity ids, real booleans,
 * `lower()` expression indexes for SQLite's `COLLATE NOCASE` ones, and the triggers as
 * PL/pgSQL. The partial unique index allows one assigned case per agent on both engines.
 * (SQLite's `application_id` marks a file as the desk's; a database has no such mark.)
 */
export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(REFUSE_FUNCTION);

    await q.query(`
      CREATE TABLE agents (
        id          ${ID},
        name        VARCHAR(120) NOT NULL,
        title       VARCHAR(80)  NOT NULL DEFAULT '',
        on_duty     BOOLEAN      NOT NULL DEFAULT TRUE,
        free_since  ${INSTANT},
        removed_at  ${INSTANT},
        created_at  ${INSTANT}   NOT NULL,
        updated_at  ${INSTANT}   NOT NULL,
        CHECK (removed_at IS NULL OR (NOT on_duty AND free_since IS NULL)),
        CHECK (on_duty OR free_since IS NULL)
      )`);
    await q.query(
      `CREATE INDEX idx_agents_free ON agents (free_since, id) WHERE on_duty AND removed_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE customers (
        id          ${ID},
        name        VARCHAR(120) NOT NULL,
        email       VARCHAR(254),
        phone       VARCHAR(32),
        created_at  ${INSTANT}   NOT NULL,
        updated_at  ${INSTANT}   NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_customers_name ON customers (lower(name))`);
    await q.query(`CREATE INDEX idx_customers_email ON customers (lower(email))`);
    await q.query(`CREATE INDEX idx_customers_phone ON customers (phone)`);

    await q.query(`
      CREATE TABLE cases (
        id             ${ID},
        customer_id    INTEGER      NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
        order_number   VARCHAR(40)  NOT NULL,
        product        VARCHAR(160) NOT NULL,
        purchase_date  VARCHAR(10)  COLLATE "C",
        reason         VARCHAR(20)  NOT NULL CHECK (reason IN
                         ('damaged', 'defective', 'wrong_item', 'not_as_described', 'no_longer_needed', 'other')),
        description    TEXT         NOT NULL DEFAULT '',
        priority       VARCHAR(10)  NOT NULL CHECK (priority IN ('normal', 'high', 'urgent')),
        priority_rank  INTEGER      NOT NULL,
        status         VARCHAR(10)  NOT NULL CHECK (status IN ('queued', 'assigned', 'resolved', 'cancelled')),
        agent_id       INTEGER      REFERENCES agents (id) ON DELETE RESTRICT,
        created_at     ${INSTANT}   NOT NULL,
        assigned_at    ${INSTANT},
        resolved_at    ${INSTANT},
        cancelled_at   ${INSTANT},
        updated_at     ${INSTANT}   NOT NULL,
        outcome        VARCHAR(20)  CHECK (outcome IS NULL OR outcome IN
                         ('refund', 'exchange', 'repair', 'store_credit', 'rejected')),
        note           TEXT,
        cancel_reason  TEXT,
        CHECK ((priority = 'normal' AND priority_rank = 0) OR (priority = 'high' AND priority_rank = 1)
               OR (priority = 'urgent' AND priority_rank = 2)),
        CHECK (status <> 'queued' OR (agent_id IS NULL AND assigned_at IS NULL)),
        CHECK (status <> 'assigned' OR (agent_id IS NOT NULL AND assigned_at IS NOT NULL)),
        CHECK (status <> 'resolved' OR (agent_id IS NOT NULL AND outcome IS NOT NULL AND resolved_at IS NOT NULL)),
        CHECK (status <> 'cancelled' OR cancelled_at IS NOT NULL)
      )`);
    // At most one assigned case per agent, whatever the code above it does.
    await q.query(
      `CREATE UNIQUE INDEX uq_cases_assigned_agent ON cases (agent_id) WHERE status = 'assigned'`,
    );
    await q.query(
      `CREATE INDEX idx_cases_queue ON cases (status, priority_rank DESC, created_at, id)
       WHERE status = 'queued'`,
    );
    await q.query(`CREATE INDEX idx_cases_status_created ON cases (status, created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_agent_created ON cases (agent_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_customer_created ON cases (customer_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_created ON cases (created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_order_number ON cases (lower(order_number))`);
    await q.query(refuseTrigger('trg_cases_no_delete', 'DELETE', 'cases', 'cases are never deleted'));

    await q.query(`
      CREATE TABLE case_events (
        id        ${ID},
        case_id   INTEGER     NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
        type      VARCHAR(12) NOT NULL CONSTRAINT case_events_type_check CHECK (type IN
                    ('created', 'assigned', 'requeued', 'reassigned', 'resolved', 'cancelled')),
        agent_id  INTEGER     REFERENCES agents (id) ON DELETE RESTRICT,
        actor     VARCHAR(60) NOT NULL,
        at        ${INSTANT}  NOT NULL,
        detail    TEXT
      )`);
    await q.query(`CREATE INDEX idx_case_events_case ON case_events (case_id, id)`);
    await q.query(
      refuseTrigger(
        'trg_case_events_append_only_update',
        'UPDATE',
        'case_events',
        'the case timeline is append-only',
      ),
    );
    await q.query(
      refuseTrigger(
        'trg_case_events_append_only_delete',
        'DELETE',
        'case_events',
        'the case timeline is append-only',
      ),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE customers`);
    await q.query(`DROP TABLE agents`);
    await q.query(`DROP FUNCTION returndesk_refuse()`);
  }
}
