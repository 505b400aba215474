// `npx tsx bench/create-split.ts [creates] [FULL|NORMAL]`: where one `cases.create`'s wall time
// goes, ours (through dispatch) against raw better-sqlite3 doing the same writes (part 1's
// baseline), interleaved create by create on two files in one folder. Every statement both
// sides run is timed by wrapping better-sqlite3's Statement methods: what is left of a create's
// time is JavaScript (ours: zod, dispatch, services, repositories, the change event; raw: its
// few lines). Not part of `npm run bench`; see docs/PERFORMANCE.md (issue 17, third pass).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openCore } from '../src/main/core';
import { asSupervisor } from '../src/main/test/as-supervisor';
import { priorityRank } from '../src/shared/domain';
import { caseInput } from './intake';
import { migrate, openRaw, seedDesk } from './lib/seed';
import { Random } from './lib/random';

const creates = Number(process.argv[2] ?? 2000);
const synchronous = process.argv[3] === 'NORMAL' ? 'NORMAL' : 'FULL';
const WARMUP = 200;

/** Statement time per kind while `timing` is on (ms), keyed BEGIN, COMMIT or the SQL's first words. */
const spent = new Map<string, number>();
let timing = false;
type Run = (this: Database.Statement, ...args: unknown[]) => unknown;
const probe = new Database(':memory:');
const proto = Object.getPrototypeOf(probe.prepare('SELECT 1')) as Record<'run' | 'get' | 'all', Run>;
probe.close();
for (const method of ['run', 'get', 'all'] as const) {
  const original = proto[method];
  proto[method] = function (this: Database.Statement, ...args: unknown[]) {
    if (!timing) return original.apply(this, args);
    const t0 = performance.now();
    try {
      return original.apply(this, args);
    } finally {
      const kind = this.source.trim().split(/\s+/).slice(0, 3).join(' ');
      const key = kind.startsWith('BEGIN') ? 'BEGIN' : kind.startsWith('COMMIT') ? 'COMMIT' : kind;
      spent.set(key, (spent.get(key) ?? 0) + performance.now() - t0);
    }
  };
}

async function prepare(path: string) {
  await migrate(path);
  const db = openRaw(path);
  const seeded = seedDesk(db, { agents: 50, customers: 200, history: 0, assigned: 0, queued: 0 });
  db.close();
  return seeded;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'returndesk-create-split-'));
  try {
    const oursPath = join(dir, 'ours.sqlite');
    const rawPath = join(dir, 'raw.sqlite');
    const oursSeed = await prepare(oursPath);
    const rawSeed = await prepare(rawPath);
    const core = await asSupervisor(await openCore({ dbPath: oursPath, synchronous }));
    core.onChange(() => undefined);
    const db = openRaw(rawPath, synchronous);
    const insertCase = db.prepare(
      `INSERT INTO cases (customer_id, order_number, product, purchase_date, reason, description, priority,
                          priority_rank, status, agent_id, created_at, assigned_at, first_assigned_at, updated_at)
       VALUES (@customerId, @orderNumber, @product, @purchaseDate, @reason, @description, @priority, @rank,
               'assigned', @agentId, @now, @now, @now, @now)`,
    );
    const logBusy = db.prepare(
      `INSERT INTO agent_events (agent_id, track, active, case_id, at) VALUES (@agentId, 'busy', 1, @caseId, @now)`,
    );
    const insertEvent = db.prepare(
      `INSERT INTO case_events (case_id, type, agent_id, actor, at, detail)
       VALUES (@caseId, @type, @agentId, 'desk', @now, @detail)`,
    );
    const markBusy = db.prepare(`UPDATE agents SET free_since = NULL, updated_at = @now WHERE id = @agentId`);
    const resolveRow = db.prepare(
      `UPDATE cases SET status = 'resolved', outcome = 'refund', resolved_at = @now, updated_at = @now WHERE id = @caseId`,
    );
    const markFree = db.prepare(`UPDATE agents SET free_since = @now, updated_at = @now WHERE id = @agentId`);
    const rawCreate = db.transaction((input: ReturnType<typeof caseInput>, agentId: number, now: string) => {
      const caseId = insertCase.run({
        ...input,
        rank: priorityRank(input.priority),
        agentId,
        now,
      }).lastInsertRowid;
      insertEvent.run({ caseId, type: 'created', agentId: null, now, detail: null });
      insertEvent.run({ caseId, type: 'assigned', agentId, now, detail: null });
      logBusy.run({ agentId, caseId, now });
      markBusy.run({ agentId, now });
      return caseId;
    });
    const rawResolve = db.transaction((caseId: number | bigint, agentId: number, now: string) => {
      resolveRow.run({ caseId, now });
      insertEvent.run({ caseId, type: 'resolved', agentId, now, detail: 'Refund' });
      markFree.run({ agentId, now });
    });

    const sides = {
      ours: { rng: new Random(1), total: [] as number[], sql: new Map<string, number>() },
      raw: { rng: new Random(1), total: [] as number[], sql: new Map<string, number>() },
    };
    const keep = (into: Map<string, number>) => {
      for (const [key, ms] of spent) into.set(key, (into.get(key) ?? 0) + ms);
      spent.clear();
    };
    let nextAgent = 0;
    const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0];
    const loadBefore = load();
    for (let i = 0; i < WARMUP + creates; i++) {
      const timed = i >= WARMUP;
      const oursInput = caseInput(sides.ours.rng, oursSeed.customerIds);
      timing = timed;
      let t0 = performance.now();
      const created = await core.dispatch('cases.create', oursInput);
      let ms = performance.now() - t0;
      timing = false;
      if (!created.ok || created.data.agentId === null) throw new Error('create did not assign');
      if (timed) sides.ours.total.push(ms);
      keep(sides.ours.sql);
      await core.dispatch('cases.resolve', {
        id: created.data.id,
        agentId: created.data.agentId,
        outcome: 'refund',
      });

      const agentId = rawSeed.agentIds[nextAgent++ % rawSeed.agentIds.length]!;
      const rawInput = caseInput(sides.raw.rng, rawSeed.customerIds);
      timing = timed;
      t0 = performance.now();
      const caseId = rawCreate.immediate(rawInput, agentId, new Date().toISOString());
      ms = performance.now() - t0;
      timing = false;
      if (timed) sides.raw.total.push(ms);
      keep(sides.raw.sql);
      rawResolve.immediate(caseId, agentId, new Date().toISOString());
    }
    const us = (ms: number) => ((1000 * ms) / creates).toFixed(1).padStart(7);
    const p50 = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]! * 1000;
    const sum = (values: Iterable<number>) => [...values].reduce((a, b) => a + b, 0);
    console.log(
      `${creates} creates each, synchronous=${synchronous}, load ${loadBefore} → ${load()}; µs per create (mean)`,
    );
    for (const [name, side] of Object.entries(sides)) {
      const total = sum(side.total);
      const sql = sum(side.sql.values());
      console.log(
        `${name.padEnd(5)} total ${us(total)} (p50 ${p50(side.total).toFixed(0)})  statements ${us(sql)}  the rest (JavaScript) ${us(total - sql)}`,
      );
      for (const [key, ms] of [...side.sql].sort((a, b) => b[1] - a[1]))
        console.log(`        ${us(ms)}  ${key}`);
    }
    console.log(
      `ratio raw / ours (ops/s, as part 1): ${(sum(sides.raw.total) / sum(sides.ours.total)).toFixed(3)}`,
    );
    await core.close();
    db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
