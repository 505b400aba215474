import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Timeline messages in every language (issue 18).
 *
 * - `case_events.detail_message`: what the desk itself says about an event, as data: a JSON
 *   list of `{ id, values }` (a catalogue id, and domain codes rather than English words; see
 *   src/shared/timeline.ts). Each window says it in its own language. `detail` keeps only what
 *   a person typed (a note, a reason). Rows written before this keep their English `detail`
 *   and no message: history stays as it was written.
 *
 * Written in forms PostgreSQL also accepts: a nullable TEXT column, added.
 */
export class EventMessages1765238400000 implements MigrationInterface {
  name = 'EventMessages1765238400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_events ADD COLUMN detail_message TEXT`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE case_events DROP COLUMN detail_message`);
  }
}
