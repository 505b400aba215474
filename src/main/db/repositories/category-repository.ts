import type { CategoryDto } from '../../../shared/domain';
import type { SqlWriter } from '../sql-driver';
import { isTrue, orderLower } from './dialect-forms';
import { insertReturningId } from '../inserted-id';

interface CategoryRow {
  id: number;
  name: string;
  created_at: string;
  agent_count: number;
  waiting_count: number;
}

/** Agents not removed who hold the skill: the ones a case of that category waits for. */
const AGENTS_WITH = `SELECT COUNT(*) FROM agent_skills s JOIN agents a ON a.id = s.agent_id
                     WHERE s.category_id = k.id AND a.removed_at IS NULL`;

/**
 * Product categories (skills) and who has them. A removed category is kept for the cases that
 * named it; it leaves lists and loses its agents.
 */
export class CategoryRepository {
  constructor(private readonly sql: SqlWriter) {}

  /** The categories in use, by name, with how many agents have each and how many cases wait for it. */
  async list(): Promise<CategoryDto[]> {
    return (
      await this.sql.all<CategoryRow>(
        `SELECT k.id, k.name, k.created_at, (${AGENTS_WITH}) AS agent_count,
                (SELECT COUNT(*) FROM cases c WHERE c.category_id = k.id AND c.status = 'queued')
                  AS waiting_count
         FROM categories k WHERE k.removed_at IS NULL ORDER BY ${orderLower(this.sql, 'k.name')}, k.id`,
      )
    ).map((row) => ({
      id: row.id,
      name: row.name,
      createdAt: row.created_at,
      agentCount: row.agent_count,
      waitingCount: row.waiting_count,
    }));
  }

  /** A category in use (not removed), or undefined. */
  async findActive(id: number): Promise<{ id: number; name: string } | undefined> {
    return await this.sql.get<{ id: number; name: string }>(
      `SELECT id, name FROM categories WHERE id = @id AND removed_at IS NULL`,
      { id },
    );
  }

  async insert(name: string, now: string): Promise<number> {
    return await insertReturningId(
      this.sql,
      `INSERT INTO categories (name, created_at, updated_at) VALUES (@name, @now, @now)`,
      {
        name,
        now,
      },
    );
  }

  async rename(id: number, name: string, now: string): Promise<void> {
    await this.sql.run(`UPDATE categories SET name = @name, updated_at = @now WHERE id = @id`, {
      id,
      name,
      now,
    });
  }

  /** Marks it removed and takes it from every agent (the skill no longer exists). */
  async markRemoved(id: number, now: string): Promise<void> {
    await this.sql.run(`DELETE FROM agent_skills WHERE category_id = @id`, { id });
    await this.sql.run(`UPDATE categories SET removed_at = @now, updated_at = @now WHERE id = @id`, {
      id,
      now,
    });
  }

  /** How many waiting or assigned cases name the category. */
  async countActiveCases(id: number): Promise<number> {
    return (
      (
        await this.sql.get<{ n: number }>(
          `SELECT COUNT(*) AS n FROM cases WHERE category_id = @id AND status IN ('queued', 'assigned')`,
          { id },
        )
      )?.n ?? 0
    );
  }

  /**
   * The categories some agent on the desk (not removed, on duty or not) has. A case of any
   * other category waits for nobody in particular: any agent may take it (see eligibility.ts).
   */
  async staffed(): Promise<Set<number>> {
    return new Set(
      (
        await this.sql.all<{ category_id: number }>(
          `SELECT DISTINCT s.category_id FROM agent_skills s JOIN agents a ON a.id = s.agent_id
           WHERE a.removed_at IS NULL`,
        )
      ).map((row) => row.category_id),
    );
  }

  /** The categories some free agent (on duty, not removed, holding no case) has. */
  async heldByFree(): Promise<Set<number>> {
    return new Set(
      (
        await this.sql.all<{ category_id: number }>(
          `SELECT DISTINCT s.category_id FROM agent_skills s JOIN agents a ON a.id = s.agent_id
           WHERE ${isTrue(this.sql, 'a.on_duty')} AND a.removed_at IS NULL
             AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.agent_id = a.id AND c.status = 'assigned')`,
        )
      ).map((row) => row.category_id),
    );
  }

  /** Replaces an agent's skills. */
  async setSkills(agentId: number, categoryIds: readonly number[]): Promise<void> {
    await this.sql.run(`DELETE FROM agent_skills WHERE agent_id = @agentId`, { agentId });
    for (const categoryId of categoryIds) {
      await this.sql.run(`INSERT INTO agent_skills (agent_id, category_id) VALUES (@agentId, @categoryId)`, {
        agentId,
        categoryId,
      });
    }
  }
}
