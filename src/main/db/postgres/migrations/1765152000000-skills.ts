import type { MigrationInterface, QueryRunner } from 'typeorm';
import { ID, INSTANT } from './shared';

/** Skills routing (issue 15), on PostgreSQL: as the SQLite migration of this name. */
export class Skills1765152000000 implements MigrationInterface {
  name = 'Skills1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE categories (
        id          ${ID},
        name        VARCHAR(60) NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        created_at  ${INSTANT}  NOT NULL,
        updated_at  ${INSTANT}  NOT NULL,
        removed_at  ${INSTANT}
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_categories_name ON categories (lower(name)) WHERE removed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE agent_skills (
        id           ${ID},
        agent_id     INTEGER NOT NULL REFERENCES agents (id) ON DELETE RESTRICT,
        category_id  INTEGER NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
        UNIQUE (agent_id, category_id)
      )`);
    await q.query(`CREATE INDEX idx_agent_skills_category ON agent_skills (category_id, agent_id)`);
    await q.query(`ALTER TABLE cases ADD COLUMN category_id INTEGER REFERENCES categories (id)`);
    await q.query(`DROP INDEX idx_cases_queue`);
    await q.query(
      `CREATE INDEX idx_cases_queue ON cases (status, priority_rank DESC, created_at, id, category_id)
       WHERE status = 'queued'`,
    );
    await q.query(
      `CREATE INDEX idx_cases_category_active ON cases (category_id)
       WHERE category_id IS NOT NULL AND status IN ('queued', 'assigned')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX idx_cases_category_active`);
    await q.query(`DROP INDEX idx_cases_queue`);
    await q.query(
      `CREATE INDEX idx_cases_queue ON cases (status, priority_rank DESC, created_at, id)
       WHERE status = 'queued'`,
    );
    await q.query(`ALTER TABLE cases DROP COLUMN category_id`);
    await q.query(`DROP TABLE agent_skills`);
    await q.query(`DROP TABLE categories`);
  }
}
