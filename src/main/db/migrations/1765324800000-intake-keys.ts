import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Exactly once (issue 16): `cases.create` may carry an idempotency key, which the intake form
 * makes once per draft. A connection lost at COMMIT leaves the outcome unknown; the form sends
 * the same key again, and the desk answers the case it already logged instead of logging it twice.
 *
 * - `intake_keys`: one row per key, written in the case's own transaction (so there is a key
 *   row exactly when there is its case). `payload_hash` is the SHA-256 of the normalized input
 *   (the same key with other details is refused, never answered with another case); `answer`
 *   is the first call's answer (a `CaseDto`, JSON), given again to every retry.
 * - Never updated or deleted (as the timeline): a key forgotten would let a late retry log the
 *   case a second time.
 *
 * Written in forms PostgreSQL also accepts; its twin (postgres/migrations) has the same name.
 */
export class IntakeKeys1765324800000 implements MigrationInterface {
  name = 'IntakeKeys1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake_keys (
        intake_key    VARCHAR(36) PRIMARY KEY,
        case_id       INTEGER     NOT NULL UNIQUE REFERENCES cases(id),
        payload_hash  VARCHAR(64) NOT NULL,
        answer        TEXT        NOT NULL,
        created_at    VARCHAR(30) NOT NULL
      )`);
    await q.query(`
      CREATE TRIGGER trg_intake_keys_no_update BEFORE UPDATE ON intake_keys
      BEGIN SELECT RAISE(ABORT, 'intake keys are never changed'); END`);
    await q.query(`
      CREATE TRIGGER trg_intake_keys_no_delete BEFORE DELETE ON intake_keys
      BEGIN SELECT RAISE(ABORT, 'intake keys are never deleted'); END`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake_keys`);
  }
}
