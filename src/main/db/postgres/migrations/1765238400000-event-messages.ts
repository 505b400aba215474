import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Timeline messages in every language (issue 18): as the SQLite migration of this name. */
export class EventMessages1765238400000 implements MigrationInterface {
  name = 'EventMessages1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_events ADD COLUMN detail_message TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_events DROP COLUMN detail_message`);
  }
}
