// The categories' waiting counts follow case changes from the active cases (patched from
// the same event), without reading the categories again; their own changes (a rename, an
// agent's skills) still read them.
import { withRealDesk } from '../test/desk';
import { settle, tapBridge } from '../test/tap-bridge';
import { useCasesStore } from './cases-store';
import { useCategoriesStore } from './categories-store';
import { connectLive } from './live';

const desk = withRealDesk();

const categoryReads = (tap: { reads: string[] }) => tap.reads.filter((c) => c === 'categories.list').length;

describe('categories follow change events', () => {
  it('count waiting cases from the active cases, and read again only for their own changes', async () => {
    const { core } = desk();
    const kettles = await core.ok('categories.create', { name: 'Kettles' });
    const lamps = await core.ok('categories.create', { name: 'Lamps' });
    const dana = await core.ok('agents.create', { name: 'Dana', pin: '1234', skills: [kettles.id] });
    const customer = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const tap = tapBridge();
    const off = connectLive();
    await useCasesStore.getState().loadActive();
    await useCategoriesStore.getState().load();
    const shown = () => useCategoriesStore.getState().list.data;
    const log = (categoryId: number) =>
      core.ok('cases.create', {
        customerId: customer.id,
        orderNumber: 'SO-1',
        product: 'Kettle',
        reason: 'damaged',
        categoryId,
      });

    const first = await log(kettles.id); // straight to Dana
    await log(kettles.id); // waits
    await log(lamps.id); // nobody has the skill: open to anyone, Dana busy: waits
    await settle(tap);
    expect(shown()).toEqual(await core.ok('categories.list'));
    expect(shown().map((k) => k.waitingCount)).toEqual([1, 1]);
    const readsForCases = categoryReads(tap);
    // Dana takes the next kettle: one waiting case fewer, no read.
    await core.ok('cases.resolve', { id: first.id, agentId: dana.id, outcome: 'refund' });
    await settle(tap);
    expect(shown()).toEqual(await core.ok('categories.list'));
    expect(shown().map((k) => k.waitingCount)).toEqual([0, 1]);
    expect(categoryReads(tap)).toBe(readsForCases);

    // The categories' own changes: read again.
    await core.ok('categories.rename', { id: lamps.id, name: 'Lights' });
    await settle(tap);
    expect(categoryReads(tap)).toBeGreaterThan(readsForCases);
    await core.ok('agents.create', { name: 'Eli', pin: '1234', skills: [lamps.id], onDuty: false });
    await settle(tap);
    expect(shown()).toEqual(await core.ok('categories.list'));
    expect(shown().find((k) => k.id === lamps.id)?.agentCount).toBe(1);
    off();
  });
});
