import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Skills routing (issue 15).
 *
 * - `categories`: the product categories a supervisor manages (electronics, apparel…). A
 *   removed one is kept (`removed_at`) so the cases that named it still say what they were;
 *   names are unique among the categories in use, compared with `lower()` (the service also
 *   folds non-ASCII letters, which SQLite's `lower()` leaves alone).
 * - `agent_skills`: which categories each agent handles (the current set, not a history).
 * - `cases.category_id`: the category a case names at intake; NULL is "any agent".
 *
 * - `idx_cases_queue` gains `category_id` as a last column, so the matcher can skip cases
 *   nobody free may take without reading their rows.
 *
 * Written in forms PostgreSQL also accepts: an expression index with `lower()`, partial
 * indexes, plain foreign keys.
 */
export class Skills1765152000000 implements MigrationInterface {
  name = 'Skills1765152000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE categories (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        name        VARCHAR(60) NOT NULL CHECK (length(name) BETWEEN 1 AND 60),
        created_at  VARCHAR(30) NOT NULL,
        updated_at  VARCHAR(30) NOT NULL,
        removed_at  VARCHAR(30)
      )`);
    await q.query(
      `CREATE UNIQUE INDEX uq_categories_name ON categories (lower(name)) WHERE removed_at IS NULL`,
    );
    await q.query(`
      CREATE TABLE agent_skills (
        id           INTEGER PRIMARY KEY AUTOINCREMENT,
        agent_id     INTEGER NOT NULL REFERENCES agents (id) ON DELETE RESTRICT,
        category_id  INTEGER NOT NULL REFERENCES categories (id) ON DELETE RESTRICT,
        UNIQUE (agent_id, category_id)
      )`);
    // Who handles a category: the engine's "does anyone free (or anyone at all) have it".
    await q.query(`CREATE INDEX idx_agent_skills_category ON agent_skills (category_id, agent_id)`);
    await q.query(`ALTER TABLE cases ADD COLUMN category_id INTEGER REFERENCES categories (id)`);
    // The queue index carries the category: the matcher skips cases nobody free may take on
    // index entries alone, never reading their rows (same order, so every other use is unchanged).
    await q.query(`DROP INDEX idx_cases_queue`);
    await q.query(
      `CREATE INDEX idx_cases_queue ON cases (status, priority_rank DESC, created_at, id, category_id)
       WHERE status = 'queued'`,
    );
    // Whether a category is still named by a waiting or assigned case (removal is refused then).
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
