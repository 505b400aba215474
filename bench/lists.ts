// 4. Lists at scale: `cases.list` pages and `cases.active` through dispatch on a
// 100,000-case desk, with the query plan of every statement they run.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCore } from '../src/main/core';
import { asSupervisor } from '../src/main/test/as-supervisor';
import { SqliteDriver } from '../src/main/db/sqlite-driver';
import type { SqlReader } from '../src/main/db/sql-driver';
import { activeCases, listCases } from '../src/main/services/case-service';
import { createRepositories, readOnly, type Repositories } from '../src/main/db/unit-of-work';
import { contract, type ChannelInput } from '../src/shared/contract';
import { caseReference } from '../src/shared/domain';
import { migrate, openRaw, seedDesk, type SeededDesk } from './lib/seed';
import { progress } from './lib/progress';
import { Random } from './lib/random';
import { elapsedMs, latencyRound, type RoundLatency } from './lib/stats';

export interface ListsOptions {
  dir: string;
  cases: number;
  customers: number;
  queued: number;
  rounds: number;
  /** Calls of each query per round. */
  calls: number;
}

export interface PlannedStatement {
  sql: string;
  plan: string[];
  /** A whole table read row by row, without an index. */
  fullScan: boolean;
}

export interface ListQueryResult {
  name: string;
  rounds: RoundLatency[];
  statements: PlannedStatement[];
}

export interface ListsResult {
  dbPath: string;
  seedMs: number;
  counts: Record<string, number>;
  queries: ListQueryResult[];
  fullScans: number;
}

const AGENTS = 50;

type ListInput = NonNullable<ChannelInput<'cases.list'>>;

interface Query {
  name: string;
  channel: 'cases.list' | 'cases.active';
  /** A varied input per call, so no single cached page is all we measure. */
  input(rng: Random): ListInput | undefined;
}

function queries(seeded: SeededDesk, db: Database.Database): Query[] {
  const orderNumbers = db
    .prepare(`SELECT order_number FROM cases ORDER BY id LIMIT 500`)
    .pluck()
    .all() as string[];
  const names = db.prepare(`SELECT name FROM customers ORDER BY id LIMIT 500`).pluck().all() as string[];
  const phones = db
    .prepare(`SELECT phone FROM customers WHERE phone IS NOT NULL ORDER BY id LIMIT 500`)
    .pluck()
    .all() as string[];
  const emails = db
    .prepare(`SELECT email FROM customers WHERE email IS NOT NULL ORDER BY id LIMIT 500`)
    .pluck()
    .all() as string[];
  const products = db.prepare(`SELECT DISTINCT product FROM cases LIMIT 100`).pluck().all() as string[];
  const surname = (rng: Random) => rng.pick(names).split(' ').at(-1)!;
  return [
    { name: 'all, newest first', channel: 'cases.list', input: () => ({}) },
    {
      name: 'status queued, queue order',
      channel: 'cases.list',
      input: () => ({ status: 'queued', sort: 'queue' }),
    },
    { name: 'status resolved', channel: 'cases.list', input: () => ({ status: 'resolved' }) },
    {
      name: 'status resolved, page 200',
      channel: 'cases.list',
      input: () => ({ status: 'resolved', offset: 199 * 50 }),
    },
    {
      name: 'status queued+assigned',
      channel: 'cases.list',
      input: () => ({ status: ['queued', 'assigned'], sort: 'queue' }),
    },
    { name: 'by agent', channel: 'cases.list', input: (rng) => ({ agentId: rng.pick(seeded.agentIds) }) },
    {
      name: 'by customer',
      channel: 'cases.list',
      input: (rng) => ({ customerId: rng.pick(seeded.customerIds) }),
    },
    {
      name: 'text: reference RMA-…',
      channel: 'cases.list',
      input: (rng) => ({ text: caseReference(rng.int(1, seeded.cases)) }),
    },
    {
      name: 'text: order number prefix',
      channel: 'cases.list',
      input: (rng) => ({ text: rng.pick(orderNumbers).slice(0, 7) }),
    },
    {
      name: 'text: customer name prefix',
      channel: 'cases.list',
      input: (rng) => ({ text: rng.pick(names).slice(0, 4) }),
    },
    // Full-text search (FTS5, trigram): any part of a word, in any of the searched fields.
    { name: 'text: surname (FTS)', channel: 'cases.list', input: (rng) => ({ text: surname(rng) }) },
    {
      name: 'text: phone, digits only (FTS)',
      channel: 'cases.list',
      input: (rng) => ({ text: rng.pick(phones).replace(/\D/g, '').slice(-8) }),
    },
    {
      name: 'text: email part (FTS)',
      channel: 'cases.list',
      input: (rng) => ({ text: rng.pick(emails).split('@')[0]! }),
    },
    {
      name: 'text: product word (FTS)',
      channel: 'cases.list',
      input: (rng) => ({ text: rng.pick(products).split(' ')[0]! }),
    },
    {
      name: 'text: surname + product (FTS)',
      channel: 'cases.list',
      input: (rng) => ({ text: `${surname(rng)} ${rng.pick(products).split(' ')[0]!}` }),
    },
    {
      name: 'text: surname, resolved (FTS)',
      channel: 'cases.list',
      input: (rng) => ({ text: surname(rng), status: 'resolved' }),
    },
    {
      // Thousands of matches, each checked against the status: the total is counted up to a cap.
      name: 'text: product word, resolved (FTS)',
      channel: 'cases.list',
      input: (rng) => ({ text: rng.pick(products).split(' ')[0]!, status: 'resolved' }),
    },
    { name: 'cases.active', channel: 'cases.active', input: () => undefined },
  ];
}

/** Runs the repository code on a connection of our own and records every statement it runs. */
async function recordStatements(
  db: Database.Database,
  fn: (repos: Repositories) => Promise<unknown>,
): Promise<{ sql: string; params: Record<string, unknown> }[]> {
  const seen: { sql: string; params: Record<string, unknown> }[] = [];
  await new SqliteDriver(db).read((sql) => {
    const recording: SqlReader = {
      dialect: sql.dialect,
      get: (text, params = {}) => {
        seen.push({ sql: text, params });
        return sql.get(text, params);
      },
      all: (text, params = {}) => {
        seen.push({ sql: text, params });
        return sql.all(text, params);
      },
    };
    return fn(createRepositories(readOnly(recording)));
  });
  return seen;
}

/** `SCAN x` with no index, where x is a table (not a subquery SQLite builds itself). */
function hasFullScan(plan: string[]): boolean {
  const derived = new Set(
    plan.map((detail) => /^(?:CO-ROUTINE|MATERIALIZE) (.+)$/.exec(detail.trim())?.[1]).filter(Boolean),
  );
  return plan.some((detail) => {
    const name = /^SCAN (\S+)$/.exec(detail.trim())?.[1];
    return name !== undefined && !name.startsWith('(') && !derived.has(name);
  });
}

/** The plan of each distinct statement a query runs, bound to the query's own values. */
async function explain(db: Database.Database, query: Query, rng: Random): Promise<PlannedStatement[]> {
  const seen = await recordStatements(db, (repos) =>
    query.channel === 'cases.active'
      ? activeCases(repos)
      : listCases(repos, contract['cases.list'].input.parse(query.input(rng))),
  );
  const statements = new Map<string, PlannedStatement>();
  for (const { sql, params } of seen) {
    if (statements.has(sql)) continue;
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(params) as { detail: string }[]).map(
      (row) => row.detail,
    );
    statements.set(sql, {
      sql: sql.replace(/\s+/g, ' ').trim(),
      plan,
      fullScan: hasFullScan(plan),
    });
  }
  return [...statements.values()];
}

export async function buildLargeDesk(
  options: ListsOptions,
): Promise<{ dbPath: string; seeded: SeededDesk; ms: number }> {
  const dbPath = join(options.dir, 'large.sqlite');
  const t0 = performance.now();
  await migrate(dbPath);
  const db = openRaw(dbPath);
  const seeded = seedDesk(db, {
    agents: AGENTS,
    customers: options.customers,
    history: options.cases - AGENTS - options.queued,
    assigned: AGENTS,
    queued: options.queued,
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { dbPath, seeded, ms: elapsedMs(t0) };
}

export async function runLists(
  options: ListsOptions,
  desk: { dbPath: string; seeded: SeededDesk; ms: number },
): Promise<ListsResult> {
  const reader = openRaw(desk.dbPath);
  const counts = Object.fromEntries(
    (
      reader.prepare(`SELECT status, COUNT(*) AS n FROM cases GROUP BY status`).all() as {
        status: string;
        n: number;
      }[]
    ).map((row) => [row.status, row.n]),
  );
  counts.case_events = reader.prepare(`SELECT COUNT(*) FROM case_events`).pluck().get() as number;
  counts.customers = reader.prepare(`SELECT COUNT(*) FROM customers`).pluck().get() as number;
  const list = queries(desk.seeded, reader);
  const planned: PlannedStatement[][] = [];
  for (const query of list) planned.push(await explain(reader, query, new Random(11)));
  reader.close();

  const core = await asSupervisor(await openCore({ dbPath: desk.dbPath }));
  const samples = list.map(() => [] as RoundLatency[]);
  const rng = new Random(7);
  const call = async (query: Query) => {
    const input = query.input(rng);
    const t0 = performance.now();
    const result = await core.dispatch(query.channel, input);
    const ms = performance.now() - t0;
    if (!result.ok) throw new Error(`${query.name} failed: ${JSON.stringify(result.error)}`);
    return ms;
  };
  try {
    for (const query of list) for (let i = 0; i < 5; i++) await call(query); // warm-up
    for (let r = 0; r < options.rounds; r++) {
      progress(`lists: round ${r + 1}/${options.rounds} (${list.length} queries × ${options.calls} calls)`);
      for (const [q, query] of list.entries()) {
        const times: number[] = [];
        for (let i = 0; i < options.calls; i++) times.push(await call(query));
        samples[q]!.push(latencyRound(times));
      }
    }
  } finally {
    await core.close();
  }
  const results = list.map((query, q) => ({
    name: query.name,
    rounds: samples[q]!,
    statements: planned[q]!,
  }));
  const scanned = new Set(results.flatMap((r) => r.statements.filter((s) => s.fullScan).map((s) => s.sql)));
  return { dbPath: desk.dbPath, seedMs: desk.ms, counts, queries: results, fullScans: scanned.size };
}
