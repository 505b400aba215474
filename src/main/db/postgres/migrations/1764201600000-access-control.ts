import type { MigrationInterface, QueryRunner } from 'typeorm';
import { INSTANT } from './shared';

/** Roles: a supervisor passcode (in settings) and agent PINs (hashed). As on SQLite. */
export class AccessControl1764201600000 implements MigrationInterface {
  name = 'AccessControl1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settings (
        key         VARCHAR(60) PRIMARY KEY,
        value       TEXT        NOT NULL,
        updated_at  ${INSTANT}  NOT NULL
      )`);
    await q.query(`ALTER TABLE agents ADD COLUMN pin_hash TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agents DROP COLUMN pin_hash`);
    await q.query(`DROP TABLE settings`);
  }
}
