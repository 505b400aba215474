// The invariants of the assignment engine, checked on a desk's rows (either engine), so code
// that must be sure of a whole desk can ask: the tests after every step
// (test/invariants.ts), and moving a desk to PostgreSQL before it commits
// (postgres/move-desk.ts). The rows are read with the queries below and checked field by
// field here (`parseInvariantRows`): nothing is trusted to have the shape it should.
import { isRecord } from '../../shared/is-record';

export interface InvariantAgent {
  id: number;
  /** 1/0, as SQLite stores it and the PostgreSQL driver returns it. */
  on_duty: number;
  free_since: string | null;
  removed_at: string | null;
}

export interface InvariantCase {
  id: number;
  status: string;
  agent_id: number | null;
  /** Null too on a desk from before skills (a migration fixture), which has no such column. */
  category_id: number | null;
}

export interface InvariantSkill {
  agent_id: number;
  category_id: number;
}

export interface InvariantEvent {
  case_id: number;
  type: string;
  agent_id: number | null;
}

/** The rows the invariants are checked on. */
export interface DeskInvariantRows {
  agents: InvariantAgent[];
  cases: InvariantCase[];
  skills: InvariantSkill[];
  /** Each case's last event that moved it (edits and priority changes say nothing of where it is). */
  lastEvents: InvariantEvent[];
  /** Each case's first event. */
  firstEvents: Omit<InvariantEvent, 'agent_id'>[];
}

/**
 * The queries, in SQL both engines accept. `*` for agents and cases: a desk from before a
 * column (a migration fixture) is checked too.
 */
export const INVARIANT_SQL = {
  agents: 'SELECT * FROM agents',
  cases: 'SELECT * FROM cases',
  skills: 'SELECT agent_id, category_id FROM agent_skills',
  lastEvents: `SELECT case_id, type, agent_id FROM case_events e
     WHERE id = (SELECT MAX(id) FROM case_events WHERE case_id = e.case_id
                 AND type NOT IN ('edited', 'priority_changed'))`,
  firstEvents: `SELECT case_id, type FROM case_events WHERE id IN (SELECT MIN(id) FROM case_events GROUP BY case_id)`,
} as const satisfies Record<keyof DeskInvariantRows, string>;

/** The rows as a driver returned them, before any check. */
export type RawInvariantRows = Record<keyof DeskInvariantRows, readonly unknown[]>;

class RowShapeError extends TypeError {
  constructor(what: string, key: string, value: unknown) {
    super(`${what}: ${key} is ${value === null ? 'null' : typeof value}, not as the schema says`);
  }
}

function reader(what: string, row: unknown) {
  if (!isRecord(row)) throw new RowShapeError(what, 'the row', row);
  const integer = (key: string): number => {
    const value = row[key];
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new RowShapeError(what, key, value);
    return value;
  };
  const text = (key: string): string => {
    const value = row[key];
    if (typeof value !== 'string') throw new RowShapeError(what, key, value);
    return value;
  };
  return {
    integer,
    text,
    /** Null, or absent (a column the desk's schema does not have yet): null. */
    optionalInteger: (key: string): number | null => (row[key] == null ? null : integer(key)),
    optionalText: (key: string): string | null => (row[key] == null ? null : text(key)),
  };
}

/** Checks each row's fields; throws a TypeError naming the first that is not as the schema says. */
export function parseInvariantRows(raw: RawInvariantRows): DeskInvariantRows {
  return {
    agents: raw.agents.map((row) => {
      const r = reader('agents', row);
      return {
        id: r.integer('id'),
        on_duty: r.integer('on_duty'),
        free_since: r.optionalText('free_since'),
        removed_at: r.optionalText('removed_at'),
      };
    }),
    cases: raw.cases.map((row) => {
      const r = reader('cases', row);
      return {
        id: r.integer('id'),
        status: r.text('status'),
        agent_id: r.optionalInteger('agent_id'),
        category_id: r.optionalInteger('category_id'),
      };
    }),
    skills: raw.skills.map((row) => {
      const r = reader('agent_skills', row);
      return { agent_id: r.integer('agent_id'), category_id: r.integer('category_id') };
    }),
    lastEvents: raw.lastEvents.map((row) => {
      const r = reader('case_events', row);
      return { case_id: r.integer('case_id'), type: r.text('type'), agent_id: r.optionalInteger('agent_id') };
    }),
    firstEvents: raw.firstEvents.map((row) => {
      const r = reader('case_events', row);
      return { case_id: r.integer('case_id'), type: r.text('type') };
    }),
  };
}

/** The events a case's state may have been reached by. */
const EXPECTED_LAST: Readonly<Record<string, readonly string[]>> = {
  queued: ['created', 'requeued', 'reopened'],
  assigned: ['assigned', 'reassigned'],
  resolved: ['resolved'],
  cancelled: ['cancelled'],
};

/** Returns the broken invariants as sentences (ids only, no names); empty when all hold. */
export function findDeskInvariantViolations(rows: DeskInvariantRows): string[] {
  const { agents, cases, skills, lastEvents, firstEvents } = rows;
  const problems: string[] = [];
  const agentById = new Map(agents.map((a) => [a.id, a]));
  const assigned = cases.filter((c) => c.status === 'assigned');
  const queued = cases.filter((c) => c.status === 'queued');

  // 1. An agent holds at most one assigned case.
  const holders = new Map<number | null, number>();
  for (const c of assigned) holders.set(c.agent_id, (holders.get(c.agent_id) ?? 0) + 1);
  for (const [agentId, n] of holders) if (n > 1) problems.push(`1: agent ${agentId} holds ${n} cases`);

  // 2. An assigned case has exactly one agent, not removed, on duty; a queued case has none.
  for (const c of assigned) {
    const agent = c.agent_id === null ? undefined : agentById.get(c.agent_id);
    if (!agent) problems.push(`2: assigned case ${c.id} has no agent`);
    else if (agent.removed_at !== null) problems.push(`2: case ${c.id} is held by removed agent ${agent.id}`);
    else if (agent.on_duty !== 1) problems.push(`2: case ${c.id} is held by off-duty agent ${agent.id}`);
  }
  for (const c of queued)
    if (c.agent_id !== null) problems.push(`2: queued case ${c.id} has agent ${c.agent_id}`);

  // 3. Work-conserving: no queued case while a free on-duty agent who may take it exists
  // (its category is none, one of the agent's skills, or one nobody on the desk has).
  const free = agents.filter((a) => a.on_duty === 1 && a.removed_at === null && !holders.has(a.id));
  const removed = new Set(agents.filter((a) => a.removed_at !== null).map((a) => a.id));
  const staffed = new Set(skills.filter((s) => !removed.has(s.agent_id)).map((s) => s.category_id));
  const skillKeys = new Set(skills.map((s) => `${s.agent_id}:${s.category_id}`));
  for (const c of queued) {
    const category = c.category_id;
    const eligible = free.filter(
      (a) => category === null || !staffed.has(category) || skillKeys.has(`${a.id}:${category}`),
    );
    if (eligible.length > 0) {
      problems.push(
        `3: case ${c.id} is queued while agents ${eligible.map((a) => a.id).join(',')} may take it`,
      );
    }
  }
  // 5. Free agents carry the time they became free; busy or off-duty ones do not.
  const freeIds = new Set(free.map((a) => a.id));
  for (const a of agents) {
    if (freeIds.has(a.id) !== (a.free_since !== null))
      problems.push(`5: agent ${a.id} free_since is ${a.free_since}`);
  }

  // 6. Nothing lost: every case has a timeline that starts with 'created' and ends in its state.
  const lastByCase = new Map(lastEvents.map((e) => [e.case_id, e]));
  const firstByCase = new Map(firstEvents.map((e) => [e.case_id, e.type]));
  for (const c of cases) {
    const last = lastByCase.get(c.id);
    if (firstByCase.get(c.id) !== 'created')
      problems.push(`6: case ${c.id} timeline does not start with created`);
    if (!last || !(EXPECTED_LAST[c.status] ?? []).includes(last.type)) {
      problems.push(`6: case ${c.id} is ${c.status} but its last event is ${last?.type}`);
    } else if (c.status === 'assigned' && last.agent_id !== c.agent_id) {
      problems.push(`6: case ${c.id} is with agent ${c.agent_id} but its timeline says ${last.agent_id}`);
    }
  }
  return problems;
}
