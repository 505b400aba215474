import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INSTANT } from './shared';

/**
 * Wrong sign-in tries per sign-in target ('supervisor', 'agent:<id>'). In the shared
 * database, one workstation's lockout holds on every other (issue 16, "state that must be
 * shared").
 */
export class SignInThrottle1764892800000 implements MigrationInterface {
  name = 'SignInThrottle1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_throttle (
        target         VARCHAR(40) PRIMARY KEY,
        wrong_tries    INTEGER     NOT NULL CHECK (wrong_tries >= 0),
        lockouts       INTEGER     NOT NULL CHECK (lockouts >= 0),
        locked_until   ${INSTANT},
        last_wrong_at  ${INSTANT}  NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_throttle`);
  }
}
