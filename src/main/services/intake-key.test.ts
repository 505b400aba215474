// Exactly once (issue 16): `cases.create` with an idempotency key. A call whose answer was lost
// (the connection dropped at COMMIT, the window never heard back) is sent again with the same
// key, and the desk answers the case it logged instead of logging a second one. Runs on SQLite
// and, listed in CORE_SUITES, on PostgreSQL: it reads rows only through `query()`.
import { afterEach, describe, expect, it } from 'vitest';
import type { ChannelInput } from '../../shared/contract';
import type { ChangeEvent } from '../../shared/events';
import { openCore } from '../core';
import { createMemoryLogger } from '../log/memory-logger';
import { asSupervisor } from '../test/as-supervisor';
import { addAgents, addCustomer } from '../test/fixtures';
import { openTempCore, TEST_PASSCODE, testDriver, type TempCore } from '../test/temp-core';

const cores: TempCore[] = [];
const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
  for (const core of cores.splice(0)) await core.dispose();
});

async function desk(): Promise<TempCore> {
  const core = await openTempCore();
  cores.push(core);
  return core;
}

const KEY = '0b7c6a4e-3f1d-4c2a-9e8b-5d6f7a8b9c0d';
const OTHER_KEY = '5e2f9d1c-7a3b-4e6f-8c0d-1a2b3c4d5e6f';

const kettle = (customerId: number, extra: Partial<ChannelInput<'cases.create'>> = {}) => ({
  customerId,
  orderNumber: 'SO-1001',
  product: 'Kettle 1.7 l',
  reason: 'defective',
  description: 'Stops heating',
  intakeKey: KEY,
  ...extra,
});

interface Counts {
  cases: number;
  events: number;
  customers: number;
  keys: number;
  agentEvents: number;
}

async function counts(core: TempCore): Promise<Counts> {
  const [row] = await core.query<Counts>(
    `SELECT (SELECT count(*) FROM cases) AS cases,
            (SELECT count(*) FROM case_events) AS events,
            (SELECT count(*) FROM customers) AS customers,
            (SELECT count(*) FROM intake_keys) AS keys,
            (SELECT count(*) FROM agent_events) AS "agentEvents"`,
  );
  return row!;
}

/** Every change event and assignment notice the core announces from now on. */
function watch(core: TempCore) {
  const changes: ChangeEvent[] = [];
  const assigned: string[] = [];
  core.onChange((event) => changes.push(event));
  core.onAssigned((notice) => assigned.push(notice.reference));
  return { changes, assigned };
}

describe('cases.create with an intake key', () => {
  it('the same key twice logs one case and answers it twice, the same way', async () => {
    const core = await desk();
    const [bea] = await addAgents(core, 'Bea Ruiz');
    const ana = await addCustomer(core);
    const seen = watch(core);

    core.clock.advance();
    const first = await core.ok('cases.create', kettle(ana.id));
    expect(first).toMatchObject({ status: 'assigned', agentId: bea!.id });
    const after = await counts(core);
    core.clock.advance();
    const again = await core.ok('cases.create', kettle(ana.id));

    expect(again).toEqual(first);
    expect(await counts(core)).toEqual(after);
    expect(after).toMatchObject({ cases: 1, keys: 1 });
    // One commit announced, one assignment notice: the retry wrote nothing at all.
    expect(seen.changes).toHaveLength(1);
    expect(seen.assigned).toEqual([first.reference]);
  });

  it('answers the first answer even after the case has moved on', async () => {
    const core = await desk();
    const [bea] = await addAgents(core, 'Bea Ruiz');
    const ana = await addCustomer(core);
    const first = await core.ok('cases.create', kettle(ana.id));
    await core.ok('cases.resolve', { id: first.id, agentId: bea!.id, outcome: 'refund' });
    const after = await counts(core);

    core.clock.advance();
    expect(await core.ok('cases.create', kettle(ana.id))).toEqual(first);
    expect(await counts(core)).toEqual(after);
    expect((await core.ok('cases.get', { id: first.id })).status).toBe('resolved');
  });

  it('the same key with other details is refused, and nothing is written', async () => {
    const core = await desk();
    const ana = await addCustomer(core);
    const first = await core.ok('cases.create', kettle(ana.id));
    const after = await counts(core);
    const seen = watch(core);

    const refused = await core.dispatch('cases.create', kettle(ana.id, { product: 'Toaster' }));
    expect(refused).toEqual({
      ok: false,
      error: {
        code: 'CONFLICT',
        message: `This form was already logged as ${first.reference} with other details. Check that case, or clear the form to log a new one.`,
      },
    });
    // A new customer inline under a used key: refused before the customer is saved.
    const inline = await core.dispatch('cases.create', {
      ...kettle(ana.id),
      customerId: undefined,
      customer: { name: 'Bo Chen', email: 'bo@example.com' },
    });
    expect(inline).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await counts(core)).toEqual(after);
    expect(seen.changes).toEqual([]);
  });

  it('different keys log different cases, even with the same details', async () => {
    const core = await desk();
    const ana = await addCustomer(core);
    const one = await core.ok('cases.create', kettle(ana.id));
    const two = await core.ok('cases.create', kettle(ana.id, { intakeKey: OTHER_KEY }));
    const three = await core.ok('cases.create', kettle(ana.id, { intakeKey: undefined }));
    expect(new Set([one.id, two.id, three.id]).size).toBe(3);
    expect(await counts(core)).toMatchObject({ cases: 3, keys: 2 });
  });

  it('compares details as the desk reads them: spaces, blanks and defaults do not count', async () => {
    const core = await desk();
    const ana = await addCustomer(core);
    const first = await core.ok('cases.create', kettle(ana.id, { description: undefined }));
    const again = await core.ok(
      'cases.create',
      kettle(ana.id, {
        orderNumber: '  SO-1001 ',
        description: '   ',
        priority: 'normal',
        purchaseDate: '',
        intakeKey: KEY.toUpperCase(),
      }),
    );
    expect(again).toEqual(first);
    expect(await counts(core)).toMatchObject({ cases: 1, keys: 1 });
  });

  it('a retry that brings a new customer inline answers the case, not "that email is taken"', async () => {
    const core = await desk();
    const input = {
      ...kettle(0),
      customerId: undefined,
      customer: { name: 'Bo Chen', email: 'bo@example.com', phone: '' },
    };
    const first = await core.ok('cases.create', input);
    expect(await core.ok('cases.create', input)).toEqual(first);
    expect(await counts(core)).toMatchObject({ cases: 1, customers: 1, keys: 1 });
  });

  it('a refused call records no key: the corrected retry with the same key is logged', async () => {
    const core = await desk();
    const ana = await addCustomer(core);
    const refused = await core.dispatch('cases.create', kettle(ana.id, { purchaseDate: '2999-01-01' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await counts(core)).toMatchObject({ cases: 0, keys: 0 });

    const logged = await core.ok('cases.create', kettle(ana.id, { purchaseDate: '2026-01-15' }));
    expect(logged).toMatchObject({ purchaseDate: '2026-01-15' });
    expect(await counts(core)).toMatchObject({ cases: 1, keys: 1 });
  });

  it('two calls with one key in flight at once (a double click) log one case', async () => {
    const core = await desk();
    await addAgents(core, 'Bea Ruiz');
    const ana = await addCustomer(core);
    const seen = watch(core);
    const [one, two] = await Promise.all([
      core.ok('cases.create', kettle(ana.id)),
      core.ok('cases.create', kettle(ana.id)),
    ]);
    expect(two).toEqual(one);
    expect(await counts(core)).toMatchObject({ cases: 1, keys: 1 });
    expect(seen.changes).toHaveLength(1);
    expect(seen.assigned).toHaveLength(1);
  });

  it('an unreadable key is refused as the form key', async () => {
    const core = await desk();
    const ana = await addCustomer(core);
    const refused = await core.dispatch('cases.create', kettle(ana.id, { intakeKey: 'not-a-uuid' }));
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { intakeKey: 'Form key must be a UUID' } },
    });
  });

  it('a key survives closing and reopening the desk', async () => {
    const core = await desk();
    const ana = await addCustomer(core);
    const first = await core.ok('cases.create', kettle(ana.id));
    await core.close();

    let dispatch: TempCore['dispatch'];
    if (testDriver() === 'postgres') {
      // Another core on the same database: as the desk reopened, or another counter.
      const again = await asSupervisor(
        await openCore({ databaseUrl: core.databaseUrl!, now: core.clock.now, logger: createMemoryLogger() }),
        TEST_PASSCODE,
      );
      closers.push(() => again.close());
      dispatch = again.dispatch;
    } else {
      cores.pop(); // its folder now belongs to the reopened core, which removes it
      const again = await openTempCore({ dir: core.dir, clock: core.clock });
      cores.push(again);
      dispatch = again.dispatch;
    }
    const retried = await dispatch('cases.create', kettle(ana.id));
    expect(retried).toEqual({ ok: true, data: first });
    const refused = await dispatch('cases.create', kettle(ana.id, { product: 'Toaster' }));
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const reader = cores.at(-1) ?? core;
    expect(await counts(reader)).toMatchObject({ cases: 1, keys: 1 });
  });
});
