import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTempCore, type TempCore } from '../test/temp-core';

let core: TempCore;
beforeEach(async () => {
  core = await openTempCore();
});
afterEach(async () => {
  await core.dispose();
});

const refs = async (text: string, extra: Record<string, unknown> = {}) =>
  (await core.ok('cases.list', { text, ...extra })).items.map((c) => c.reference).sort();

describe('case search (FTS5, trigram)', () => {
  it('finds cases by surname, phone, email, product word, order number and reference', async () => {
    const maria = await core.ok('customers.create', {
      name: 'Maria Lopez',
      email: 'maria.l@shop.test',
      phone: '+44 (20) 555-0101',
    });
    const bo = await core.ok('customers.create', { name: 'Bo Berg', email: 'bo@example.com' });
    const add = (customerId: number, orderNumber: string, product: string) =>
      core.ok('cases.create', { customerId, orderNumber, product, reason: 'other' });
    await add(maria.id, 'SO-4411', 'Kettle 1.7 l, steel');
    await add(bo.id, 'WEB-9000', 'Toaster');
    await add(maria.id, 'SO-7788', 'Desk lamp');

    expect(await refs('Lopez')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('lopez')).toEqual(['RMA-000001', 'RMA-000003']);
    // The phone as typed in part, or as digits only.
    expect(await refs('555-0101')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('205550101')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('maria.l@shop')).toEqual(['RMA-000001', 'RMA-000003']);
    expect(await refs('kettle')).toEqual(['RMA-000001']);
    expect(await refs('steel')).toEqual(['RMA-000001']);
    expect(await refs('9000')).toEqual(['RMA-000002']);
    // Every word must match: surname and product together.
    expect(await refs('Lopez lamp')).toEqual(['RMA-000003']);
    expect(await refs('RMA-000002')).toEqual(['RMA-000002']);
    // Short text still finds by reference and by prefix.
    expect(await refs('2')).toEqual(['RMA-000002']);
    expect(await refs('Bo')).toEqual(['RMA-000002']);
    // FTS syntax is just text.
    expect(await refs('"lopez" OR *')).toEqual([]);
    // Combined with other filters.
    await core.ok('cases.cancel', { id: 1, reason: 'Duplicate' });
    expect(await refs('Lopez', { status: 'queued' })).toEqual(['RMA-000003']);
  });

  it('follows a customer’s new details and new cases in the same commit', async () => {
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Fan',
      reason: 'other',
    });
    expect(await refs('Lima')).toEqual(['RMA-000001']);

    await core.ok('customers.update', { id: ana.id, name: 'Ana Moreau', phone: '0612 345 678' });
    expect(await refs('Lima')).toEqual([]);
    expect(await refs('Moreau')).toEqual(['RMA-000001']);
    expect(await refs('0612345678')).toEqual(['RMA-000001']);

    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-2',
      product: 'Heater',
      reason: 'other',
    });
    expect(await refs('moreau')).toEqual(['RMA-000001', 'RMA-000002']);
    expect((await core.ok('cases.list', { text: 'moreau' })).total).toBe(2);
  });

  it('is open to the front desk, read-only', async () => {
    const ana = await core.ok('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
    await core.ok('cases.create', {
      customerId: ana.id,
      orderNumber: 'SO-1',
      product: 'Fan',
      reason: 'other',
    });
    const desk = core.openSession();
    const found = await core.dispatch('cases.list', { text: 'Lima' }, { session: desk });
    expect(found).toMatchObject({ ok: true, data: { total: 1 } });
    expect(await core.dispatch('cases.cancel', { id: 1, reason: 'x' }, { session: desk })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});
