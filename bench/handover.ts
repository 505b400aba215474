// 3. Resolve → next assigned, with a long queue: `cases.resolve` frees the agent
// and hands them the head of the queue in the same commit. Baseline: raw
// better-sqlite3 doing the same writes on a copy of the same file.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { openCore, type Core } from '../src/main/core';
import { asSupervisor } from '../src/main/test/as-supervisor';
import type { Synchronous } from '../src/main/db/open-database';
import { CASE_REASONS, priorityRank } from '../src/shared/domain';
import type { ChangeEvent } from '../src/shared/events';
import { migrate, openRaw, orderNumber, priority, productName, seedDesk, type SeededDesk } from './lib/seed';
import { progress } from './lib/progress';
import { Random } from './lib/random';
import { latencyRound, type RoundLatency } from './lib/stats';
import { patchActive } from '../src/renderer/src/stores/active-patch';
import { patchPage, type ShownPage } from '../src/renderer/src/stores/list-patch';
import type { CaseDto } from '../src/shared/domain';

export interface HandoverOptions {
  dir: string;
  waiting: number;
  rounds: number;
  resolves: number;
}

export interface HandoverResult {
  waiting: number;
  ours: RoundLatency[];
  /** The untimed-looking top-up: `cases.create` → queued at the back of that long queue. */
  oursCreateQueued: RoundLatency[];
  raw: RoundLatency[];
  /** Ours again with synchronous=NORMAL: the cost apart from the commit's fsync. */
  oursNormal: RoundLatency[];
  /** `cases.active` (the whole queue, in order) with this many waiting: ms per call, per round. */
  activeMs: number[];
  /**
   * Main-process time one window's active cases cost per change (resolve with hand-over, or
   * create), with this many waiting, per round: the change event copied for the window (as
   * IPC does); the window patches its active cases from it and reads nothing. The commit,
   * and the changed rows the event carries, are the write's own time, not counted here.
   */
  activeChangeMs: RoundLatency[];
  /** The same, as every window did before: the event, then all active cases read again. */
  activeRefetchMs: RoundLatency[];
  /**
   * The other lists a window may show (the intake's latest cases, 20, and Admin's page of all
   * cases, 50), per change: the event copied, and the reads the window's patch could not spare
   * (`patchPage` on both, from the active cases patched from the same event; read again when it
   * answers null, as the window does).
   */
  listsChangeMs: RoundLatency[];
  /** The same lists as before: the event, then both read again. */
  listsRefetchMs: RoundLatency[];
  /** Changes whose lists the window had to read again after all, of all changes measured. */
  listsFallbacks: { reads: number; changes: number };
  /**
   * Ours on the same desk with skills routing (see `addSkills`), FULL, interleaved step by step
   * with the two sides above: the hand-over then looks for the first case the agent may take.
   */
  skills: RoundLatency[];
  /** The same with synchronous=NORMAL, alternating with `oursNormal`: the matcher's own cost. */
  skillsNormal: RoundLatency[];
}

/** Skills: four categories, one per agent; three cases in four name one (see `addSkills`). */
const CATEGORIES = ['Electronics', 'Apparel', 'Furniture', 'Garden'];
const CATEGORY_SHARE = 0.75;

const AGENTS = 50;

interface Side {
  /** One resolve with hand-over, then a create that keeps the queue full; each timed. */
  step(): Promise<{ resolve: number; create: number }>;
  close(): Promise<void>;
}

function newCase(rng: Random, seeded: SeededDesk, categoryIds: readonly number[] = []) {
  return {
    customerId: rng.pick(seeded.customerIds),
    orderNumber: orderNumber(rng),
    product: productName(rng),
    reason: rng.pick(CASE_REASONS),
    priority: priority(rng),
    ...(categoryIds.length > 0 && rng.next() < CATEGORY_SHARE && { categoryId: rng.pick(categoryIds) }),
  };
}

/**
 * Turns a seeded desk into one with skills routing: the categories, each agent one skill (in
 * turn, so each category has a quarter of the agents), and three waiting cases in four naming a
 * category. Every agent is busy, so the engine's invariants hold. Returns the category ids.
 */
function addSkills(dbPath: string, seeded: SeededDesk): number[] {
  const db = openRaw(dbPath);
  const rng = new Random(11);
  const now = new Date().toISOString();
  try {
    return db.transaction(() => {
      const ids = CATEGORIES.map((name) =>
        Number(
          db
            .prepare(`INSERT INTO categories (name, created_at, updated_at) VALUES (?, ?, ?)`)
            .run(name, now, now).lastInsertRowid,
        ),
      );
      const skill = db.prepare(`INSERT INTO agent_skills (agent_id, category_id) VALUES (?, ?)`);
      seeded.agentIds.forEach((agentId, i) => skill.run(agentId, ids[i % ids.length]));
      const queued = db.prepare(`SELECT id FROM cases WHERE status = 'queued'`).pluck().all() as number[];
      const name = db.prepare(`UPDATE cases SET category_id = ? WHERE id = ?`);
      for (const id of queued) name.run(rng.next() < CATEGORY_SHARE ? rng.pick(ids) : null, id);
      return ids;
    })();
  } finally {
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
  }
}

async function oursSide(
  dbPath: string,
  synchronous: Synchronous,
  seeded: SeededDesk,
  held: Map<number, number>,
  categoryIds: readonly number[] = [],
): Promise<Side & { core: Core }> {
  const core = await asSupervisor(await openCore({ dbPath, synchronous }));
  const rng = new Random(3);
  let turn = 0;
  return {
    core,
    async step() {
      const agentId = seeded.agentIds[turn++ % seeded.agentIds.length]!;
      const t0 = performance.now();
      const resolved = await core.dispatch('cases.resolve', {
        id: held.get(agentId),
        agentId,
        outcome: 'exchange',
      });
      const resolve = performance.now() - t0;
      if (!resolved.ok || resolved.data.next?.agentId !== agentId) {
        throw new Error(`no hand-over: ${JSON.stringify(resolved)}`);
      }
      held.set(agentId, resolved.data.next.id);
      const input = newCase(rng, seeded, categoryIds);
      const t1 = performance.now();
      const created = await core.dispatch('cases.create', input);
      const create = performance.now() - t1;
      if (!created.ok || created.data.status !== 'queued') throw new Error('the queue did not grow');
      return { resolve, create };
    },
    async close() {
      await core.close();
    },
  };
}

/** The floor: resolve, free, take the head of the queue, assign: the same rows by hand. */
function rawSide(dbPath: string, seeded: SeededDesk, held: Map<number, number>): Side {
  const db: Database.Database = openRaw(dbPath);
  const rng = new Random(3);
  const resolveCase = db.prepare(
    `UPDATE cases SET status = 'resolved', outcome = 'exchange', resolved_at = @now, updated_at = @now
     WHERE id = @caseId AND status = 'assigned'`,
  );
  const event = db.prepare(
    `INSERT INTO case_events (case_id, type, agent_id, actor, at, detail)
     VALUES (@caseId, @type, @agentId, 'desk', @now, NULL)`,
  );
  const markFree = db.prepare(`UPDATE agents SET free_since = @now, updated_at = @now WHERE id = @agentId`);
  const head = db
    .prepare(
      `SELECT id FROM cases WHERE status = 'queued' ORDER BY priority_rank DESC, created_at, id LIMIT 1`,
    )
    .pluck();
  const assign = db.prepare(
    `UPDATE cases SET status = 'assigned', agent_id = @agentId, assigned_at = @now, updated_at = @now
     WHERE id = @caseId`,
  );
  const markBusy = db.prepare(`UPDATE agents SET free_since = NULL, updated_at = @now WHERE id = @agentId`);
  const insertCase = db.prepare(
    `INSERT INTO cases (customer_id, order_number, product, reason, priority, priority_rank, status,
                        created_at, updated_at)
     VALUES (@customerId, @orderNumber, @product, @reason, @priority, @rank, 'queued', @now, @now)`,
  );
  const resolveAndHandOver = db.transaction((caseId: number, agentId: number, now: string): number => {
    resolveCase.run({ caseId, now });
    event.run({ caseId, type: 'resolved', agentId, now });
    markFree.run({ agentId, now });
    const next = head.get() as number;
    assign.run({ caseId: next, agentId, now });
    markBusy.run({ agentId, now });
    event.run({ caseId: next, type: 'assigned', agentId, now });
    return next;
  });
  const create = db.transaction((input: ReturnType<typeof newCase>, now: string) => {
    const caseId = insertCase.run({ ...input, rank: priorityRank(input.priority), now }).lastInsertRowid;
    event.run({ caseId, type: 'created', agentId: null, now });
  });
  let turn = 0;
  return {
    async step() {
      const agentId = seeded.agentIds[turn++ % seeded.agentIds.length]!;
      const t0 = performance.now();
      const next = resolveAndHandOver.immediate(held.get(agentId)!, agentId, new Date().toISOString());
      const resolve = performance.now() - t0;
      held.set(agentId, next);
      const input = newCase(rng, seeded);
      const t1 = performance.now();
      create.immediate(input, new Date().toISOString());
      return { resolve, create: performance.now() - t1 };
    },
    async close() {
      db.close();
    },
  };
}

export async function runHandover(options: HandoverOptions): Promise<HandoverResult> {
  const oursPath = join(options.dir, 'handover-ours.sqlite');
  const rawPath = join(options.dir, 'handover-raw.sqlite');
  const skillsPath = join(options.dir, 'handover-skills.sqlite');
  await migrate(oursPath);
  const db = openRaw(oursPath);
  const seeded = seedDesk(db, {
    agents: AGENTS,
    customers: 2_000,
    history: 5_000,
    assigned: AGENTS,
    queued: options.waiting,
  });
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  copyFileSync(oursPath, rawPath);
  copyFileSync(oursPath, skillsPath);
  const categoryIds = addSkills(skillsPath, seeded);

  const oursHeld = new Map(seeded.held);
  const result: HandoverResult = {
    waiting: options.waiting,
    ours: [],
    oursCreateQueued: [],
    raw: [],
    oursNormal: [],
    activeMs: [],
    activeChangeMs: [],
    activeRefetchMs: [],
    listsChangeMs: [],
    listsRefetchMs: [],
    listsFallbacks: { reads: 0, changes: 0 },
    skills: [],
    skillsNormal: [],
  };
  /**
   * `count` steps of each side (ours, raw, ours with skills), interleaved step by step in a
   * rotating order so all three meet the same disk moment.
   */
  const paired = async (count: number) => {
    const o = { resolves: [] as number[], creates: [] as number[] };
    const w = { resolves: [] as number[] };
    const k = { resolves: [] as number[] };
    const sides: Side[] = [ours, raw, skills];
    for (let i = 0; i < count; i++) {
      const order = [0, 1, 2].map((n) => sides[(n + i) % 3]!);
      const times = new Map<Side, { resolve: number; create: number }>();
      for (const side of order) times.set(side, await side.step());
      o.resolves.push(times.get(ours)!.resolve);
      o.creates.push(times.get(ours)!.create);
      w.resolves.push(times.get(raw)!.resolve);
      k.resolves.push(times.get(skills)!.resolve);
    }
    return { o, w, k };
  };
  const warmup = Math.min(100, options.resolves);
  const ours = await oursSide(oursPath, 'FULL', seeded, oursHeld);
  const raw = rawSide(rawPath, seeded, new Map(seeded.held));
  const skillsHeld = new Map(seeded.held);
  const skills = await oursSide(skillsPath, 'FULL', seeded, skillsHeld, categoryIds);
  try {
    await paired(warmup);
    for (let r = 0; r < options.rounds; r++) {
      progress(
        `hand-over FULL: round ${r + 1}/${options.rounds} (${options.resolves} resolves each side, ${options.waiting} waiting)`,
      );
      const { o, w, k } = await paired(options.resolves);
      result.ours.push(latencyRound(o.resolves));
      result.oursCreateQueued.push(latencyRound(o.creates));
      result.raw.push(latencyRound(w.resolves));
      result.skills.push(latencyRound(k.resolves));
    }
    // Skills held: the hand-over and the growing queue kept every invariant's shape.
    const waitingWithSkills = await skills.core.dispatch('cases.list', { status: 'queued', limit: 1 });
    if (!waitingWithSkills.ok || waitingWithSkills.data.total !== options.waiting)
      throw new Error('the skills queue size drifted');
  } finally {
    await ours.close();
    await raw.close();
    await skills.close();
  }
  const normal = await oursSide(oursPath, 'NORMAL', seeded, oursHeld);
  const events: ChangeEvent[] = [];
  normal.core.onChange((event) => events.push(event));
  /** What one window costs main for one change: the event sent, and the reads it makes then. */
  const windowCost = async (event: ChangeEvent, reads: 'none' | 'active' | 'lists'): Promise<number> => {
    const t0 = performance.now();
    structuredClone(event);
    if (reads === 'active') await normal.core.dispatch('cases.active', {});
    if (reads === 'lists') {
      await normal.core.dispatch('cases.list', { limit: RECENT, sort: 'newest' });
      await normal.core.dispatch('cases.list', { limit: PAGE, sort: 'newest' });
    }
    return performance.now() - t0;
  };
  /**
   * A window showing both lists, as the renderer keeps them: its active cases and pages are
   * patched from each event (the renderer's own code, untimed: the window's time, not main's);
   * main's time is the event copied and the reads a patch could not spare.
   */
  const shown = await listsWindow(normal.core);
  // Its reads include every event so far.
  events.length = 0;
  const listsCost = async (event: ChangeEvent): Promise<number> => {
    const t0 = performance.now();
    structuredClone(event);
    let main = performance.now() - t0;
    const reads = shown.apply(event);
    for (const read of reads) {
      const t1 = performance.now();
      await read();
      main += performance.now() - t1;
    }
    result.listsFallbacks.changes += 1;
    result.listsFallbacks.reads += reads.length;
    return main;
  };
  const skillsNormal = await oursSide(skillsPath, 'NORMAL', seeded, skillsHeld, categoryIds);
  try {
    for (let i = 0; i < warmup; i++) {
      await normal.step();
      await skillsNormal.step();
    }
    for (let r = 0; r < options.rounds; r++) {
      progress(`hand-over NORMAL: round ${r + 1}/${options.rounds}`);
      const samples: number[] = [];
      const skillSamples: number[] = [];
      // Alternating which goes first, as in the FULL rounds.
      for (let i = 0; i < options.resolves; i++) {
        if (i % 2 === 0) {
          samples.push((await normal.step()).resolve);
          skillSamples.push((await skillsNormal.step()).resolve);
        } else {
          skillSamples.push((await skillsNormal.step()).resolve);
          samples.push((await normal.step()).resolve);
        }
      }
      result.oursNormal.push(latencyRound(samples));
      result.skillsNormal.push(latencyRound(skillSamples));
      const t0 = performance.now();
      const active = await normal.core.dispatch('cases.active', {});
      result.activeMs.push(performance.now() - t0);
      if (!active.ok || active.data.cases.length !== options.waiting + AGENTS)
        throw new Error('cases.active is short');
      // A window per change: its active cases now (patched) and as before (read again), and the
      // other lists it may show, in turn.
      const patched: number[] = [];
      const refetched: number[] = [];
      const lists: number[] = [];
      const listsRefetched: number[] = [];
      await shown.catchUp(events.splice(0));
      for (let i = 0; i < Math.min(options.resolves, 50); i++) {
        events.length = 0;
        await normal.step();
        for (const event of events) {
          if (!event.rows) throw new Error('a change event without its rows');
          patched.push(await windowCost(event, 'none'));
          refetched.push(await windowCost(event, 'active'));
          listsRefetched.push(await windowCost(event, 'lists'));
          lists.push(await listsCost(event));
        }
      }
      await shown.check();
      result.activeChangeMs.push(latencyRound(patched));
      result.activeRefetchMs.push(latencyRound(refetched));
      result.listsChangeMs.push(latencyRound(lists));
      result.listsRefetchMs.push(latencyRound(listsRefetched));
    }
    const queued = await normal.core.dispatch('cases.list', { status: 'queued', limit: 1 });
    if (!queued.ok || queued.data.total !== options.waiting) throw new Error('the queue size drifted');
  } finally {
    await normal.close();
    await skillsNormal.close();
  }
  return result;
}

const RECENT = 20;
const PAGE = 50;
const UNFILTERED = { statuses: null, agentId: null, text: '' };

/**
 * One window's active cases, latest cases and Admin's first page, kept as the renderer keeps
 * them (`patchActive`, `patchPage`). `apply` patches them from an event and answers the reads
 * the window would make for what could not be patched (each replaces its list when run).
 */
async function listsWindow(core: Core) {
  const read = async <T>(
    run: () => Promise<{ ok: true; data: T } | { ok: false; error: { message: string } }>,
  ) => {
    const answer = await run();
    if (!answer.ok) throw new Error(answer.error.message);
    return answer.data;
  };
  const activeNow = () => read(() => core.dispatch('cases.active', {}));
  const pageNow = (limit: number) => read(() => core.dispatch('cases.list', { limit, sort: 'newest' }));
  let active: CaseDto[] = (await activeNow()).cases;
  let recent: ShownPage = { items: (await pageNow(RECENT)).items, total: null };
  let page: ShownPage = await pageNow(PAGE);
  const self = {
    apply(event: ChangeEvent): (() => Promise<void>)[] {
      const after = patchActive(active, event);
      const reads: (() => Promise<void>)[] = [];
      if (!after) {
        reads.push(async () => void (active = (await activeNow()).cases));
        reads.push(async () => void (recent = { items: (await pageNow(RECENT)).items, total: null }));
        reads.push(async () => void (page = await pageNow(PAGE)));
        return reads;
      }
      const step = { before: active, after };
      active = after;
      const nextRecent = patchPage(recent, { filter: UNFILTERED, offset: 0, limit: RECENT }, event, step);
      if (nextRecent) recent = nextRecent;
      else reads.push(async () => void (recent = { items: (await pageNow(RECENT)).items, total: null }));
      const nextPage = patchPage(page, { filter: UNFILTERED, offset: 0, limit: PAGE }, event, step);
      if (nextPage) page = nextPage;
      else reads.push(async () => void (page = await pageNow(PAGE)));
      return reads;
    },
    /** Events that came before the timed ones (untimed). */
    async catchUp(events: ChangeEvent[]) {
      for (const event of events) for (const run of self.apply(event)) await run();
    },
    /** The patched lists against fresh reads: the figures measure a window that is right. */
    async check() {
      const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
      if (!same(active, (await activeNow()).cases))
        throw new Error('patched active cases differ from a read');
      if (!same(recent.items, (await pageNow(RECENT)).items)) throw new Error('patched latest cases differ');
      const fresh = await pageNow(PAGE);
      if (!same(page.items, fresh.items) || page.total !== fresh.total)
        throw new Error('patched page differs');
    },
  };
  return self;
}
