// 1–2. Intake, the hot path: `cases.create` through dispatch → assigned, against
// raw better-sqlite3 doing the same writes, on the same disk with the same pragmas.
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCore, type Core } from '../src/main/core';
import { asSupervisor } from '../src/main/test/as-supervisor';
import type { Synchronous } from '../src/main/db/open-database';
import { CASE_REASONS, priorityRank } from '../src/shared/domain';
import { migrate, openRaw, orderNumber, priority, productName, seedDesk } from './lib/seed';
import { progress } from './lib/progress';
import { Random } from './lib/random';
import { latencyRound, type RoundLatency } from './lib/stats';

export interface IntakeOptions {
  dir: string;
  synchronous: Synchronous;
  rounds: number;
  /** Timed creates per round (each followed by an untimed resolve). */
  creates: number;
  warmup: number;
}

export interface IntakeResult {
  synchronous: Synchronous;
  ours: RoundLatency[];
  /** `cases.resolve` right after each create (hand-over to an idle queue), for information. */
  oursResolve: RoundLatency[];
  raw: RoundLatency[];
  /** Per round: ours ops/s ÷ raw ops/s of the same round. */
  ratios: number[];
}

const AGENTS = 50;
const CUSTOMERS = 200;

interface Side {
  /** One case created (timed) and resolved right after (timed for ours, as information). */
  step(): Promise<{ create: number; resolve: number }>;
  close(): Promise<void>;
}

async function prepareFile(dbPath: string): Promise<{ agentIds: number[]; customerIds: number[] }> {
  await migrate(dbPath);
  const db = openRaw(dbPath);
  const seeded = seedDesk(db, { agents: AGENTS, customers: CUSTOMERS, history: 0, assigned: 0, queued: 0 });
  db.close();
  return seeded;
}

/** One intake's input, as the counter would type it (also used by profile-create.ts). */
export function caseInput(rng: Random, customerIds: number[]) {
  return {
    customerId: rng.pick(customerIds),
    orderNumber: orderNumber(rng),
    product: productName(rng),
    purchaseDate: '2026-01-15',
    reason: rng.pick(CASE_REASONS),
    description: 'Stopped working after a week.',
    priority: priority(rng),
  };
}

async function oursSide(dbPath: string, synchronous: Synchronous, customerIds: number[]): Promise<Side> {
  const core: Core = await asSupervisor(await openCore({ dbPath, synchronous }));
  let changes = 0;
  core.onChange(() => (changes += 1)); // a listener, as the app has one per window
  const rng = new Random(1);
  return {
    async step() {
      const input = caseInput(rng, customerIds);
      const t0 = performance.now();
      const created = await core.dispatch('cases.create', input);
      const t1 = performance.now();
      if (!created.ok || created.data.status !== 'assigned' || created.data.agentId === null) {
        throw new Error(`create did not assign: ${JSON.stringify(created)}`);
      }
      const resolved = await core.dispatch('cases.resolve', {
        id: created.data.id,
        agentId: created.data.agentId,
        outcome: 'refund',
      });
      const t2 = performance.now();
      if (!resolved.ok) throw new Error(`resolve failed: ${JSON.stringify(resolved.error)}`);
      return { create: t1 - t0, resolve: t2 - t1 };
    },
    async close() {
      await core.close();
      if (changes === 0) throw new Error('no change events were announced');
    },
  };
}

/** The floor: the same rows written by hand-prepared statements, one transaction per case. */
function rawSide(dbPath: string, synchronous: Synchronous, agentIds: number[], customerIds: number[]): Side {
  const db: Database.Database = openRaw(dbPath, synchronous);
  const rng = new Random(1);
  const insertCase = db.prepare(
    `INSERT INTO cases (customer_id, order_number, product, purchase_date, reason, description, priority,
                        priority_rank, status, agent_id, created_at, assigned_at, first_assigned_at, updated_at)
     VALUES (@customerId, @orderNumber, @product, @purchaseDate, @reason, @description, @priority, @rank,
             'assigned', @agentId, @now, @now, @now, @now)`,
  );
  // The agent's busy log (since issue 14): ours writes it for a case inserted assigned.
  const logBusy = db.prepare(
    `INSERT INTO agent_events (agent_id, track, active, case_id, at) VALUES (@agentId, 'busy', 1, @caseId, @now)`,
  );
  const insertEvent = db.prepare(
    `INSERT INTO case_events (case_id, type, agent_id, actor, at, detail)
     VALUES (@caseId, @type, @agentId, 'desk', @now, @detail)`,
  );
  const markBusy = db.prepare(`UPDATE agents SET free_since = NULL, updated_at = @now WHERE id = @agentId`);
  const resolveCase = db.prepare(
    `UPDATE cases SET status = 'resolved', outcome = 'refund', resolved_at = @now, updated_at = @now
     WHERE id = @caseId`,
  );
  const markFree = db.prepare(`UPDATE agents SET free_since = @now, updated_at = @now WHERE id = @agentId`);

  const create = db.transaction((input: ReturnType<typeof caseInput>, agentId: number, now: string) => {
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
  const resolve = db.transaction((caseId: number | bigint, agentId: number, now: string) => {
    resolveCase.run({ caseId, now });
    insertEvent.run({ caseId, type: 'resolved', agentId, now, detail: 'Refund' });
    markFree.run({ agentId, now });
  });

  let next = 0;
  return {
    async step() {
      // Longest free first is round-robin when every case is resolved at once.
      const agentId = agentIds[next++ % agentIds.length]!;
      const input = caseInput(rng, customerIds);
      const t0 = performance.now();
      const caseId = create.immediate(input, agentId, new Date().toISOString());
      const t1 = performance.now();
      resolve.immediate(caseId, agentId, new Date().toISOString());
      return { create: t1 - t0, resolve: performance.now() - t1 };
    },
    async close() {
      db.close();
    },
  };
}

export async function runIntake(options: IntakeOptions): Promise<IntakeResult> {
  const { dir, synchronous } = options;
  const oursPath = join(dir, `intake-ours-${synchronous.toLowerCase()}.sqlite`);
  const rawPath = join(dir, `intake-raw-${synchronous.toLowerCase()}.sqlite`);
  const oursSeed = await prepareFile(oursPath);
  const rawSeed = await prepareFile(rawPath);
  const ours = await oursSide(oursPath, synchronous, oursSeed.customerIds);
  const raw = rawSide(rawPath, synchronous, rawSeed.agentIds, rawSeed.customerIds);

  const result: IntakeResult = { synchronous, ours: [], oursResolve: [], raw: [], ratios: [] };
  try {
    for (let i = 0; i < options.warmup; i++) {
      await ours.step();
      await raw.step();
    }
    for (let r = 0; r < options.rounds; r++) {
      progress(
        `intake ${synchronous}: round ${r + 1}/${options.rounds} (${options.creates} creates each side)`,
      );
      const o = { creates: [] as number[], resolves: [] as number[] };
      const w = { creates: [] as number[] };
      // Interleaved case by case, first one side then the other: both meet the same disk moment.
      for (let i = 0; i < options.creates; i++) {
        const first = i % 2 === 0 ? ours : raw;
        const a = await first.step();
        const b = await (first === ours ? raw : ours).step();
        const [mine, theirs] = first === ours ? [a, b] : [b, a];
        o.creates.push(mine.create);
        o.resolves.push(mine.resolve);
        w.creates.push(theirs.create);
      }
      const oRound = latencyRound(o.creates);
      const wRound = latencyRound(w.creates);
      result.ours.push(oRound);
      result.oursResolve.push(latencyRound(o.resolves));
      result.raw.push(wRound);
      result.ratios.push(oRound.opsPerS / wRound.opsPerS);
    }
  } finally {
    await ours.close();
    await raw.close();
  }
  return result;
}
