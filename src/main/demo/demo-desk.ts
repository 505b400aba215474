// The demo desk (issue 15, item 6): a separate database filled with a realistic store, so anyone
// can try ReturnDesk at once (`npm start -- --demo`, Admin's "Open the demo desk", or the E2E
// harness's `npm run e2e:demo`). Everything is created through the real core's dispatch, on a
// clock that walks through the last hours of today, so every invariant holds and the dashboard,
// the queue and the display look like a real day. No Electron here.
import type { DemoInfo } from '../../shared/counter';
import type { Core, Session } from '../core';
import type { ChannelInput, ChannelName, ChannelOutput } from '../../shared/contract';
import type { CaseDto, CaseReason, Outcome, Priority } from '../../shared/domain';

export const DEMO_PASSCODE = 'demo-desk';
export const DEMO_STORE_NAME = 'Northwind Home & Electronics';

/** The demo's agents, with the product categories they handle (skills routing). */
export const DEMO_AGENTS = [
  { name: 'Dana Reyes', title: 'Counter 1', pin: '1111', skills: ['electronics'] },
  { name: 'Sam Okafor', title: 'Counter 2', pin: '2222', skills: ['furniture', 'electronics'] },
  { name: 'Priya Nair', title: 'Counter 3', pin: '3333', skills: ['apparel', 'electronics'] },
  { name: 'Leo Martin', title: 'Counter 4', pin: '4444', skills: ['apparel', 'furniture'] },
] as const;

export const DEMO_INFO: DemoInfo = {
  demo: true,
  passcode: DEMO_PASSCODE,
  agents: DEMO_AGENTS.map(({ name, pin }) => ({ name, pin })),
};

const CUSTOMERS = [
  { name: 'Ana Lima', email: 'ana.lima@example.com', phone: '+1 555 014 2287' },
  { name: 'Bo Virtanen', email: 'bo.virtanen@example.org' },
  { name: 'Chloé Martin', phone: '+33 6 12 34 56 78' },
  { name: 'Diego Fernández', email: 'diego.f@example.net', phone: '+34 612 345 678' },
  { name: 'Emma Schultz', email: 'emma.schultz@example.com' },
  { name: 'Farid Haddad', phone: '+1 555 019 4410' },
  { name: 'Grace Oyelaran', email: 'grace.o@example.com' },
  { name: 'Hiro Tanaka', email: 'hiro.tanaka@example.jp', phone: '+81 90 1234 5678' },
  { name: 'Ines Costa', email: 'ines.costa@example.pt' },
  { name: 'Jonas Berg', phone: '+46 70 123 45 67' },
  { name: 'Kemi Adeyemi', email: 'kemi.adeyemi@example.com' },
  { name: 'Liam O’Brien', email: 'liam.obrien@example.ie', phone: '+353 87 123 4567' },
  { name: 'Maya Patel', email: 'maya.patel@example.co.uk' },
  { name: 'Noah Williams', phone: '+1 555 013 9920' },
] as const;

/** Products by category: each case names its product's category, so skills route it. */
const PRODUCTS: { product: string; category: string }[] = [
  { product: 'Noise-cancelling headphones WH-900', category: 'electronics' },
  { product: '55" QLED TV', category: 'electronics' },
  { product: 'Espresso machine Barista Pro', category: 'electronics' },
  { product: 'Smartwatch Series 5', category: 'electronics' },
  { product: 'Bluetooth speaker Go 3', category: 'electronics' },
  { product: 'Rain jacket, size M', category: 'apparel' },
  { product: 'Trail running shoes, EU 42', category: 'apparel' },
  { product: 'Wool coat, size L', category: 'apparel' },
  { product: 'Oak side table', category: 'furniture' },
  { product: 'Office chair ErgoFlex', category: 'furniture' },
  { product: 'Bookshelf, 5 shelves', category: 'furniture' },
];

const REASONS: CaseReason[] = [
  'defective',
  'damaged',
  'wrong_item',
  'not_as_described',
  'no_longer_needed',
  'defective',
  'other',
];
const DESCRIPTIONS: Partial<Record<CaseReason, string>> = {
  defective: 'Stopped working after a few days.',
  damaged: 'Box was crushed; a corner is cracked.',
  wrong_item: 'Received a different colour than ordered.',
  not_as_described: 'Smaller than the photos suggest.',
  other: 'Customer will explain at the counter.',
};
const OUTCOMES: Outcome[] = ['refund', 'exchange', 'repair', 'store_credit', 'refund', 'rejected'];

const MIN = 60_000;

/** The demo's clock: walks through the seeded day, then is the real time. */
export class DemoClock {
  private at: number | null = null;
  now = (): Date => new Date(this.at ?? Date.now());
  /** While seeding: the instant the next action happens. */
  seedAt(ms: number): void {
    this.at = ms;
  }
  /** Seeding done: real time from now on. */
  release(): void {
    this.at = null;
  }
}

/** A small seeded generator, so every demo desk is the same day. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The `n`th item of a fixed list, round and round (the demo's lists are never empty). */
function nth<T>(items: readonly T[], n: number): T {
  const item = items[n % items.length];
  if (item === undefined) throw new Error('demo desk: an empty list');
  return item;
}

/**
 * Fills a new desk with the demo store: the passcode, the store name, four agents with PINs
 * (one goes off duty in the afternoon), fourteen customers and about seven hours of cases ending
 * now, in every state: resolved (each outcome), cancelled, reopened, assigned, and a queue.
 * Does nothing on a desk that already has a passcode (the demo was opened before).
 */
export async function seedDemoDesk(core: Core, clock: DemoClock, endMs = Date.now()): Promise<boolean> {
  const supervisor = core.openSession();
  const status = await core.dispatch('auth.status', undefined, { session: supervisor });
  if (!status.ok || !status.data.setupRequired) return false;

  const rand = random(2026);
  let t = endMs - 7 * 60 * MIN;
  const step = (ms: number) => {
    t += Math.max(1000, Math.round(ms));
    clock.seedAt(t);
  };
  clock.seedAt(t);
  // Typed by the contract: a channel whose answer changes shape breaks the seed at compile time.
  const ok = async <C extends ChannelName>(
    session: Session,
    channel: C,
    input?: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> => {
    const result = await core.dispatch(channel, input, { session });
    if (!result.ok) throw new Error(`demo desk: ${channel} refused: ${result.error.message}`);
    return result.data;
  };
  const asSupervisor = async <C extends ChannelName>(
    channel: C,
    input?: ChannelInput<C>,
  ): Promise<ChannelOutput<C>> => {
    // The supervisor locks after 10 idle minutes: unlock again when the day has moved on.
    const s = await ok(supervisor, 'auth.status');
    if (s.session.role !== 'supervisor') await ok(supervisor, 'auth.unlock', { passcode: DEMO_PASSCODE });
    return ok(supervisor, channel, input);
  };

  try {
    await ok(supervisor, 'auth.setup', { passcode: DEMO_PASSCODE });
    await asSupervisor('counter.setSettings', { storeName: DEMO_STORE_NAME });
    const categoryIds = new Map<string, number>();
    for (const name of new Set(PRODUCTS.map((p) => p.category))) {
      const created = await asSupervisor('categories.create', {
        name: name.charAt(0).toUpperCase() + name.slice(1),
      });
      categoryIds.set(name, created.id);
    }
    const idOf = (category: string): number => {
      const found = categoryIds.get(category);
      if (found === undefined) throw new Error(`demo desk: no category ${category}`);
      return found;
    };
    const agentIds = new Map<number, (typeof DEMO_AGENTS)[number]>();
    for (const agent of DEMO_AGENTS) {
      step(MIN);
      const created = await asSupervisor('agents.create', {
        name: agent.name,
        title: agent.title,
        pin: agent.pin,
        skills: agent.skills.map(idOf),
      });
      agentIds.set(created.id, agent);
    }
    const customerIds: number[] = [];
    for (const customer of CUSTOMERS) {
      customerIds.push((await asSupervisor('customers.create', customer)).id);
    }

    /** Each agent resolves as themselves: signed in with their PIN, then signed out. */
    const agentSession = core.openSession();
    const resolveAs = async (agentId: number, caseId: number, outcome: Outcome) => {
      const pin = agentIds.get(agentId)?.pin;
      if (!pin) throw new Error(`demo desk: no agent ${agentId}`);
      await ok(agentSession, 'auth.signIn', { agentId, pin });
      const done = await ok(agentSession, 'cases.resolve', {
        id: caseId,
        agentId,
        outcome,
        note: outcome === 'rejected' ? 'Outside the return window.' : 'Handled at the counter.',
      });
      await ok(agentSession, 'auth.signOut');
      return done.next;
    };

    const busy = new Map<number, { caseId: number; until: number }>();
    const take = (c: CaseDto | null, from: number) => {
      if (c?.status === 'assigned' && c.agentId !== null)
        busy.set(c.agentId, { caseId: c.id, until: from + (8 + rand() * 14) * MIN });
    };
    const stopResolving = endMs - 25 * MIN;
    let logged = 0;
    let nextArrival = t + 4 * MIN;
    let leoOff = false;
    for (;;) {
      const nextFinish = [...busy.entries()].sort((a, b) => a[1].until - b[1].until)[0];
      const finishAt = nextFinish && nextFinish[1].until < stopResolving ? nextFinish[1].until : Infinity;
      const arriveAt = nextArrival < endMs - MIN ? nextArrival : Infinity;
      if (finishAt === Infinity && arriveAt === Infinity) break;
      if (arriveAt <= finishAt || !nextFinish) {
        step(arriveAt - t);
        const item = nth(PRODUCTS, Math.floor(rand() * PRODUCTS.length));
        const reason = nth(REASONS, logged);
        const priority: Priority = logged % 11 === 5 ? 'high' : logged % 17 === 9 ? 'urgent' : 'normal';
        const created = await asSupervisor('cases.create', {
          customerId: customerIds[logged % customerIds.length],
          orderNumber: `NW-${String(48210 + logged * 7)}`,
          product: item.product,
          purchaseDate: new Date(t - (3 + (logged % 40)) * 24 * 60 * MIN).toISOString().slice(0, 10),
          reason,
          description: DESCRIPTIONS[reason] ?? '',
          priority,
          categoryId: idOf(item.category),
        });
        logged += 1;

        take(created, t);
        // The last hour gets busier, so the queue and the display have something to show.
        const late = t > endMs - 60 * MIN;
        nextArrival = t + (late ? 2 + rand() * 3 : 6 + rand() * 8) * MIN;
      } else {
        const [agentId, job] = nextFinish;
        step(finishAt - t);
        busy.delete(agentId);
        const next = await resolveAs(agentId, job.caseId, nth(OUTCOMES, logged));
        take(next, t);
        // Mid-afternoon Leo goes off duty while free.
        if (!leoOff && !next && agentIds.get(agentId)?.name === 'Leo Martin' && t > endMs - 3 * 60 * MIN) {
          leoOff = true;
          await asSupervisor('agents.setOnDuty', { id: agentId, onDuty: false });
        }
      }
    }

    // A duplicate is cancelled, a resolved case is reopened, and one waiting case is made urgent.
    const { cases: waiting } = await asSupervisor('cases.active');
    const stillQueued = waiting.filter((c) => c.status === 'queued');
    step(MIN / 2);
    const [second, last] = stillQueued.slice(-2);
    if (stillQueued.length > 2 && second && last) {
      await asSupervisor('cases.cancel', { id: last.id, reason: 'Duplicate of an earlier case' });
      await asSupervisor('cases.setPriority', { id: second.id, priority: 'urgent' });
    }
    const resolved = await asSupervisor('cases.list', { status: 'resolved', limit: 1 });
    if (resolved.items[0]) {
      step(MIN / 2);
      await asSupervisor('cases.reopen', {
        id: resolved.items[0].id,
        reason: 'Customer came back: same fault',
      });
    }
    await asSupervisor('auth.lock');
  } finally {
    clock.release();
  }
  return true;
}
