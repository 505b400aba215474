// The supervisor's case actions, as fixed examples beside the model-based test: that
// test reaches "reopen while an agent is free" only now and then.
import { afterEach, describe, expect, it } from 'vitest';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, type TempCore } from '../test/temp-core';

let core: TempCore | undefined;
afterEach(async () => {
  await core?.close();
  core = undefined;
});

describe('case actions run the engine in their own transaction', () => {
  it('a reopened case goes straight to a free agent, keeping its history', async () => {
    core = await openTempCore();
    const [bea] = await addAgents(core, 'Bea Ruiz');
    const ana = await addCustomer(core);
    const kettle = await logCase(core, ana.id);
    await core.ok('cases.resolve', { id: kettle.id, agentId: bea!.id, outcome: 'refund' });

    const reopened = await core.ok('cases.reopen', { id: kettle.id, reason: 'Refund never arrived' });
    expect(reopened).toMatchObject({ status: 'assigned', agentId: bea!.id, outcome: null });
    const { timeline } = await core.ok('cases.get', { id: kettle.id });
    expect(timeline.map((e) => e.type)).toEqual(['created', 'assigned', 'resolved', 'reopened', 'assigned']);
  });

  it('a raised priority moves a waiting case to the head of the queue at once', async () => {
    core = await openTempCore();
    const [bea] = await addAgents(core, 'Bea Ruiz');
    const ana = await addCustomer(core);
    const first = await logCase(core, ana.id); // Bea takes it
    const older = await logCase(core, ana.id);
    const newer = await logCase(core, ana.id);
    await core.ok('cases.setPriority', { id: newer.id, priority: 'urgent' });

    const done = await core.ok('cases.resolve', { id: first.id, agentId: bea!.id, outcome: 'refund' });
    expect(done.next?.id).toBe(newer.id);
    expect((await core.ok('cases.get', { id: older.id })).status).toBe('queued');
  });
});
