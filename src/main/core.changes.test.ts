// The change event a window patches from: numbered one per commit, carrying the changed
// rows exactly as a read after the commit returns them (queue positions included).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../shared/events';
import { addAgents, addCustomer, logCase } from './test/fixtures';
import { openTempCore, type TempCore } from './test/temp-core';

let core: TempCore;
let changes: ChangeEvent[];
beforeEach(async () => {
  core = await openTempCore();
  changes = [];
  core.onChange((event) => changes.push(event));
});
afterEach(async () => core.dispose());

/** Every case row an event carries must be what reading that case now returns. */
async function expectRowsAsRead(event: ChangeEvent) {
  expect(event.rows).toBeDefined();
  const ids = event.ids.cases ?? [];
  expect(event.rows!.cases.map((c) => c.id).sort()).toEqual([...ids].sort());
  for (const row of event.rows!.cases) {
    const detail = await core.ok('cases.get', { id: row.id });
    expect({ ...row, customer: detail.customer, timeline: detail.timeline }).toEqual(detail);
  }
  // And every agent row what `agents.list` (removed ones included) returns for it now.
  const agentIds = event.ids.agents ?? [];
  const listed = await core.ok('agents.list', { includeRemoved: true });
  const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;
  expect([...event.rows!.agents!].sort(byId)).toEqual(
    listed.filter((a) => agentIds.includes(a.id)).sort(byId),
  );
}

describe('change events', () => {
  it('are numbered one per commit, and cases.active says which it includes', async () => {
    const ana = await addCustomer(core);
    const [dana] = await addAgents(core, 'Dana');
    const first = await logCase(core, ana.id);
    const before = await core.ok('cases.active');
    await logCase(core, ana.id, { priority: 'urgent' });
    await core.ok('cases.resolve', { id: first.id, agentId: dana!.id, outcome: 'refund' });

    const seqs = changes.map((event) => event.seq);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0]! + i));
    // The read came after the third commit (customer, agent, case) and before the fourth.
    expect(before.seq).toBe(changes[2]!.seq);
    expect((await core.ok('cases.active')).seq).toBe(changes.at(-1)!.seq);
    // A refused write commits nothing and is not numbered.
    const refused = await core.dispatch('cases.resolve', {
      id: first.id,
      agentId: dana!.id,
      outcome: 'refund',
    });
    expect(refused.ok).toBe(false);
    expect((await core.ok('cases.active')).seq).toBe(changes.at(-1)!.seq);
  });

  it('carry the changed cases as a read after the commit returns them', async () => {
    const ana = await addCustomer(core);
    const [dana, eli] = await addAgents(core, 'Dana', 'Eli');
    const held = await logCase(core, ana.id);
    await logCase(core, ana.id);
    const waiting = [await logCase(core, ana.id), await logCase(core, ana.id)];
    changes.length = 0;

    /** Runs one write and checks its event's rows against reads made right after it. */
    const step = async <T>(write: () => Promise<T>): Promise<[T, ChangeEvent]> => {
      changes.length = 0;
      const result = await write();
      expect(changes).toHaveLength(1);
      await expectRowsAsRead(changes[0]!);
      return [result, changes[0]!];
    };
    // Queued at the back, with its position; jumping the queue moves it to the front.
    const [urgent, created] = await step(() => logCase(core, ana.id));
    expect(created.rows!.cases).toMatchObject([{ id: urgent.id, status: 'queued', queuePosition: 3 }]);
    const [, raised] = await step(() => core.ok('cases.setPriority', { id: urgent.id, priority: 'urgent' }));
    expect(raised.rows!.cases).toMatchObject([{ id: urgent.id, queuePosition: 1 }]);
    // A resolve hands the head over: both cases, the next one assigned.
    const [resolved] = await step(() =>
      core.ok('cases.resolve', { id: held.id, agentId: dana!.id, outcome: 'refund' }),
    );
    expect(resolved.next?.id).toBe(urgent.id);
    await step(() => core.ok('cases.cancel', { id: waiting[1]!.id, reason: 'Customer changed their mind' }));
    await step(() => core.ok('agents.setOnDuty', { id: eli!.id, onDuty: false }));
    await step(() => core.ok('cases.requeue', { id: urgent.id }));
    await step(() => core.ok('agents.update', { id: dana!.id, name: 'Dana Reyes' }));
  });

  it('carry the changed agents as agents.list returns them', async () => {
    const ana = await addCustomer(core);
    const laptops = await core.ok('categories.create', { name: 'Laptops' });
    const step = async <T>(write: () => Promise<T>): Promise<ChangeEvent> => {
      changes.length = 0;
      await write();
      expect(changes).toHaveLength(1);
      await expectRowsAsRead(changes[0]!);
      return changes[0]!;
    };
    const created = await step(() => core.ok('agents.create', { name: 'Dana', pin: '1234' }));
    const dana = created.rows!.agents![0]!;
    expect(dana).toMatchObject({ name: 'Dana', onDuty: true, currentCaseId: null });
    const [eli] = await addAgents(core, 'Eli');
    const held = await logCase(core, ana.id);
    await logCase(core, ana.id);
    // A resolve that hands the next case over: the agent's row names it.
    const resolved = await step(() =>
      core.ok('cases.resolve', { id: held.id, agentId: held.agentId!, outcome: 'refund' }),
    );
    expect(resolved.rows!.agents!.length).toBeGreaterThan(0);
    await step(() => core.ok('agents.update', { id: dana.id, skills: [laptops.id] }));
    await step(() => core.ok('agents.update', { id: dana.id, name: 'Dana Reyes' }));
    await step(() => core.ok('agents.setOnDuty', { id: eli!.id, onDuty: false }));
    const removed = await step(() => core.ok('agents.remove', { id: eli!.id }));
    expect(removed.rows!.agents).toMatchObject([{ id: eli!.id, removedAt: expect.any(String) }]);
  });

  it('carry a renamed customer, whose name case rows show', async () => {
    const ana = await addCustomer(core);
    changes.length = 0;
    const renamed = await core.ok('customers.update', { id: ana.id, name: 'Ana Lima-Costa' });
    expect(changes).toEqual([
      {
        seq: expect.any(Number),
        entities: ['customers'],
        ids: { customers: [ana.id] },
        rows: { cases: [], customers: [renamed], agents: [] },
      },
    ]);
  });
});
