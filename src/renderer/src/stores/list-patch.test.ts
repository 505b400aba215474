// The intake's latest cases and Admin's page of all cases, patched from change events,
// against a fresh `cases.list` after every change: on the real core, with every filter
// Admin offers, a page that is not the first, and changes that cannot be placed (the
// window must read those again, never show a wrong page).
import type { CaseDto, Priority } from '../../../shared/domain';
import { withRealDesk } from '../test/desk';
import { settle, tapBridge } from '../test/tap-bridge';
import { PAGE_SIZE, RECENT_COUNT, useCasesStore, type CaseFilter } from './cases-store';
import { connectLive } from './live';

const desk = withRealDesk();

/** A deterministic stream of numbers in [0, 1). */
function random(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

const listReads = (tap: { reads: string[] }) => tap.reads.filter((c) => c === 'cases.list').length;

/** Three agents on duty, three customers, and `cases` cases logged (most resolved). */
async function seed(cases: number) {
  const { core } = desk();
  const agents = [];
  for (const name of ['Dana', 'Eli', 'Fay'])
    agents.push(await core.ok('agents.create', { name, pin: '1234' }));
  const customers = [];
  for (const name of ['Ana Lima', 'Bo Chen', 'Cy Ode'])
    customers.push(await core.ok('customers.create', { name, email: `${name.split(' ')[0]}@example.com` }));
  for (let i = 0; i < cases; i++) {
    core.clock.advance(60_000);
    const c = await core.ok('cases.create', {
      customerId: customers[i % 3]!.id,
      orderNumber: `OLD-${i}`,
      product: i % 2 ? 'Kettle' : 'Toaster',
      reason: 'damaged',
    });
    if (c.agentId !== null && i % 5 !== 0)
      await core.ok('cases.resolve', { id: c.id, agentId: c.agentId, outcome: 'refund' });
  }
  return { agents, customers };
}

/** One random change of a busy desk (creates, resolves, cancels, reopens, renames, duty…). */
async function change(
  step: number,
  next: () => number,
  ids: { agents: { id: number }[]; customers: { id: number }[] },
) {
  const { core } = desk();
  const pick = <T>(items: readonly T[]): T | undefined => items[Math.floor(next() * items.length)];
  const priorities: Priority[] = ['normal', 'high', 'urgent'];
  core.clock.advance(1000 + Math.floor(next() * 5000));
  const active = (await core.ok('cases.active')).cases;
  const queued = active.filter((c) => c.status === 'queued');
  const assigned = active.filter((c) => c.status === 'assigned');
  const roll = next();
  if (roll < 0.35 || active.length === 0) {
    await core.dispatch('cases.create', {
      customerId: pick(ids.customers)!.id,
      orderNumber: `SO-${step}`,
      product: 'Kettle',
      reason: 'damaged',
      priority: pick(priorities),
    });
  } else if (roll < 0.5 && assigned.length) {
    const c = pick(assigned)!;
    await core.dispatch('cases.resolve', { id: c.id, agentId: c.agentId, outcome: 'refund' });
  } else if (roll < 0.57) {
    await core.dispatch('cases.cancel', { id: pick(active)!.id, reason: 'Customer changed their mind' });
  } else if (roll < 0.64 && queued.length) {
    await core.dispatch('cases.setPriority', { id: pick(queued)!.id, priority: pick(priorities) });
  } else if (roll < 0.69 && assigned.length) {
    await core.dispatch('cases.requeue', { id: pick(assigned)!.id, toSameAgent: true });
  } else if (roll < 0.75) {
    const resolved = (await core.ok('cases.list', { status: 'resolved', limit: 100 })).items;
    if (resolved.length)
      await core.dispatch('cases.reopen', { id: pick(resolved)!.id, reason: 'Still broken' });
  } else if (roll < 0.8) {
    await core.dispatch('cases.edit', { id: pick(active)!.id, product: `Kettle mk ${step}` });
  } else if (roll < 0.87) {
    const agent = pick(ids.agents)!;
    const now = (await core.ok('agents.list')).find((a) => a.id === agent.id)!;
    await core.dispatch('agents.setOnDuty', { id: agent.id, onDuty: !now.onDuty });
  } else if (roll < 0.94) {
    await core.dispatch('customers.update', { id: pick(ids.customers)!.id, name: `Renamed ${step}` });
  } else {
    await core.dispatch('agents.update', { id: pick(ids.agents)!.id, name: `Agent ${step}` });
  }
}

const FILTERS: [string, Partial<CaseFilter>, number][] = [
  ['no filter, first page', {}, 0],
  ['no filter, second page', {}, PAGE_SIZE],
  ['waiting', { status: 'queued' }, 0],
  ['with an agent', { status: 'assigned' }, 0],
  ['open (waiting or with an agent)', { status: 'active' }, 0],
  ['resolved, second page', { status: 'resolved' }, PAGE_SIZE],
  ['cancelled', { status: 'cancelled' }, 0],
  ['one agent', { agentId: 1 }, 0],
  ['a search', { text: 'kettle' }, 0],
];

describe('lists patched from change events', () => {
  it.each(FILTERS)(
    'the latest cases and the page (%s) match a fresh read after every change',
    async (_name, filter, offset) => {
      const { core } = desk();
      const ids = await seed(130);
      const agentId = filter.agentId === undefined ? {} : { agentId: ids.agents[0]!.id };
      const tap = tapBridge();
      const off = connectLive();
      const store = useCasesStore.getState();
      await store.loadActive();
      await store.loadRecent();
      await store.setFilter({ ...filter, ...agentId });
      if (offset) await store.setOffset(offset);
      await settle(tap);
      const readsBefore = listReads(tap);
      const next = random(11);
      const shown = (b = useCasesStore.getState().browse) => ({
        items: b.data.items,
        total: b.data.total,
        offset: b.offset,
      });
      for (let step = 0; step < 80; step++) {
        await change(step, next, ids);
        await settle(tap);
        const recent = await core.ok('cases.list', { limit: RECENT_COUNT, sort: 'newest' });
        expect(useCasesStore.getState().recent.data).toEqual(recent.items);
        const { filter: now, offset: at } = useCasesStore.getState().browse;
        const page = await core.ok('cases.list', {
          ...(now.status === 'active'
            ? { status: ['queued', 'assigned'] }
            : now.status !== '' && { status: now.status }),
          ...(now.agentId !== null && { agentId: now.agentId }),
          ...(now.text && { text: now.text }),
          limit: PAGE_SIZE,
          offset: at,
          sort: 'newest',
        });
        expect(shown()).toEqual({ items: page.items, total: page.total, offset: at });
      }
      // Most changes were placed without a read (both lists, 80 changes: 160 reads before).
      const reads = listReads(tap) - readsBefore;
      if (!filter.text) expect(reads).toBeLessThan(60);
      off();
    },
  );

  it('the latest cases follow a new case without reading, queue positions from the active cases', async () => {
    const { core } = desk();
    const ids = await seed(30);
    const tap = tapBridge();
    const off = connectLive();
    await useCasesStore.getState().loadActive();
    await useCasesStore.getState().loadRecent();
    await settle(tap);
    const before = listReads(tap);
    // Every agent busy: new cases queue, an urgent one ahead of the others.
    for (const [n, priority] of (
      ['normal', 'normal', 'normal', 'normal', 'urgent'] as Priority[]
    ).entries()) {
      await core.ok('cases.create', {
        customerId: ids.customers[0]!.id,
        orderNumber: `Q-${n}`,
        product: 'Kettle',
        reason: 'other',
        priority,
      });
      await settle(tap);
    }
    const recent: CaseDto[] = useCasesStore.getState().recent.data;
    expect(recent).toEqual((await core.ok('cases.list', { limit: RECENT_COUNT })).items);
    expect(recent[0]!.queuePosition).toBe(1);
    expect(recent.some((c) => c.status === 'queued' && c.queuePosition! > 1)).toBe(true);
    expect(listReads(tap)).toBe(before);
    off();
  });
});
