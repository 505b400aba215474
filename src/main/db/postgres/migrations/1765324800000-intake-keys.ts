import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INSTANT, refuseTrigger } from './shared';

/**
 * Exactly once (issue 16): the idempotency keys of `cases.create`, as the SQLite migration of
 * this name. Several counters share the table: the desk's write lock serialises the look-up
 * and the insert, and the primary key refuses a second row for a key should anything not.
 */
export class IntakeKeys1765324800000 implements MigrationInterface {
  name = 'IntakeKeys1765324800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE intake_keys (
        intake_key    VARCHAR(36) COLLATE "C" PRIMARY KEY,
        case_id       INTEGER     NOT NULL UNIQUE REFERENCES cases(id),
        payload_hash  VARCHAR(64) NOT NULL,
        answer        TEXT        NOT NULL,
        created_at    ${INSTANT}  NOT NULL
      )`);
    await q.query(
      refuseTrigger('trg_intake_keys_no_update', 'UPDATE', 'intake_keys', 'intake keys are never changed'),
    );
    await q.query(
      refuseTrigger('trg_intake_keys_no_delete', 'DELETE', 'intake_keys', 'intake keys are never deleted'),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE intake_keys`);
  }
}
