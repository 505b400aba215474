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
