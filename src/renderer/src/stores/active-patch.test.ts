// A window's active cases, patched from change events, against a fresh read of
// `cases.active` after every change: on the real core, with events missed,
// answers overtaken by events, and events that arrive after an answer that
// already includes them.
import type { DeskApi } from '../../../shared/api';
import type { ChangeEvent } from '../../../shared/events';
import type { CaseDto, Priority } from '../../../shared/domain';
import { TEST_PASSCODE } from '../test/real-api';
import { withRealDesk } from '../test/desk';
import { useCasesStore } from './cases-store';
import { connectLive } from './live';

const desk = withRealDesk();

/** The window's bridge, watched: reads counted, events dropped or held, one answer held back. */
function tapBridge() {
  const api = window.api as DeskApi;
  const tap = {
    reads: [] as string[],
    inFlight: 0,
    /** The next this many events never reach the window (a lost message). */
    drop: 0,
    /** Events kept back while set; `release` delivers them in order. */
    held: null as ChangeEvent[] | null,
    /** While set, `cases.active`'s answer waits for it (after main has read it). */
    gate: null as Promise<void> | null,
    listeners: new Set<(event: ChangeEvent) => void>(),
    release() {
      const held = tap.held ?? [];
      tap.held = null;
      for (const event of held) for (const listener of tap.listeners) listener(event);
    },
  };
  window.api = {
    ...api,
    async invoke(channel, input) {
      tap.reads.push(channel);
      tap.inFlight += 1;
      try {
        const answer = await api.invoke(channel, input);
        if (channel === 'cases.active' && tap.gate) await tap.gate;
        return answer;
      } finally {
        tap.inFlight -= 1;
      }
    },
    onChange(listener) {
      tap.listeners.add(listener);
      const off = api.onChange((event) => {
        if (tap.drop > 0) tap.drop -= 1;
        else if (tap.held) tap.held.push(event);
        else listener(event);
      });
      return () => {
        tap.listeners.delete(listener);
        off();
      };
    },
  } satisfies DeskApi;
  return tap;
}

/** Until every event delivered and every read started has been handled. */
async function settle(tap: { inFlight: number }) {
  for (let i = 0; i < 50; i++) {
    await new Promise((next) => setTimeout(next, 0));
    if (tap.inFlight === 0) {
      await new Promise((next) => setTimeout(next, 0));
      if (tap.inFlight === 0) return;
    }
  }
  throw new Error('the window kept reading');
}

const shown = () => useCasesStore.getState().active.data;
const readNow = async (): Promise<CaseDto[]> => (await desk().core.ok('cases.active')).cases;
const activeReads = (tap: { reads: string[] }) => tap.reads.filter((c) => c === 'cases.active').length;

/** A small desk: three agents on duty with PINs, three customers. */
async function seed() {
  const { core } = desk();
  const agents = [];
  for (const name of ['Dana', 'Eli', 'Fay'])
    agents.push(await core.ok('agents.create', { name, pin: '1234' }));
  const customers = [];
  for (const name of ['Ana Lima', 'Bo Chen', 'Cy Ode']) {
    customers.push(await core.ok('customers.create', { name, email: `${name.split(' ')[0]}@example.com` }));
  }
  return { agents, customers };
}

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

describe('active cases patched from change events', () => {
  it('match a fresh read after every change of a busy day, with one read in all', async () => {
    const { core } = desk();
    const { agents, customers } = await seed();
    const tap = tapBridge();
    const off = connectLive();
    await useCasesStore.getState().loadActive();
    const next = random(7);
    const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)];
    const priorities: Priority[] = ['normal', 'high', 'urgent'];
    let renames = 0;

    for (let step = 0; step < 80; step++) {
      core.clock.advance(1000 + Math.floor(next() * 5000));
      const active = await readNow();
      const queued = active.filter((c) => c.status === 'queued');
      const assigned = active.filter((c) => c.status === 'assigned');
      const roll = next();
      if (roll < 0.4 || active.length === 0) {
        await core.dispatch(
          'cases.create',
          next() < 0.15
            ? {
                customer: { name: `New ${step}`, email: `new${step}@example.com` },
                orderNumber: `SO-${step}`,
                product: 'Kettle',
                reason: 'damaged',
                priority: pick(priorities),
              }
            : {
                customerId: pick(customers)!.id,
                orderNumber: `SO-${step}`,
                product: 'Kettle',
                reason: 'damaged',
                priority: pick(priorities),
              },
        );
      } else if (roll < 0.55 && assigned.length) {
        const c = pick(assigned)!;
        await core.dispatch('cases.resolve', { id: c.id, agentId: c.agentId, outcome: 'refund' });
      } else if (roll < 0.63) {
        await core.dispatch('cases.cancel', { id: pick(active)!.id, reason: 'Customer changed their mind' });
      } else if (roll < 0.72 && queued.length) {
        await core.dispatch('cases.setPriority', { id: pick(queued)!.id, priority: pick(priorities) });
      } else if (roll < 0.78 && assigned.length) {
        await core.dispatch('cases.requeue', { id: pick(assigned)!.id, toSameAgent: true });
      } else if (roll < 0.86) {
        const agent = pick(agents)!;
        const now = (await core.ok('agents.list')).find((a) => a.id === agent.id)!;
        await core.dispatch('agents.setOnDuty', { id: agent.id, onDuty: !now.onDuty });
      } else if (roll < 0.93) {
        renames += 1;
        await core.dispatch('customers.update', { id: pick(customers)!.id, name: `Renamed ${renames}` });
      } else {
        renames += 1;
        await core.dispatch('agents.update', { id: pick(agents)!.id, name: `Agent ${renames}` });
      }
      await settle(tap);
      expect(shown()).toEqual(await readNow());
    }
    // Patched every time: the one read is the first.
    expect(activeReads(tap)).toBe(1);
    expect(shown().some((c) => c.status === 'queued')).toBe(true);
    off();
  });

  it('reads everything again after a missed event, and only then', async () => {
    const { core } = desk();
    const { customers } = await seed();
    const tap = tapBridge();
    const off = connectLive();
    await useCasesStore.getState().loadActive();
    const log = (n: number) =>
      core.ok('cases.create', {
        customerId: customers[0]!.id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: 'other',
      });

    tap.drop = 1;
    await log(1);
    await settle(tap);
    // Nothing told this window: it cannot know yet.
    expect(activeReads(tap)).toBe(1);
    await log(2);
    await settle(tap);
    // The next event's seq shows the gap: one more read, and the window is right again.
    expect(activeReads(tap)).toBe(2);
    expect(shown()).toEqual(await readNow());
    await log(3);
    await settle(tap);
    expect(activeReads(tap)).toBe(2);
    expect(shown()).toEqual(await readNow());
    off();
  });

  it('applies the events that overtook its read, and skips those the read already has', async () => {
    const { core } = desk();
    const { agents, customers } = await seed();
    const tap = tapBridge();
    const off = connectLive();
    const log = (n: number, priority: Priority = 'normal') =>
      core.ok('cases.create', {
        customerId: customers[n % 3]!.id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: 'other',
        priority,
      });
    for (let n = 0; n < 5; n++) await log(n);

    // The answer is held back while three more writes commit and their events arrive first.
    let open!: () => void;
    tap.gate = new Promise((resolve) => (open = resolve));
    const loading = useCasesStore.getState().loadActive();
    await settle({ inFlight: 0 });
    await log(5, 'urgent');
    const held = (await readNow()).find((c) => c.status === 'assigned')!;
    await core.ok('cases.resolve', { id: held.id, agentId: held.agentId, outcome: 'refund' });
    await log(6, 'high');
    await settle({ inFlight: 0 });
    tap.gate = null;
    open();
    await loading;
    await settle(tap);
    expect(shown()).toEqual(await readNow());
    expect(activeReads(tap)).toBe(1);

    // Events held back until after a read that already includes them: skipped, not applied twice
    // (applied again, the first would put its case back at the place it had before the second).
    expect((await readNow()).filter((c) => c.status === 'queued').length).toBeGreaterThan(0);
    tap.held = [];
    await log(7, 'normal');
    await log(8, 'urgent');
    await useCasesStore.getState().loadActive();
    tap.release();
    await settle(tap);
    expect(shown()).toEqual(await readNow());
    await core.ok('agents.setOnDuty', { id: agents[0]!.id, onDuty: false });
    await settle(tap);
    expect(shown()).toEqual(await readNow());
    await log(9, 'high');
    await settle(tap);
    expect(shown()).toEqual(await readNow());
    expect(activeReads(tap)).toBe(2);
    off();
  });

  it('reads everything again after a backup is restored', async () => {
    const { core } = desk();
    const { customers } = await seed();
    const log = (n: number) =>
      core.ok('cases.create', {
        customerId: customers[0]!.id,
        orderNumber: `SO-${n}`,
        product: 'Kettle',
        reason: 'other',
      });
    await log(1);
    const backup = await core.ok('backup.now');
    const tap = tapBridge();
    const off = connectLive();
    await useCasesStore.getState().loadActive();
    await log(2);
    await log(3);
    await settle(tap);
    expect(shown()).toHaveLength(3);

    await core.ok('backup.restore', { name: backup.name, passcode: TEST_PASSCODE });
    await settle(tap);
    expect(activeReads(tap)).toBe(2);
    expect(shown()).toEqual(await readNow());
    expect(shown()).toHaveLength(1);
    off();
  });
});
