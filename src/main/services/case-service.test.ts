// cases.create answers with the case it wrote without reading it back when it was
// assigned at once: that answer must be exactly what reading it gives.
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDto } from '../../shared/domain';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, type TempCore } from '../test/temp-core';

let core: TempCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

async function asRead(c: CaseDto): Promise<CaseDto> {
  const { customer: _customer, timeline: _timeline, ...read } = await core!.ok('cases.get', { id: c.id });
  return read;
}

describe('cases.create answers with the case as stored', () => {
  it('for a case assigned at once, for an existing customer and a new one', async () => {
    core = await openTempCore();
    const [bea] = await addAgents(core, 'Bea Ruiz', 'Caro Díaz');
    const ana = await addCustomer(core);
    const first = await logCase(core, ana.id, {
      purchaseDate: '2026-01-15',
      description: 'Stopped working after a week.',
      priority: 'urgent',
    });
    expect(first).toMatchObject({ status: 'assigned', agentId: bea!.id, agentName: 'Bea Ruiz' });
    expect(first).toEqual(await asRead(first));

    core.clock.advance(1000);
    const second = await core.ok('cases.create', {
      customer: { name: 'Dora Pinto', email: 'dora@example.com' },
      orderNumber: 'SO-2002',
      product: 'Toaster',
      reason: 'damaged',
    });
    expect(second.status).toBe('assigned');
    expect(second).toEqual(await asRead(second));
  });

  it('for a case left waiting, with its place in the queue', async () => {
    core = await openTempCore();
    const ana = await addCustomer(core);
    const waiting = await logCase(core, ana.id);
    expect(waiting).toMatchObject({ status: 'queued', queuePosition: 1, agentId: null });
    expect(waiting).toEqual(await asRead(waiting));
  });
});

describe('a case logged while someone is free', () => {
  /** What a case's assignment left in the database, apart from ids and times. */
  async function assignmentRows(caseId: number) {
    const query = core!.query;
    return {
      case: (
        await query(
          `SELECT status, agent_id, assigned_at = first_assigned_at AS first FROM cases WHERE id = ${caseId}`,
        )
      )[0],
      timeline: await query(`SELECT type, agent_id FROM case_events WHERE case_id = ${caseId} ORDER BY id`),
      busyLog: await query(
        `SELECT agent_id, active FROM agent_events WHERE case_id = ${caseId} AND track = 'busy' ORDER BY id`,
      ),
    };
  }

  it('is written assigned at once, with the same rows as a queued case assigned later', async () => {
    core = await openTempCore();
    const ana = await addCustomer(core);
    // Queued first (nobody on duty), then assigned by the engine when Bea arrives.
    const queued = await logCase(core, ana.id);
    const [bea] = await addAgents(core, 'Bea Ruiz');
    await core.ok('cases.resolve', { id: queued.id, agentId: bea!.id, outcome: 'refund' });
    // Bea is free and nobody waits: this one goes straight to her.
    const direct = await logCase(core, ana.id);
    expect(direct).toMatchObject({ status: 'assigned', agentId: bea!.id });
    const expected = {
      case: { status: 'assigned', agent_id: bea!.id, first: 1 },
      timeline: [
        { type: 'created', agent_id: null },
        { type: 'assigned', agent_id: bea!.id },
      ],
      busyLog: [{ agent_id: bea!.id, active: 1 }],
    };
    expect(await assignmentRows(direct.id)).toEqual(expected);
    // The engine's way, for the first case, up to its assignment (then resolved).
    const viaQueue = await assignmentRows(queued.id);
    expect(viaQueue.timeline.slice(0, 2)).toEqual(expected.timeline);
    expect(viaQueue.busyLog[0]).toEqual(expected.busyLog[0]);
  });

  it('waits at its place in the queue when nobody is free', async () => {
    core = await openTempCore();
    const ana = await addCustomer(core);
    const [bea] = await addAgents(core, 'Bea Ruiz');
    const held = await logCase(core, ana.id);
    const waiting = await logCase(core, ana.id);
    // Bea goes off duty and back: her case waits at the head, and she takes it again.
    await core.ok('agents.setOnDuty', { id: bea!.id, onDuty: false });
    await core.ok('agents.setOnDuty', { id: bea!.id, onDuty: true });
    expect((await asRead(held)).agentId).toBe(bea!.id);
    const third = await logCase(core, ana.id, { priority: 'urgent' });
    expect(third).toMatchObject({ status: 'queued', queuePosition: 1 });
    expect((await asRead(waiting)).queuePosition).toBe(2);
  });
});

describe('cases.resolve answers with the next case in full', () => {
  it('as cases.get reads it right after, and none when nobody waits', async () => {
    core = await openTempCore();
    const [bea] = await addAgents(core, 'Bea Ruiz');
    const ana = await addCustomer(core);
    const held = await logCase(core, ana.id);
    core.clock.advance(1000);
    const waiting = await logCase(core, ana.id, { description: 'Makes a noise.' });
    expect(waiting.status).toBe('queued');

    core.clock.advance(1000);
    const first = await core.ok('cases.resolve', { id: held.id, agentId: bea!.id, outcome: 'refund' });
    expect(first.next?.id).toBe(waiting.id);
    // The window shows it from the answer: it must be exactly what reading it gives.
    expect(first.nextDetail).toEqual(await core.ok('cases.get', { id: waiting.id }));

    const second = await core.ok('cases.resolve', { id: waiting.id, agentId: bea!.id, outcome: 'repair' });
    expect(second).toMatchObject({ next: null, nextDetail: null });
  });
});
