import { afterEach, describe, expect, it } from 'vitest';
import { openTempCore, type TempCore } from './test/temp-core';

let core: TempCore;
afterEach(async () => core?.dispose());

describe('seed scenario', () => {
  it('assigns, queues, and hands the next case over on resolve', async () => {
    core = await openTempCore();
    const dana = await core.ok('agents.create', { name: 'Dana Reyes' });
    const customer = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    const first = await core.ok('cases.create', {
      customerId: customer.id,
      orderNumber: 'SO-1',
      product: 'Kettle',
      reason: 'defective',
    });
    expect(first).toMatchObject({ status: 'assigned', agentId: dana.id, reference: 'RMA-000001' });
    const second = await core.ok('cases.create', {
      customerId: customer.id,
      orderNumber: 'SO-2',
      product: 'Toaster',
      reason: 'damaged',
    });
    expect(second).toMatchObject({ status: 'queued', agentId: null, queuePosition: 1 });
    const { resolved, next } = await core.ok('cases.resolve', {
      id: first.id,
      agentId: dana.id,
      outcome: 'refund',
    });
    expect(resolved.status).toBe('resolved');
    expect(next).toMatchObject({ id: second.id, status: 'assigned', agentId: dana.id });
  });
});
