import { afterEach, describe, expect, it } from 'vitest';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { findInvariantViolationsBy } from '../test/invariants';
import { openTempCore, type TempCore } from '../test/temp-core';

let core: TempCore;
afterEach(async () => {
  expect(await findInvariantViolationsBy(core.query)).toEqual([]);
  await core.dispose();
});

const caseOf = async (id: number) => core.ok('cases.get', { id });

describe('assignment engine', () => {
  it('runs the seed scenario: assign, queue, and hand over on resolve in one call', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana Reyes');
    const customer = await addCustomer(core);
    const first = await logCase(core, customer.id);
    expect(first).toMatchObject({ status: 'assigned', agentId: dana!.id, agentName: 'Dana Reyes' });
    const second = await logCase(core, customer.id);
    expect(second).toMatchObject({ status: 'queued', agentId: null, queuePosition: 1 });

    const { resolved, next } = await core.ok('cases.resolve', {
      id: first.id,
      agentId: dana!.id,
      outcome: 'refund',
      note: 'Refunded to card',
    });
    expect(resolved).toMatchObject({ status: 'resolved', outcome: 'refund', note: 'Refunded to card' });
    expect(next).toMatchObject({ id: second.id, status: 'assigned', agentId: dana!.id });
  });

  it('serves the queue by priority, then oldest first', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const holding = await logCase(core, customer.id);
    const normalOld = await logCase(core, customer.id, { priority: 'normal' });
    const highNew = await logCase(core, customer.id, { priority: 'high' });
    const urgent = await logCase(core, customer.id, { priority: 'urgent' });
    const normalNew = await logCase(core, customer.id, { priority: 'normal' });

    const active = (await core.ok('cases.active', undefined)).cases;
    expect(active.filter((c) => c.status === 'queued').map((c) => [c.id, c.queuePosition])).toEqual([
      [urgent.id, 1],
      [highNew.id, 2],
      [normalOld.id, 3],
      [normalNew.id, 4],
    ]);

    const served: number[] = [];
    let current = holding.id;
    for (let i = 0; i < 4; i++) {
      const { next } = await core.ok('cases.resolve', {
        id: current,
        agentId: dana!.id,
        outcome: 'exchange',
      });
      served.push(next!.id);
      current = next!.id;
    }
    expect(served).toEqual([urgent.id, highNew.id, normalOld.id, normalNew.id]);
  });

  it('breaks a creation-time tie by id, so the first logged is served first', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const holding = await logCase(core, customer.id);
    const a = await core.ok('cases.create', {
      customerId: customer.id,
      orderNumber: 'A',
      product: 'P',
      reason: 'other',
    });
    const b = await core.ok('cases.create', {
      customerId: customer.id,
      orderNumber: 'B',
      product: 'P',
      reason: 'other',
    });
    expect(a.createdAt).toBe(b.createdAt);
    const { next } = await core.ok('cases.resolve', { id: holding.id, agentId: dana!.id, outcome: 'repair' });
    expect(next!.id).toBe(a.id);
  });

  it('gives the next case to the agent who has been free the longest', async () => {
    core = await openTempCore();
    const [ann, ben, cat] = await addAgents(core, 'Ann', 'Ben', 'Cat');
    const customer = await addCustomer(core);
    // All three busy; then they free up in the order Cat, Ann, Ben.
    const cases = [
      await logCase(core, customer.id),
      await logCase(core, customer.id),
      await logCase(core, customer.id),
    ];
    const holder = (agentId: number) => cases.find((c) => c.agentId === agentId)!;
    for (const agent of [cat!, ann!, ben!]) {
      core.clock.advance(60_000);
      await core.ok('cases.resolve', { id: holder(agent.id).id, agentId: agent.id, outcome: 'refund' });
    }
    const order = [];
    for (let i = 0; i < 3; i++) order.push((await logCase(core, customer.id)).agentId);
    expect(order).toEqual([cat!.id, ann!.id, ben!.id]);
  });

  it('assigns the oldest waiting case to an agent who is added or comes on duty', async () => {
    core = await openTempCore();
    const customer = await addCustomer(core);
    const first = await logCase(core, customer.id);
    const second = await logCase(core, customer.id);
    expect([first.status, second.status]).toEqual(['queued', 'queued']);

    const [dana] = await addAgents(core, 'Dana');
    expect((await caseOf(first.id)).agentId).toBe(dana!.id);

    const eli = await core.ok('agents.create', { name: 'Eli', onDuty: false });
    await core.ok('agents.setPin', { id: eli.id, pin: '1234' });
    expect((await caseOf(second.id)).status).toBe('queued');
    const onDuty = await core.ok('agents.setOnDuty', { id: eli.id, onDuty: true });
    expect(onDuty.currentCaseId).toBe(second.id);
  });

  it('requeues a removed agent’s case in its old place and gives it to a free agent at once', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const held = await logCase(core, customer.id);
    await addAgents(core, 'Eli');
    const removed = await core.ok('agents.remove', { id: dana!.id });
    expect(removed).toMatchObject({ removedAt: expect.any(String), onDuty: false, currentCaseId: null });
    const moved = await core.ok('cases.get', { id: held.id });
    expect(moved).toMatchObject({ status: 'assigned', agentName: 'Eli' });
    expect(moved.timeline.map((e) => e.type)).toEqual(['created', 'assigned', 'requeued', 'assigned']);
    expect((await core.ok('agents.list', undefined)).map((a) => a.name)).toEqual(['Eli']);
    expect((await core.ok('agents.list', { includeRemoved: true })).map((a) => a.name)).toEqual([
      'Dana',
      'Eli',
    ]);
  });

  it('puts an off-duty agent’s case back at the head of the queue, ahead of newer cases', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const held = await logCase(core, customer.id);
    const newer = await logCase(core, customer.id);
    const offDuty = await core.ok('agents.setOnDuty', { id: dana!.id, onDuty: false });
    expect(offDuty).toMatchObject({ onDuty: false, freeSince: null, currentCaseId: null });
    expect((await core.ok('cases.active', undefined)).cases.map((c) => [c.id, c.queuePosition])).toEqual([
      [held.id, 1],
      [newer.id, 2],
    ]);
    // Back on duty, Dana takes the oldest again.
    expect((await core.ok('agents.setOnDuty', { id: dana!.id, onDuty: true })).currentCaseId).toBe(held.id);
  });

  it('frees the agent when their case is cancelled, and hands them the next one', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const held = await logCase(core, customer.id);
    const waiting = await logCase(core, customer.id);
    const cancelled = await core.ok('cases.cancel', { id: held.id, reason: 'Customer changed their mind' });
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Customer changed their mind' });
    expect((await caseOf(waiting.id)).agentId).toBe(dana!.id);
    const queuedCancel = await logCase(core, customer.id);
    expect(await core.ok('cases.cancel', { id: queuedCancel.id, reason: 'Duplicate' })).toMatchObject({
      status: 'cancelled',
      agentId: null,
    });
  });

  it('reassigns to a free agent and frees the previous one, whose fairness clock restarts', async () => {
    core = await openTempCore();
    const [dana, eli] = await addAgents(core, 'Dana', 'Eli');
    const customer = await addCustomer(core);
    const held = await logCase(core, customer.id);
    expect(held.agentId).toBe(dana!.id);
    core.clock.advance(60_000);
    const moved = await core.ok('cases.reassign', { id: held.id, agentId: eli!.id });
    expect(moved).toMatchObject({
      status: 'assigned',
      agentId: eli!.id,
      assignedAt: core.clock.now().toISOString(),
    });
    expect((await caseOf(held.id)).timeline.at(-1)).toMatchObject({
      type: 'reassigned',
      agentId: eli!.id,
      detail: null,
      messages: [{ id: 'timeline.detailFrom', values: { agent: 'Dana' } }],
    });
    expect(await core.ok('agents.get', { id: dana!.id })).toMatchObject({
      currentCaseId: null,
      freeSince: core.clock.now().toISOString(),
    });
    // Dana is now the only free agent: the next case is hers.
    expect((await logCase(core, customer.id)).agentId).toBe(dana!.id);
  });

  it('requeues a case to another free agent; straight back to the same one only when asked', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const held = await logCase(core, customer.id);
    // Nobody else can take it: main says so and changes nothing…
    const before = await core.snapshot();
    expect(await core.dispatch('cases.requeue', { id: held.id })).toMatchObject({
      ok: false,
      error: {
        code: 'CONFLICT',
        fields: { toSameAgent: 'Nobody else can take RMA-000001 now: it would go straight back to Dana.' },
      },
    });
    expect(await core.snapshot()).toBe(before);
    // …and does it when asked.
    const back = await core.ok('cases.requeue', { id: held.id, toSameAgent: true });
    expect(back).toMatchObject({ status: 'assigned', agentId: dana!.id });
    const [eli] = await addAgents(core, 'Eli');
    core.clock.advance(5000);
    const moved = await core.ok('cases.requeue', { id: held.id });
    expect(moved).toMatchObject({ status: 'assigned', agentId: eli!.id });
    expect((await caseOf(held.id)).timeline.map((e) => e.type)).toEqual([
      'created',
      'assigned',
      'requeued',
      'assigned',
      'requeued',
      'assigned',
    ]);
  });

  it('a requeued case does not go back to its agent while she can take another waiting case', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const customer = await addCustomer(core);
    const first = await logCase(core, customer.id, { priority: 'urgent' });
    const second = await logCase(core, customer.id);
    // The urgent case keeps its place at the head of the queue, but Dana takes the next one.
    const after = await core.ok('cases.requeue', { id: first.id });
    expect(after).toMatchObject({ status: 'queued', queuePosition: 1, agentId: null });
    expect(await core.ok('cases.get', { id: second.id })).toMatchObject({
      status: 'assigned',
      agentId: dana!.id,
    });
    expect(await findInvariantViolationsBy(core.query)).toEqual([]);
  });

  it('swaps the cases of two busy agents in one commit, and only when asked', async () => {
    core = await openTempCore();
    const [dana, eli] = await addAgents(core, 'Dana', 'Eli');
    const customer = await addCustomer(core);
    const a = await logCase(core, customer.id);
    const b = await logCase(core, customer.id);
    expect([a.agentId, b.agentId]).toEqual([dana!.id, eli!.id]);

    expect(await core.dispatch('cases.reassign', { id: a.id, agentId: eli!.id })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: 'Eli is busy with another case' },
    });
    const swapped = await core.ok('cases.reassign', { id: a.id, agentId: eli!.id, swap: true });
    expect(swapped).toMatchObject({ status: 'assigned', agentId: eli!.id });
    expect(await core.ok('cases.get', { id: b.id })).toMatchObject({ status: 'assigned', agentId: dana!.id });
    const timeline = (await caseOf(b.id)).timeline.at(-1)!;
    expect(timeline).toMatchObject({ type: 'reassigned', agentId: dana!.id });
    expect(timeline.messages).toEqual([
      { id: 'timeline.detailSwapped', values: { reference: a.reference, agent: 'Eli' } },
    ]);
    expect(await findInvariantViolationsBy(core.query)).toEqual([]);
  });
});
