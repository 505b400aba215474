// Hostile and careless input at the core: text that hides or lies, dates that
// do not exist, a case refused after its new customer was typed, two agents
// with one name. Every refusal leaves the database byte-identical.
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/events';
import { addAgents, addCustomer } from '../test/fixtures';
import { openTempCore, TestClock, type TempCore } from '../test/temp-core';
import { acceptableUnicode, nastyUnicode } from '../test/unicode-arbitraries';

let core: TempCore;
afterEach(async () => core.dispose());

/** Dispatches and expects a refusal that changed nothing; returns the error. */
async function refusedUnchanged(channel: string, input: unknown) {
  const before = await core.snapshot();
  const changes: ChangeEvent[] = [];
  const off = core.onChange((event) => changes.push(event));
  const result = await core.dispatch(channel, input);
  off();
  expect(result.ok, `${channel} ${JSON.stringify(input)} was accepted`).toBe(false);
  expect(await core.snapshot()).toBe(before);
  expect(changes).toEqual([]);
  return result.ok ? null : result.error;
}

const baseCase = { orderNumber: 'SO-1', product: 'Kettle', reason: 'defective' };

describe('text that cannot hide or lie', () => {
  const HIDDEN = [
    ['\u200B\u200B', /empty: it has only spaces or invisible characters/],
    ['\u2060', /empty: it has only spaces or invisible characters/],
    ['Ana\u0000Lima', /hidden control character/],
    ['\u001b[2JAna', /hidden control character/],
    ['Ana\rLima', /hidden control character/],
    ['Ana \u202Eamil.exe', /reverses the text/],
    ['Ana\nLima', /must be on one line/],
  ] as const;

  it.each(HIDDEN)('refuses %j in every single-line field, beside the field', async (value, message) => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    const ana = await addCustomer(core);
    const attempts: [string, unknown, string][] = [
      ['customers.create', { name: value, phone: '555 0100' }, 'name'],
      ['customers.update', { id: ana.id, name: value }, 'name'],
      ['agents.create', { name: value }, 'name'],
      ['agents.update', { id: dana!.id, name: value }, 'name'],
      ['agents.update', { id: dana!.id, title: value }, 'title'],
      ['cases.create', { ...baseCase, customerId: ana.id, orderNumber: value }, 'orderNumber'],
      ['cases.create', { ...baseCase, customerId: ana.id, product: value }, 'product'],
      ['cases.create', { ...baseCase, customer: { name: value, phone: '555 0100' } }, 'customer.name'],
      ['cases.cancel', { id: 1, reason: value }, 'reason'],
    ];
    for (const [channel, input, field] of attempts) {
      const error = await refusedUnchanged(channel, input);
      expect(error, channel).toMatchObject({
        code: 'VALIDATION',
        fields: { [field]: expect.stringMatching(message) },
      });
    }
  });

  it('allows a line feed only in the description and the note', async () => {
    core = await openTempCore();
    await addAgents(core, 'Dana');
    const ana = await addCustomer(core);
    const logged = await core.ok('cases.create', {
      ...baseCase,
      customerId: ana.id,
      description: 'Lid\ncracked',
    });
    expect(logged.description).toBe('Lid\ncracked');
    const resolved = await core.ok('cases.resolve', {
      id: logged.id,
      agentId: logged.agentId,
      outcome: 'refund',
      note: 'Paid back\nin cash',
    });
    expect(resolved.resolved.note).toBe('Paid back\nin cash');
    const error = await refusedUnchanged('cases.create', {
      ...baseCase,
      customerId: ana.id,
      description: 'Lid \u202Ecracked',
    });
    expect(error).toMatchObject({ fields: { description: expect.stringMatching(/reverses the text/) } });
  });

  it('stores names in NFC: what was typed decomposed reads back composed', async () => {
    core = await openTempCore();
    const made = await core.ok('customers.create', { name: ' E\u0301lodie ', email: 'e@example.fr' });
    expect(made.name).toBe('\u00c9lodie');
  });
});

describe('dates are real dates', () => {
  const tz = process.env.TZ;
  afterEach(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });

  it.each([
    ['2026-02-30', 'Enter a real date as YYYY-MM-DD'],
    ['2025-02-29', 'Enter a real date as YYYY-MM-DD'],
    ['2026-04-31', 'Enter a real date as YYYY-MM-DD'],
    ['1999-12-31', 'The purchase date cannot be before 2000'],
    ['2026-03-03', 'The purchase date cannot be in the future'],
  ])('refuses purchase date %s', async (purchaseDate, message) => {
    core = await openTempCore({ clock: new TestClock(Date.parse('2026-03-02T12:00:00Z')) });
    process.env.TZ = 'UTC';
    const ana = await addCustomer(core);
    const error = await refusedUnchanged('cases.create', { ...baseCase, customerId: ana.id, purchaseDate });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { purchaseDate: message } });
  });

  it('accepts a leap day and today, in the workstation’s own time zone', async () => {
    // 05:00 UTC on 2 March is still 1 March in Pago Pago (UTC-11), and already 2 March at UTC.
    core = await openTempCore({ clock: new TestClock(Date.parse('2026-03-02T05:00:00Z')) });
    const ana = await addCustomer(core);
    process.env.TZ = 'Pacific/Pago_Pago';
    const log = (purchaseDate: string) =>
      core.dispatch('cases.create', { ...baseCase, customerId: ana.id, purchaseDate });
    expect(await log('2024-02-29')).toMatchObject({ ok: true, data: { purchaseDate: '2024-02-29' } });
    expect(await log('2026-03-01')).toMatchObject({ ok: true });
    const error = await refusedUnchanged('cases.create', {
      ...baseCase,
      customerId: ana.id,
      purchaseDate: '2026-03-02',
    });
    expect(error).toMatchObject({ fields: { purchaseDate: 'The purchase date cannot be in the future' } });
    // At 12:00 UTC it is already 02:00 on 3 March on Kiritimati (UTC+14): there, 3 March is today.
    core.clock.advance(7 * 3600_000);
    process.env.TZ = 'Pacific/Kiritimati';
    expect(await log('2026-03-03')).toMatchObject({ ok: true });
  });
});

describe('a case and its new customer: one call, one transaction', () => {
  it('saves both, and tells every view once', async () => {
    core = await openTempCore();
    await addAgents(core, 'Dana');
    const changes: ChangeEvent[] = [];
    core.onChange((event) => changes.push(event));
    const logged = await core.ok('cases.create', {
      ...baseCase,
      customer: { name: 'Cleo Park', email: 'cleo@example.com' },
    });
    expect(logged).toMatchObject({ customerName: 'Cleo Park', status: 'assigned' });
    expect(await core.ok('customers.get', { id: logged.customerId })).toMatchObject({
      name: 'Cleo Park',
      email: 'cleo@example.com',
    });
    expect(changes).toHaveLength(1);
    expect(changes[0]!.ids).toMatchObject({ customers: [logged.customerId], cases: [logged.id] });
  });

  it.each([
    ['a missing order number', { orderNumber: '' }, 'orderNumber'],
    ['a purchase date in the future', { purchaseDate: '2999-01-01' }, 'purchaseDate'],
    ['a product of invisible characters', { product: '\u2060' }, 'product'],
    ['a new customer with no way to reach them', { customer: { name: 'Cleo Park' } }, 'customer.email'],
    ['both a customer and a new one', { customerId: 1 }, 'customerId'],
    ['neither', { customer: undefined }, 'customerId'],
  ])('refused for %s: neither the case nor the customer is saved', async (_what, patch, field) => {
    core = await openTempCore();
    await addCustomer(core);
    const error = await refusedUnchanged('cases.create', {
      ...baseCase,
      customer: { name: 'Cleo Park', email: 'cleo@example.com' },
      ...patch,
    });
    expect(error).toMatchObject({ code: 'VALIDATION', fields: { [field]: expect.any(String) } });
  });

  it('refused when the new customer’s email is taken, said beside that field', async () => {
    core = await openTempCore();
    const ana = await addCustomer(core);
    const error = await refusedUnchanged('cases.create', {
      ...baseCase,
      customer: { name: 'Ana Again', email: ana.email },
    });
    expect(error).toMatchObject({
      code: 'CONFLICT',
      fields: { 'customer.email': `Already used by ${ana.name}` },
    });
  });
});

describe('agents do not share a name', () => {
  it('refuses the same name whatever its case, spacing or Unicode form, on create and on rename', async () => {
    core = await openTempCore();
    const [ana, sam] = await addAgents(core, 'Ana Lima', 'Sam');
    await addAgents(core, '\u00c9lodie');
    for (const name of ['ana lima', 'ANA  LIMA', ' Ana Lima ', 'E\u0301LODIE']) {
      const error = await refusedUnchanged('agents.create', { name });
      expect(error).toMatchObject({
        code: 'CONFLICT',
        fields: { name: expect.stringMatching(/already works here/) },
      });
      expect(await refusedUnchanged('agents.update', { id: sam!.id, name })).toMatchObject({
        code: 'CONFLICT',
      });
    }
    // Renaming oneself to another spelling of one's own name is fine.
    expect(await core.ok('agents.update', { id: ana!.id, name: 'ANA LIMA' })).toMatchObject({
      name: 'ANA LIMA',
    });
    // A removed agent's name is free again.
    await core.ok('agents.remove', { id: ana!.id });
    expect(await core.ok('agents.create', { name: 'Ana Lima', pin: '1234' })).toMatchObject({
      name: 'Ana Lima',
    });
  });
});

describe('stored text re-reads byte-identical to what the validator returned', () => {
  const FIELDS = ['customer.name', 'orderNumber', 'product', 'description'] as const;

  it('for names, order numbers, products and descriptions made of any Unicode', async () => {
    core = await openTempCore();
    const schema = contract['cases.create'].input;
    let stored = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...FIELDS),
        fc.oneof(nastyUnicode, acceptableUnicode),
        async (field, text) => {
          const input = {
            ...baseCase,
            customer: { name: field === 'customer.name' ? text : 'Ana', phone: '555 0100' },
            ...(field !== 'customer.name' && { [field]: text }),
          };
          const parsed = schema.safeParse(input);
          if (!parsed.success) {
            refused++;
            await refusedUnchanged('cases.create', input);
            return;
          }
          const result = await core.dispatch('cases.create', input);
          if (!result.ok) throw new Error(`valid input refused: ${JSON.stringify(result.error)}`);
          stored++;
          const row =
            (
              await core.query<Record<string, string>>(
                `SELECT c.order_number, c.product, c.description, u.name
                 FROM cases c JOIN customers u ON u.id = c.customer_id WHERE c.id = ${result.data.id}`,
              )
            )[0] ?? {};
          const hex = (s: string) => Buffer.from(s, 'utf8').toString('hex');
          const expected = {
            name: parsed.data.customer!.name,
            order_number: parsed.data.orderNumber,
            product: parsed.data.product,
            description: parsed.data.description ?? '',
          };
          for (const [column, value] of Object.entries(expected)) {
            expect(hex(row[column]!), column).toBe(hex(value));
          }
          // What the page is told is that same text.
          const back = await core.ok('cases.get', { id: result.data.id });
          expect([back.customer.name, back.orderNumber, back.product, back.description]).toEqual([
            expected.name,
            expected.order_number,
            expected.product,
            expected.description,
          ]);
        },
      ),
      { numRuns: 300 },
    );
    expect(stored).toBeGreaterThan(30);
    expect(refused).toBeGreaterThan(30);
  });
});
