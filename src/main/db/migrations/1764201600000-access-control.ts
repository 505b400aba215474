import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Roles on the shared counter PC: a supervisor passcode (in settings) and agent PINs (hashed). */
export class AccessControl1764201600000 implements MigrationInterface {
  name = 'AccessControl1764201600000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE settings (
        key         VARCHAR(60) PRIMARY KEY,
        value       TEXT        NOT NULL,
        updated_at  VARCHAR(30) NOT NULL
      )`);
    await q.query(`ALTER TABLE agents ADD COLUMN pin_hash TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE agents DROP COLUMN pin_hash`);
    await q.query(`DROP TABLE settings`);
  }
}
