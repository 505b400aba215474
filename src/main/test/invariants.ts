// The six invariants of the assignment engine, checked on the database itself
// (SQL over the real file), so any test can assert them after any step.
import type BetterSqlite3 from 'better-sqlite3';

type Row = Record<string, unknown>;

/**
 * Statements prepared once per connection (tests check after every step of hundreds of
 * sequences; preparing was most of a check's cost). SQLite re-prepares one whose schema moved.
 */
const preparedBy = new WeakMap<BetterSqlite3.Database, Map<string, BetterSqlite3.Statement>>();
export function prepared(db: BetterSqlite3.Database, sql: string): BetterSqlite3.Statement {
  let statements = preparedBy.get(db);
  if (!statements) preparedBy.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (!statement) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

const LAST_EVENT_SQL = `SELECT case_id, type, agent_id FROM case_events e
     WHERE id = (SELECT MAX(id) FROM case_events WHERE case_id = e.case_id
                 AND type NOT IN ('edited', 'priority_changed'))`;
const FIRST_EVENT_SQL = `SELECT case_id, type FROM case_events WHERE id IN (SELECT MIN(id) FROM case_events GROUP BY case_id)`;

/** The rows the invariants are checked on. */
interface InvariantRows {
  agents: Row[];
  cases: Row[];
  skills: Row[];
  lastEvents: Row[];
  firstEvents: Row[];
}

/** Returns the broken invariants as sentences; empty when all six hold. */
export function findInvariantViolations(db: BetterSqlite3.Database): string[] {
  // A desk from before skills (a migration fixture) has no agent_skills: nobody has a skill.
  const hasSkills =
    prepared(db, `SELECT 1 FROM sqlite_master WHERE name = 'agent_skills'`).get() !== undefined;
  return violations({
    agents: prepared(db, 'SELECT * FROM agents').all() as Row[],
    cases: prepared(db, 'SELECT * FROM cases').all() as Row[],
    skills: hasSkills ? (prepared(db, 'SELECT agent_id, category_id FROM agent_skills').all() as Row[]) : [],
    lastEvents: prepared(db, LAST_EVENT_SQL).all() as Row[],
    firstEvents: prepared(db, FIRST_EVENT_SQL).all() as Row[],
  });
}

/**
 * The same check through any engine's rows (a test core's `query`, on SQLite or PostgreSQL;
 * booleans as 1/0, numbers as numbers), on a desk at the head migration.
 */
export async function findInvariantViolationsBy(query: (sql: string) => Promise<Row[]>): Promise<string[]> {
  return violations({
    agents: await query('SELECT * FROM agents'),
    cases: await query('SELECT * FROM cases'),
    skills: await query('SELECT agent_id, category_id FROM agent_skills'),
    lastEvents: await query(LAST_EVENT_SQL),
    firstEvents: await query(FIRST_EVENT_SQL),
  });
}

function violations({ agents, cases, skills, lastEvents, firstEvents }: InvariantRows): string[] {
  const problems: string[] = [];
  const agentById = new Map(agents.map((a) => [a.id as number, a]));
  const assigned = cases.filter((c) => c.status === 'assigned');
  const queued = cases.filter((c) => c.status === 'queued');

  // 1. An agent holds at most one assigned case.
  const holders = new Map<number, number>();
  for (const c of assigned) holders.set(c.agent_id as number, (holders.get(c.agent_id as number) ?? 0) + 1);
  for (const [agentId, n] of holders) if (n > 1) problems.push(`1: agent ${agentId} holds ${n} cases`);

  // 2. An assigned case has exactly one agent, not removed; a queued case has none.
  for (const c of assigned) {
    const agent = agentById.get(c.agent_id as number);
    if (!agent) problems.push(`2: assigned case ${c.id} has no agent`);
    else if (agent.removed_at !== null) problems.push(`2: case ${c.id} is held by removed agent ${agent.id}`);
    else if (agent.on_duty !== 1) problems.push(`2: case ${c.id} is held by off-duty agent ${agent.id}`);
  }
  for (const c of queued)
    if (c.agent_id !== null) problems.push(`2: queued case ${c.id} has agent ${c.agent_id}`);

  // 3. Work-conserving: no queued case while a free on-duty agent who may take it exists
  // (its category is none, one of the agent's skills, or one nobody on the desk has).
  const free = agents.filter((a) => a.on_duty === 1 && a.removed_at === null && !holders.has(a.id as number));
  const removed = new Set(agents.filter((a) => a.removed_at !== null).map((a) => a.id as number));
  const staffed = new Set(
    skills.filter((s) => !removed.has(s.agent_id as number)).map((s) => s.category_id as number),
  );
  const has = (agentId: unknown, categoryId: unknown) =>
    skills.some((s) => s.agent_id === agentId && s.category_id === categoryId);
  for (const c of queued) {
    const category = (c.category_id ?? null) as number | null;
    const eligible = free.filter((a) => category === null || !staffed.has(category) || has(a.id, category));
    if (eligible.length > 0) {
      problems.push(
        `3: case ${c.id} is queued while agents ${eligible.map((a) => a.id).join(',')} may take it`,
      );
    }
  }
  // Free agents carry the time they became free; busy or off-duty ones do not.
  for (const a of agents) {
    const isFree = free.includes(a);
    if (isFree !== (a.free_since !== null)) problems.push(`5: agent ${a.id} free_since is ${a.free_since}`);
  }

  // 6. Nothing lost: every case has a timeline that starts with 'created' and ends in its state.
  // Edits and priority changes say nothing about where a case is: the last event that moved it does.
  const lastByCase = new Map(lastEvents.map((e) => [e.case_id as number, e]));
  const firstByCase = new Map(firstEvents.map((e) => [e.case_id as number, e.type]));
  const expectedLast: Record<string, string[]> = {
    queued: ['created', 'requeued', 'reopened'],
    assigned: ['assigned', 'reassigned'],
    resolved: ['resolved'],
    cancelled: ['cancelled'],
  };
  for (const c of cases) {
    const last = lastByCase.get(c.id as number);
    if (firstByCase.get(c.id as number) !== 'created')
      problems.push(`6: case ${c.id} timeline does not start with created`);
    if (!last || !expectedLast[c.status as string]!.includes(last.type as string)) {
      problems.push(`6: case ${c.id} is ${c.status} but its last event is ${last?.type}`);
    } else if (c.status === 'assigned' && last.agent_id !== c.agent_id) {
      problems.push(`6: case ${c.id} is with agent ${c.agent_id} but its timeline says ${last.agent_id}`);
    }
  }
  return problems;
}
