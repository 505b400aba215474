// Four counters, one PostgreSQL desk (issue 16, "Tests and CI"): four separate processes
// (reliability/race-counter.ts) open the real core on one database and run a seeded random
// mix of intakes, resolves, duty changes, skill changes and cancels at once. Meanwhile a
// monitor connection takes a REPEATABLE READ snapshot every 10 ms. Afterwards:
// - no counter saw an error (a unique-index rejection would be one) and no agent ever held
//   two cases;
// - no snapshot showed a queued case while an agent who may take it was free;
// - no case was lost, and none exists that no counter created;
// - replayed in commit order (`track_commit_timestamp`, on in the test cluster), every
//   committed write gives exactly the reference model's assignments (longest-free agent,
//   priority-then-age queue, skills) and free-since times.
// Every row change to cases, agents and skills is logged by a test-only trigger with its
// transaction, so the replay needs nothing from the counters but the database itself.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import type { Priority } from '../shared/domain';
import { cheapHashesForTests } from './auth/secrets';
import { openCore } from './core';
import { createTestDatabase, type TestDatabase } from './db/postgres/test-database';
import { createMemoryLogger } from './log/memory-logger';
import type { CounterReport } from './reliability/race-counter';
import { asSupervisor } from './test/as-supervisor';
import { ReferenceModel } from './test/reference-model';

/** `RACE_SEED=<seed> npm run test:postgres -- src/main/race.pg.test.ts` replays a run's choices. */
const SEED = process.env.RACE_SEED === undefined ? Date.now() % 100_000 : Number(process.env.RACE_SEED);
const COUNTERS = 4;
/** How long the counters run together; the whole test stays well under a minute on 2 cores. */
const RUN_MS = Number(process.env.RACE_MS ?? 12_000);
const AGENTS = 8;
const SNAPSHOT_EVERY_MS = 10;

let dir: string;
let childScript: string;
let database: TestDatabase;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-race-'));
  // Bundled once, so each counter starts in well under a second (as crash-safety.test.ts).
  childScript = join(dir, 'race-counter.cjs');
  buildSync({
    entryPoints: [join(__dirname, 'reliability/race-counter.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    outfile: childScript,
    logLevel: 'error',
  });
});
afterAll(async () => {
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** Test only: every row change to the tables the engine reads, with its top-level transaction. */
const CHANGE_LOG = [
  `CREATE TABLE race_log (
     seq  bigserial PRIMARY KEY,
     tx   xid8 NOT NULL DEFAULT pg_current_xact_id(),
     tbl  text NOT NULL,
     op   text NOT NULL,
     old  jsonb,
     new  jsonb)`,
  `CREATE FUNCTION race_log() RETURNS trigger LANGUAGE plpgsql AS $$
   BEGIN
     INSERT INTO race_log (tbl, op, old, new) VALUES (TG_TABLE_NAME, TG_OP,
       CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END,
       CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END);
     RETURN NULL;
   END $$`,
  ...['cases', 'agents', 'agent_skills'].map(
    (table) =>
      `CREATE TRIGGER race_log AFTER INSERT OR UPDATE OR DELETE ON ${table}
       FOR EACH ROW EXECUTE FUNCTION race_log()`,
  ),
];

interface Counter {
  ready: Promise<void>;
  go(): void;
  done: Promise<CounterReport>;
}

function startCounter(url: string, seed: number): Counter {
  const proc = spawn(process.execPath, [childScript, url, String(seed), String(RUN_MS)], {
    env: { ...process.env, NODE_PATH: resolve(__dirname, '../../node_modules') },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((done) => (markReady = done));
  proc.stdout.setEncoding('utf8');
  proc.stdout.on('data', (chunk: string) => {
    out += chunk;
    if (out.includes('ready\n')) markReady();
  });
  proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const done = new Promise<CounterReport>((resolveDone, reject) =>
    proc.on('close', (code) => {
      markReady();
      const line = out.split('\n').find((l) => l.startsWith('report '));
      if (code === 0 && line) resolveDone(JSON.parse(line.slice('report '.length)) as CounterReport);
      else reject(new Error(`counter exited ${String(code)}: ${out.slice(-2000)} ${err.slice(-2000)}`));
    }),
  );
  return { ready, go: () => proc.stdin.write('go\n'), done };
}

interface Snapshots {
  taken: number;
  /** Snapshots with a queued case while an agent who may take it was free, described. */
  missed: string[];
}

/** Takes a REPEATABLE READ snapshot every 10 ms until `stop`, checking the hand-over rule in each. */
async function monitor(url: string, stopped: () => boolean): Promise<Snapshots> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const result: Snapshots = { taken: 0, missed: [] };
  try {
    while (!stopped()) {
      const started = performance.now();
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const agents = await client.query<{ id: number; free: boolean; removed: boolean }>(
        `SELECT a.id, a.on_duty AND a.removed_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM cases c WHERE c.agent_id = a.id AND c.status = 'assigned') AS free,
                a.removed_at IS NOT NULL AS removed
           FROM agents a`,
      );
      const skills = await client.query<{ agent_id: number; category_id: number }>(
        'SELECT agent_id, category_id FROM agent_skills',
      );
      const queued = await client.query<{ id: number; category_id: number | null }>(
        `SELECT id, category_id FROM cases WHERE status = 'queued'`,
      );
      await client.query('COMMIT');
      result.taken++;
      const removed = new Set(agents.rows.filter((a) => a.removed).map((a) => a.id));
      const has = (agentId: number, category: number) =>
        skills.rows.some((s) => s.agent_id === agentId && s.category_id === category);
      const someoneHas = (category: number) =>
        skills.rows.some((s) => s.category_id === category && !removed.has(s.agent_id));
      // One miss per snapshot, however many cases it shows waiting.
      for (const c of queued.rows) {
        const taker = agents.rows.find(
          (a) => a.free && (c.category_id === null || has(a.id, c.category_id) || !someoneHas(c.category_id)),
        );
        if (taker) {
          result.missed.push(
            `snapshot ${result.taken}: case ${c.id} queued while agent ${taker.id} was free`,
          );
          break;
        }
      }
      const wait = SNAPSHOT_EVERY_MS - (performance.now() - started);
      if (wait > 0) await new Promise((done) => setTimeout(done, wait));
    }
  } finally {
    await client.end();
  }
  return result;
}

type Row = Record<string, unknown>;
interface LogRow {
  tx: string;
  committed: string;
  tbl: 'cases' | 'agents' | 'agent_skills';
  op: 'INSERT' | 'UPDATE' | 'DELETE';
  old: Row | null;
  new: Row | null;
}

interface Replay {
  transactions: number;
  operations: Record<string, number>;
  assignments: number;
  mismatches: string[];
  doubleHolders: string[];
}

/**
 * Replays the logged transactions in commit order through the reference model: each must be
 * one operation (an agent or case added, a resolve, a cancel, a duty or skills change), and
 * after each the database's cases and agents must be the model's exactly.
 */
async function replayInCommitOrder(url: string): Promise<Replay> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  let rows: LogRow[];
  try {
    ({ rows } = await client.query<LogRow>(
      `SELECT tx::text AS tx, pg_xact_commit_timestamp(xmin)::text AS committed, tbl, op, old, new
         FROM race_log ORDER BY pg_xact_commit_timestamp(xmin), seq`,
    ));
  } finally {
    await client.end();
  }
  const groups: LogRow[][] = [];
  for (const row of rows) {
    const last = groups.at(-1);
    if (last && last[0]!.tx === row.tx) last.push(row);
    else groups.push([row]);
  }
  const replay: Replay = {
    transactions: groups.length,
    operations: {},
    assignments: 0,
    mismatches: [],
    doubleHolders: [],
  };
  // Each transaction appears once: commit timestamps order them with no tie between two.
  const seen = new Set<string>();
  for (const group of groups) {
    if (seen.has(group[0]!.tx)) replay.mismatches.push(`transaction ${group[0]!.tx} is not contiguous`);
    seen.add(group[0]!.tx);
  }

  const model = new ReferenceModel();
  const agentIds = new Map<number, number>(); // database id → model id
  const caseIds = new Map<number, number>();
  const cases = new Map<number, { status: string; agent: number | null }>();
  const agents = new Map<number, { onDuty: boolean; removed: boolean; freeSince: string | null }>();
  const skills = new Map<number, Set<number>>();
  const str = (value: unknown) => value as string;
  const num = (value: unknown) => value as number;

  for (const [index, group] of groups.entries()) {
    const ops: (() => string)[] = [];
    const touchedSkills = new Set<number>();
    let addedAgent = false;
    for (const row of group) {
      const { old, new: now } = row;
      if (row.tbl === 'agent_skills') {
        const r = (now ?? old)!;
        const set = skills.get(num(r.agent_id)) ?? new Set<number>();
        if (row.op === 'DELETE') set.delete(num(r.category_id));
        else set.add(num(r.category_id));
        skills.set(num(r.agent_id), set);
        touchedSkills.add(num(r.agent_id));
      } else if (row.tbl === 'agents') {
        const id = num(now!.id);
        const state = {
          onDuty: Boolean(now!.on_duty),
          removed: now!.removed_at !== null,
          freeSince: now!.free_since as string | null,
        };
        if (row.op === 'INSERT') {
          addedAgent = true;
          ops.push(() => {
            model.addAgent(state.onDuty, str(now!.free_since ?? now!.created_at), [
              ...(skills.get(id) ?? []),
            ]);
            agentIds.set(id, model.agents.size);
            return 'agent added';
          });
        } else if (old!.on_duty !== now!.on_duty) {
          const at = str(now!.free_since ?? now!.updated_at);
          ops.push(() => `duty ${model.setOnDuty(agentIds.get(id)!, Boolean(now!.on_duty), at)}`);
        }
        agents.set(id, state);
      } else {
        const id = num(now!.id);
        if (row.op === 'INSERT') {
          ops.push(() => {
            model.createCase(
              str(now!.priority) as Priority,
              str(now!.created_at),
              (now!.category_id as number | null) ?? null,
            );
            caseIds.set(id, model.cases.size);
            return 'case created';
          });
        } else if (old!.status === 'assigned' && now!.status === 'resolved') {
          ops.push(
            () =>
              `resolve ${model.resolve(caseIds.get(id)!, agentIds.get(num(old!.agent_id))!, str(now!.resolved_at))}`,
          );
        } else if (old!.status !== 'cancelled' && now!.status === 'cancelled') {
          ops.push(() => `cancel ${model.cancel(caseIds.get(id)!, str(now!.cancelled_at))}`);
        }
        if (now!.status === 'assigned' && old?.status !== 'assigned') replay.assignments++;
        cases.set(id, { status: str(now!.status), agent: (now!.agent_id as number | null) ?? null });
      }
    }
    // Skills set on an existing agent (an agent added with skills is one operation).
    if (!addedAgent)
      for (const agentId of touchedSkills)
        ops.push(() => `skills ${model.setSkills(agentIds.get(agentId)!, [...skills.get(agentId)!])}`);
    // Skills written again unchanged touch nothing the engine reads: no operation, no change.
    if (ops.length === 0) {
      if (group.some((r) => r.tbl === 'cases'))
        replay.mismatches.push(
          `transaction ${index} changed cases with no operation: ${JSON.stringify(group)}`,
        );
      continue;
    }
    if (ops.length > 1) {
      replay.mismatches.push(`transaction ${index} is ${ops.length} operations: ${JSON.stringify(group)}`);
      break;
    }
    const outcome = ops[0]!();
    replay.operations[outcome] = (replay.operations[outcome] ?? 0) + 1;

    // The database after this commit, in the model's ids, against the model.
    const expected = model.expected();
    const modelCase = new Map([...caseIds].map(([db, m]) => [m, db]));
    const modelAgent = new Map([...agentIds].map(([db, m]) => [m, db]));
    const holders = new Map<number, number>();
    for (const c of expected.cases) {
      const actual = cases.get(modelCase.get(c.id)!)!;
      const want = { status: c.status, agent: c.agentId === null ? null : modelAgent.get(c.agentId)! };
      if (actual.status !== want.status || (actual.status !== 'queued' && actual.agent !== want.agent))
        replay.mismatches.push(
          `after transaction ${index} (${outcome}) case ${modelCase.get(c.id)}: ${JSON.stringify(actual)}, the model ${JSON.stringify(want)}`,
        );
      if (actual.status === 'assigned') {
        if (holders.has(actual.agent!))
          replay.doubleHolders.push(`after transaction ${index}: agent ${actual.agent} holds two cases`);
        holders.set(actual.agent!, modelCase.get(c.id)!);
      }
    }
    for (const a of expected.agents) {
      const actual = agents.get(modelAgent.get(a.id)!)!;
      if (actual.onDuty !== a.onDuty || actual.freeSince !== a.freeSince)
        replay.mismatches.push(
          `after transaction ${index} (${outcome}) agent ${modelAgent.get(a.id)}: ${JSON.stringify(actual)}, the model ${JSON.stringify(a)}`,
        );
    }
    if (replay.mismatches.length > 20) break;
  }
  return replay;
}

describe('four counters on one PostgreSQL desk', () => {
  it('never double-assigns, never leaves a case waiting for a free agent, loses nothing, and replays exactly', async () => {
    onTestFailed(() => {
      console.error(`race test failed with seed ${SEED}: replay with RACE_SEED=${SEED}`);
    });
    cheapHashesForTests(2);
    database = await createTestDatabase({ fromTemplate: true });
    const admin = new pg.Client({ connectionString: database.url });
    await admin.connect();
    try {
      for (const statement of CHANGE_LOG) await admin.query(statement);
    } finally {
      await admin.end();
    }

    // The desk: categories, customers, agents with seeded skills, most on duty.
    let state = SEED >>> 0 || 1;
    const random = () => {
      state ^= state << 13;
      state ^= state >>> 17;
      state ^= state << 5;
      return (state >>> 0) / 0x100000000;
    };
    const setup = await asSupervisor(
      await openCore({ databaseUrl: database.url, logger: createMemoryLogger() }),
    );
    const must = async (channel: string, input: unknown) => {
      const result = await setup.dispatch(channel as 'agents.create', input as never);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as unknown as { id: number };
    };
    const categories: number[] = [];
    for (const name of ['Kettles', 'Phones', 'Bikes'])
      categories.push((await must('categories.create', { name })).id);
    for (const name of ['Ana', 'Bo', 'Cy'])
      await must('customers.create', { name, email: `${name.toLowerCase()}@example.com` });
    for (let i = 1; i <= AGENTS; i++)
      await must('agents.create', {
        name: `Agent ${i}`,
        pin: '1234',
        onDuty: random() < 0.75,
        skills: categories.filter(() => random() < 0.4),
      });
    await setup.close();

    const counters = Array.from({ length: COUNTERS }, (_, i) =>
      startCounter(database.url, SEED * 10 + i + 1),
    );
    await Promise.all(counters.map((c) => c.ready));
    let running = true;
    const snapshots = monitor(database.url, () => !running);
    const started = performance.now();
    for (const counter of counters) counter.go();
    const reports = await Promise.all(counters.map((c) => c.done)).finally(() => (running = false));
    const ranMs = Math.round(performance.now() - started);
    const { taken, missed } = await snapshots;

    const errors = reports.flatMap((r) => r.errors);
    const uniqueRejections = errors.filter((e) => /uq_cases_assigned_agent|23505|unique/i.test(e));
    const created = reports.flatMap((r) => r.created);
    const check = new pg.Client({ connectionString: database.url });
    await check.connect();
    let stored: number[];
    try {
      stored = (await check.query<{ id: number }>('SELECT id FROM cases ORDER BY id')).rows.map((r) => r.id);
    } finally {
      await check.end();
    }
    const createdSet = new Set(created);
    const lost = created.filter((id) => !stored.includes(id));
    const unexplained = stored.filter((id) => !createdSet.has(id));
    const replay = await replayInCommitOrder(database.url);

    const counts: Record<string, number> = {};
    for (const r of reports) for (const [k, v] of Object.entries(r.counts)) counts[k] = (counts[k] ?? 0) + v;
    console.log(
      `race (seed ${SEED}): ${COUNTERS} counters for ${ranMs} ms, ${AGENTS} agents; calls ${JSON.stringify(counts)}; ` +
        `${errors.length} errors, ${uniqueRejections.length} unique-index rejections; ` +
        `${missed.length} of ${taken} snapshots with a case queued while an eligible agent was free; ` +
        `${created.length} cases created, ${lost.length} lost, ${unexplained.length} unexplained; ` +
        `replay: ${replay.transactions} commits ${JSON.stringify(replay.operations)}, ` +
        `${replay.assignments} assignments compared, ${replay.mismatches.length} mismatches, ` +
        `${replay.doubleHolders.length} double holders`,
    );

    expect(errors.slice(0, 10)).toEqual([]);
    expect(uniqueRejections).toEqual([]);
    expect(replay.doubleHolders).toEqual([]);
    expect(missed.slice(0, 10)).toEqual([]);
    expect(taken).toBeGreaterThan(0);
    expect(new Set(created).size).toBe(created.length);
    expect(lost).toEqual([]);
    expect(unexplained).toEqual([]);
    expect(replay.mismatches.slice(0, 5)).toEqual([]);
    // The run did something: cases were logged and handed over.
    expect(replay.assignments).toBeGreaterThan(0);
    expect(created.length).toBeGreaterThan(0);
    // A hang guard, not a speed claim: 12 s of racing plus set-up, replay and a loaded machine.
  }, 180_000);
});
