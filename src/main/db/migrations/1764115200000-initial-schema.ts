import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first schema. The database itself backs the engine's invariants: CHECKs
 * tie status to agent and outcome, a partial UNIQUE index allows one assigned
 * case per agent, and triggers keep cases and their timeline undeletable.
 */
export class InitialSchema1764115200000 implements MigrationInterface {
  name = 'InitialSchema1764115200000';

  async up(q: QueryRunner): Promise<void> {
    // Marks the file as ours ('RDK1'), so a foreign SQLite file is recognised.
    await q.query(`PRAGMA application_id = 1380207409`);

    await q.query(`
      CREATE TABLE agents (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        name        VARCHAR(120) NOT NULL,
        title       VARCHAR(80)  NOT NULL DEFAULT '',
        on_duty     BOOLEAN      NOT NULL DEFAULT 1 CHECK (on_duty IN (0, 1)),
        free_since  VARCHAR(30),
        removed_at  VARCHAR(30),
        created_at  VARCHAR(30)  NOT NULL,
        updated_at  VARCHAR(30)  NOT NULL,
        CHECK (removed_at IS NULL OR (on_duty = 0 AND free_since IS NULL)),
        CHECK (on_duty = 1 OR free_since IS NULL)
      )`);
    await q.query(
      `CREATE INDEX idx_agents_free ON agents (free_since, id) WHERE on_duty = 1 AND removed_at IS NULL`,
    );

    await q.query(`
      CREATE TABLE customers (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        name        VARCHAR(120) NOT NULL,
        email       VARCHAR(254),
        phone       VARCHAR(32),
        created_at  VARCHAR(30)  NOT NULL,
        updated_at  VARCHAR(30)  NOT NULL
      )`);
    await q.query(`CREATE INDEX idx_customers_name ON customers (name COLLATE NOCASE)`);
    await q.query(`CREATE INDEX idx_customers_email ON customers (email COLLATE NOCASE)`);
    await q.query(`CREATE INDEX idx_customers_phone ON customers (phone)`);

    await q.query(`
      CREATE TABLE cases (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        customer_id    INTEGER      NOT NULL REFERENCES customers (id) ON DELETE RESTRICT,
        order_number   VARCHAR(40)  NOT NULL,
        product        VARCHAR(160) NOT NULL,
        purchase_date  VARCHAR(10),
        reason         VARCHAR(20)  NOT NULL CHECK (reason IN
                         ('damaged', 'defective', 'wrong_item', 'not_as_described', 'no_longer_needed', 'other')),
        description    TEXT         NOT NULL DEFAULT '',
        priority       VARCHAR(10)  NOT NULL CHECK (priority IN ('normal', 'high', 'urgent')),
        priority_rank  INTEGER      NOT NULL,
        status         VARCHAR(10)  NOT NULL CHECK (status IN ('queued', 'assigned', 'resolved', 'cancelled')),
        agent_id       INTEGER      REFERENCES agents (id) ON DELETE RESTRICT,
        created_at     VARCHAR(30)  NOT NULL,
        assigned_at    VARCHAR(30),
        resolved_at    VARCHAR(30),
        cancelled_at   VARCHAR(30),
        updated_at     VARCHAR(30)  NOT NULL,
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
    // The waiting queue, in serving order. `status` leads although the index is partial: with
    // equality on it the planner prefers this index (no sort) over idx_cases_status_created.
    await q.query(
      `CREATE INDEX idx_cases_queue ON cases (status, priority_rank DESC, created_at, id)
       WHERE status = 'queued'`,
    );
    await q.query(`CREATE INDEX idx_cases_status_created ON cases (status, created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_agent_created ON cases (agent_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_customer_created ON cases (customer_id, created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_created ON cases (created_at, id)`);
    await q.query(`CREATE INDEX idx_cases_order_number ON cases (order_number COLLATE NOCASE)`);
    await q.query(`
      CREATE TRIGGER trg_cases_no_delete BEFORE DELETE ON cases
      BEGIN SELECT RAISE(ABORT, 'cases are never deleted'); END`);

    await q.query(`
      CREATE TABLE case_events (
        id        INTEGER PRIMARY KEY AUTOINCREMENT,
        case_id   INTEGER     NOT NULL REFERENCES cases (id) ON DELETE RESTRICT,
        type      VARCHAR(12) NOT NULL CHECK (type IN
                    ('created', 'assigned', 'requeued', 'reassigned', 'resolved', 'cancelled')),
        agent_id  INTEGER     REFERENCES agents (id) ON DELETE RESTRICT,
        actor     VARCHAR(60) NOT NULL,
        at        VARCHAR(30) NOT NULL,
        detail    TEXT
      )`);
    await q.query(`CREATE INDEX idx_case_events_case ON case_events (case_id, id)`);
    await q.query(`
      CREATE TRIGGER trg_case_events_append_only_update BEFORE UPDATE ON case_events
      BEGIN SELECT RAISE(ABORT, 'the case timeline is append-only'); END`);
    await q.query(`
      CREATE TRIGGER trg_case_events_append_only_delete BEFORE DELETE ON case_events
      BEGIN SELECT RAISE(ABORT, 'the case timeline is append-only'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE case_events`);
    await q.query(`DROP TABLE cases`);
    await q.query(`DROP TABLE customers`);
    await q.query(`DROP TABLE agents`);
    await q.query(`PRAGMA application_id = 0`);
  }
}
