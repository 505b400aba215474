import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wrong sign-in tries kept on disk, per sign-in target ('supervisor',
 * 'agent:<id>'), so quitting and reopening the app does not reset them.
 */
export class SignInThrottle1764892800000 implements MigrationInterface {
  name = 'SignInThrottle1764892800000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE sign_in_throttle (
        target         VARCHAR(40) PRIMARY KEY,
        wrong_tries    INTEGER     NOT NULL CHECK (wrong_tries >= 0),
        lockouts       INTEGER     NOT NULL CHECK (lockouts >= 0),
        locked_until   VARCHAR(30),
        last_wrong_at  VARCHAR(30) NOT NULL
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE sign_in_throttle`);
  }
}
