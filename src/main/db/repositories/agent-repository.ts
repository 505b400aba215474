import type { AgentDto } from '../../../shared/domain';
import type { AgentRow } from '../rows';
import type { OfDialect, SqlWriter } from '../sql-driver';
import { isTrue, orderNoCase } from './dialect-forms';
import { insertReturningId } from '../inserted-id';

type AgentWithCase = AgentRow & { current_case_id: number | null };

const SELECT_AGENT = `
  SELECT a.*, c.id AS current_case_id
  FROM agents a
  LEFT JOIN cases c ON c.agent_id = a.id AND c.status = 'assigned'`;

/** On duty, not removed, and holding no assigned case. */
const free = (sql: OfDialect) => `WHERE ${isTrue(sql, 'a.on_duty')} AND a.removed_at IS NULL
  AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.agent_id = a.id AND c.status = 'assigned')`;

/**
 * The statements of the hot paths (logging a case, a hand-over) as whole texts, built once per
 * dialect: a text put together on every call is hashed again on every statement-cache lookup.
 */
const hotStatements = (sql: OfDialect) => {
  const freeInOrder = `SELECT a.*, NULL AS current_case_id FROM agents a ${free(sql)} ORDER BY a.free_since, a.id`;
  return {
    find: `${SELECT_AGENT} WHERE a.id = @id`,
    skillsOf: `SELECT category_id FROM agent_skills WHERE agent_id = @id ORDER BY category_id`,
    freeInOrder,
    // CAST: a bare parameter in LIMIT makes SQLite re-prepare the statement on every run.
    freeInOrderLimited: `${freeInOrder} LIMIT CAST(@limit AS INTEGER)`,
    freeSkills: `SELECT s.agent_id, s.category_id FROM agent_skills s JOIN agents a ON a.id = s.agent_id
         ${free(sql)} ORDER BY s.category_id`,
    countFree: `SELECT COUNT(*) AS n FROM agents a ${free(sql)}`,
  };
};
const HOT = {
  sqlite: hotStatements({ dialect: 'sqlite' }),
  postgres: hotStatements({ dialect: 'postgres' }),
};

export const toAgentDto = (row: AgentWithCase, skills: number[] = []): AgentDto => ({
  id: row.id,
  name: row.name,
  title: row.title,
  onDuty: row.on_duty === 1,
  freeSince: row.free_since,
  currentCaseId: row.current_case_id,
  removedAt: row.removed_at,
  createdAt: row.created_at,
  hasPin: row.pin_hash !== null,
  skills,
});

type SkillRow = { agent_id: number; category_id: number };

/** Each agent's skills (category ids, ascending), from rows ordered by category. */
function skillsByAgent(rows: SkillRow[]): Map<number, number[]> {
  const map = new Map<number, number[]>();
  for (const row of rows) {
    const list = map.get(row.agent_id);
    if (list) list.push(row.category_id);
    else map.set(row.agent_id, [row.category_id]);
  }
  return map;
}

export class AgentRepository {
  private readonly hot: ReturnType<typeof hotStatements>;

  constructor(private readonly sql: SqlWriter) {
    this.hot = HOT[sql.dialect];
  }

  async find(id: number): Promise<AgentDto | undefined> {
    const row = await this.sql.get<AgentWithCase>(this.hot.find, { id });
    if (!row) return undefined;
    return toAgentDto(row, await this.skillsOf(id));
  }

  /** One agent's skills, category ids ascending. */
  private async skillsOf(id: number): Promise<number[]> {
    return (await this.sql.all<{ category_id: number }>(this.hot.skillsOf, { id })).map(
      (skill) => skill.category_id,
    );
  }

  async list(includeRemoved: boolean): Promise<AgentDto[]> {
    const where = includeRemoved ? '' : 'WHERE a.removed_at IS NULL';
    const skills = skillsByAgent(
      await this.sql.all<SkillRow>(`SELECT agent_id, category_id FROM agent_skills ORDER BY category_id`),
    );
    return (
      await this.sql.all<AgentWithCase>(
        `${SELECT_AGENT} ${where} ORDER BY ${orderNoCase(this.sql, 'a.name')}, a.id`,
      )
    ).map((row) => toAgentDto(row, skills.get(row.id)));
  }

  /** Id and name of every agent not removed: what a name must differ from. */
  async activeNames(): Promise<{ id: number; name: string }[]> {
    return await this.sql.all<{ id: number; name: string }>(
      `SELECT id, name FROM agents WHERE removed_at IS NULL`,
    );
  }

  /**
   * On-duty agents holding no case, longest free first: the fairness order; the first
   * `limit` of them when given. "Free" is read from the cases themselves, not from a flag
   * that could drift.
   */
  async freeInFairnessOrder(limit?: number): Promise<AgentDto[]> {
    const rows =
      limit === undefined
        ? await this.sql.all<AgentWithCase>(this.hot.freeInOrder)
        : await this.sql.all<AgentWithCase>(this.hot.freeInOrderLimited, { limit });
    if (rows.length === 0) return [];
    // The skills of every free agent (a handful of rows): the matcher needs them to pair.
    const skills = skillsByAgent(await this.sql.all<SkillRow>(this.hot.freeSkills));
    return rows.map((row) => toAgentDto(row, skills.get(row.id)));
  }

  /** How many agents `freeInFairnessOrder` would return, without reading them. */
  async countFree(): Promise<number> {
    return (await this.sql.get<{ n: number }>(this.hot.countFree))?.n ?? 0;
  }

  async insert(agent: { name: string; title: string; onDuty: boolean; now: string }): Promise<number> {
    const id = await insertReturningId(
      this.sql,
      `INSERT INTO agents (name, title, on_duty, free_since, created_at, updated_at)
       VALUES (@name, @title, @onDuty, @freeSince, @now, @now)`,
      {
        name: agent.name,
        title: agent.title,
        onDuty: agent.onDuty ? 1 : 0,
        freeSince: agent.onDuty ? agent.now : null,
        now: agent.now,
      },
    );
    // The duty log's first entry (later duty changes are logged by a trigger, see SupervisorDesk).
    if (agent.onDuty) {
      await this.sql.run(
        `INSERT INTO agent_events (agent_id, track, active, case_id, at) VALUES (@id, 'duty', TRUE, NULL, @now)`,
        { id, now: agent.now },
      );
    }
    return id;
  }

  async rename(id: number, fields: { name: string; title: string }, now: string): Promise<void> {
    await this.sql.run(`UPDATE agents SET name = @name, title = @title, updated_at = @now WHERE id = @id`, {
      id,
      ...fields,
      now,
    });
  }

  /** Records whether the agent is on duty and since when they are free (null: not free). */
  async setAvailability(id: number, onDuty: boolean, freeSince: string | null, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE agents SET on_duty = @onDuty, free_since = @freeSince, updated_at = @now WHERE id = @id`,
      { id, onDuty: onDuty ? 1 : 0, freeSince, now },
    );
  }

  /** The stored PIN hash, for sign-in only; undefined when the agent does not exist. */
  async pinHash(id: number): Promise<string | null | undefined> {
    return (
      await this.sql.get<{ pin_hash: string | null }>(`SELECT pin_hash FROM agents WHERE id = @id`, { id })
    )?.pin_hash;
  }

  async setPinHash(id: number, pinHash: string, now: string): Promise<void> {
    await this.sql.run(`UPDATE agents SET pin_hash = @pinHash, updated_at = @now WHERE id = @id`, {
      id,
      pinHash,
      now,
    });
  }

  async markBusy(id: number, now: string): Promise<void> {
    await this.sql.run(`UPDATE agents SET free_since = NULL, updated_at = @now WHERE id = @id`, { id, now });
  }

  async markRemoved(id: number, now: string): Promise<void> {
    await this.sql.run(
      `UPDATE agents SET removed_at = @now, on_duty = FALSE, free_since = NULL, updated_at = @now
       WHERE id = @id`,
      { id, now },
    );
  }
}
