import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNEL_NAMES, LIMITS, type ChannelName } from '../../shared/contract';
import type { AgentDto, CaseDto, CustomerDto } from '../../shared/domain';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, type TempCore } from '../test/temp-core';

let core: TempCore;
let dana: AgentDto;
let eli: AgentDto;
let customer: CustomerDto;
let assigned: CaseDto;
let queued: CaseDto;
let resolved: CaseDto;
let cancelled: CaseDto;

// A desk in a known state: Dana holds `assigned`, Eli is off duty, one case waits,
// one is resolved, one cancelled.
beforeAll(async () => {
  core = await openTempCore();
  [dana, eli] = (await addAgents(core, 'Dana Reyes', 'Eli Moss')) as [AgentDto, AgentDto];
  customer = await addCustomer(core, 'Ana Lima');
  resolved = await logCase(core, customer.id);
  cancelled = await logCase(core, customer.id);
  await core.ok('cases.resolve', { id: resolved.id, agentId: resolved.agentId!, outcome: 'refund' });
  await core.ok('cases.cancel', { id: cancelled.id, reason: 'Duplicate' });
  await core.ok('agents.setOnDuty', { id: eli.id, onDuty: false });
  assigned = await logCase(core, customer.id);
  queued = await logCase(core, customer.id);
  expect([assigned.status, assigned.agentId, queued.status]).toEqual(['assigned', dana.id, 'queued']);
});
afterAll(async () => core.dispose());

/** Dispatches and checks the refusal: its code, and that not one row changed. */
async function expectRefused(channel: ChannelName, input: unknown, code: string) {
  const before = await core.snapshot();
  const result = await core.dispatch(channel, input);
  expect(result, `${channel} ${JSON.stringify(input)?.slice(0, 200)}`).toMatchObject({
    ok: false,
    error: { code },
  });
  expect(await core.snapshot()).toBe(before);
  return result.ok ? undefined : result.error;
}

describe('refused transitions change nothing', () => {
  const refusals: [string, () => [ChannelName, unknown]][] = [
    [
      'resolving a queued case',
      () => ['cases.resolve', { id: queued.id, agentId: dana.id, outcome: 'refund' }],
    ],
    [
      'resolving a resolved case',
      () => ['cases.resolve', { id: resolved.id, agentId: dana.id, outcome: 'refund' }],
    ],
    [
      'resolving a cancelled case',
      () => ['cases.resolve', { id: cancelled.id, agentId: dana.id, outcome: 'refund' }],
    ],
    [
      'resolving as another agent',
      () => ['cases.resolve', { id: assigned.id, agentId: eli.id, outcome: 'refund' }],
    ],
    ['cancelling a resolved case', () => ['cases.cancel', { id: resolved.id, reason: 'x' }]],
    ['cancelling a cancelled case', () => ['cases.cancel', { id: cancelled.id, reason: 'x' }]],
    ['requeueing a queued case', () => ['cases.requeue', { id: queued.id }]],
    ['requeueing a resolved case', () => ['cases.requeue', { id: resolved.id }]],
    ['reassigning a queued case', () => ['cases.reassign', { id: queued.id, agentId: dana.id }]],
    ['reassigning to an off-duty agent', () => ['cases.reassign', { id: assigned.id, agentId: eli.id }]],
    ['reassigning to the same agent', () => ['cases.reassign', { id: assigned.id, agentId: dana.id }]],
    [
      'a second customer with the same email',
      () => ['customers.create', { name: 'X', email: customer.email }],
    ],
  ];
  it.each(refusals)('%s → CONFLICT', async (_name, make) => {
    const [channel, input] = make();
    const error = await expectRefused(channel, input, 'CONFLICT');
    expect(error?.message.length).toBeGreaterThan(5);
  });

  it('refuses to reassign to a busy agent, or to act on a removed one', async () => {
    const [fay] = await addAgents(core, 'Fay');
    expect((await core.ok('agents.get', { id: fay!.id })).currentCaseId).toBe(queued.id);
    await expectRefused('cases.reassign', { id: assigned.id, agentId: fay!.id }, 'CONFLICT');
    const [gus] = await addAgents(core, 'Gus');
    await core.ok('agents.remove', { id: gus!.id });
    await expectRefused('agents.remove', { id: gus!.id }, 'CONFLICT');
    await expectRefused('agents.update', { id: gus!.id, name: 'Gus B' }, 'CONFLICT');
    await expectRefused('agents.setOnDuty', { id: gus!.id, onDuty: true }, 'CONFLICT');
    await expectRefused('cases.reassign', { id: assigned.id, agentId: gus!.id }, 'CONFLICT');
  });

  it.each([
    ['cases.get', { id: 9999 }],
    ['cases.resolve', { id: 9999, agentId: 1, outcome: 'refund' }],
    ['cases.cancel', { id: 9999, reason: 'x' }],
    ['cases.requeue', { id: 9999 }],
    ['cases.reassign', { id: 9999, agentId: 1 }],
    ['agents.get', { id: 9999 }],
    ['agents.remove', { id: 9999 }],
    ['agents.update', { id: 9999, name: 'x' }],
    ['agents.setOnDuty', { id: 9999, onDuty: true }],
    ['customers.get', { id: 9999 }],
    ['customers.update', { id: 9999, name: 'x' }],
    ['cases.create', { customerId: 9999, orderNumber: 'A', product: 'B', reason: 'other' }],
  ] as [ChannelName, unknown][])(
    '%s of something that does not exist → NOT_FOUND',
    async (channel, input) => {
      await expectRefused(channel, input, 'NOT_FOUND');
    },
  );
});

describe('bad payloads are VALIDATION and change nothing', () => {
  const long = (n: number) => 'x'.repeat(n + 1);
  const db = {
    host: 'db.store.lan',
    port: 5432,
    database: 'desk',
    user: 'desk_app',
    password: 'pw',
    tls: 'off',
  };
  const sharedDatabasePayloads = [
    {},
    { ...db, host: '' },
    { ...db, host: 'db.store.lan/evil' },
    { ...db, host: 'db store' },
    { ...db, port: 0 },
    { ...db, port: 65_536 },
    { ...db, port: '5432' },
    { ...db, port: 54.32 },
    { ...db, database: '' },
    { ...db, database: long(63) },
    { ...db, user: '   ' },
    { ...db, password: 42 },
    { ...db, password: long(200) },
    { ...db, tls: 'maybe' },
    { ...db, url: 'postgres://x' },
  ];
  const badPayloads: Record<ChannelName, unknown[]> = {
    'agents.list': [{ includeRemoved: 'yes' }, { extra: 1 }, [], 'agents'],
    'agents.get': [undefined, {}, { id: -1 }, { id: 0 }, { id: 1.5 }, { id: '1' }, { id: 1, extra: true }],
    'agents.create': [
      {},
      { name: '' },
      { name: '   ' },
      { name: long(LIMITS.name) },
      { name: 42 },
      { name: 'Dana', title: long(LIMITS.title) },
      { name: 'Dana', isAdmin: true },
      { name: 'Dana', pin: '12' },
      { name: 'Dana', pin: 1234 },
      null,
    ],
    'agents.update': [
      { name: 'x' },
      { id: -3, name: 'x' },
      { id: 1, name: '' },
      { id: 1, color: 'red' },
      { id: 1, skills: 'electronics' },
      { id: 1, skills: [0] },
      { id: 1, skills: ['1'] },
      { id: 1, skills: Array.from({ length: LIMITS.skills + 1 }, (_, i) => i + 1) },
    ],
    'agents.setOnDuty': [{ id: 1 }, { id: 1, onDuty: 'true' }, { id: 1, onDuty: 1 }, { onDuty: true }],
    'agents.remove': [{}, { id: -1 }, { id: Number.NaN }, { id: Infinity }, [1]],
    'categories.list': [{ x: 1 }, 'all'],
    'categories.create': [
      {},
      { name: '' },
      { name: '  ' },
      { name: long(LIMITS.category) },
      { name: 'Elec\u0007tronics' },
      { name: 'Elec\ntronics' },
      { name: 'Apparel\u202E' },
      { name: 42 },
      { name: 'Apparel', extra: 1 },
    ],
    'categories.rename': [
      { name: 'x' },
      { id: 1 },
      { id: 1, name: '' },
      { id: 1, name: long(LIMITS.category) },
    ],
    'categories.remove': [{}, { id: 0 }, { id: '1' }],
    'agents.setPin': [
      { id: 1, pin: '12' },
      { id: 1, pin: '123456789' },
      { id: 1, pin: 'abcd' },
      { id: 1, pin: 1234 },
    ],
    'auth.status': [{ x: 1 }, 'status'],
    'auth.setup': [{}, { passcode: '12345' }, { passcode: 'x'.repeat(200) }, { passcode: 123456 }],
    'auth.unlock': [{}, { passcode: '' }, { passcode: 'secret', remember: true }],
    'auth.lock': [{ all: true }, 1],
    'auth.signIn': [{ agentId: 1 }, { pin: '1234' }, { agentId: 'dana', pin: '1234' }],
    'auth.signOut': [{ everywhere: true }, []],
    'auth.touch': [{ at: 1 }, 'now'],
    'auth.changePasscode': [{ current: 'x' }, { current: 'abcdef', passcode: 'short' }],
    'auth.setAgentSignOut': [
      { idleMinutes: 0 },
      { idleMinutes: 61 },
      { idleMinutes: 2.5 },
      { idleMinutes: '2' },
      { afterResolve: 'yes' },
      { idleMinutes: 2, everyone: true },
    ],
    'log.pageError': [
      {},
      { kind: 'error' },
      { kind: 'crash', message: 'x' },
      { kind: 'error', message: 5 },
      { kind: 'error', message: long(LIMITS.logMessage) },
      { kind: 'error', message: 'x', stack: long(LIMITS.logStack) },
      { kind: 'error', message: 'x', source: long(LIMITS.logSource) },
      { kind: 'error', message: 'x', level: 'info' },
    ],
    'customers.search': [{}, { query: 7 }, { query: long(LIMITS.search) }, { query: 'a', limit: 0 }],
    'customers.get': [{ id: 'abc' }, { id: null }],
    'customers.create': [
      { name: 'No Contact' },
      { name: 'Bad Mail', email: 'not-an-email' },
      { name: 'Bad Phone', phone: 'call me' },
      { name: '', email: 'a@b.co' },
      { name: 'X', email: `${long(LIMITS.email)}@example.com` },
      { name: 'X', email: 'a@b.co', vip: true },
    ],
    'customers.update': [{ name: 'x' }, { id: 1, email: 'nope' }, { id: 1, name: long(LIMITS.name) }],
    'cases.create': [
      {},
      { customerId: 1, orderNumber: '', product: 'P', reason: 'other' },
      { customerId: 1, orderNumber: long(LIMITS.orderNumber), product: 'P', reason: 'other' },
      { customerId: 1, orderNumber: 'A', product: 'P', reason: 'bored' },
      { customerId: 1, orderNumber: 'A', product: 'P', reason: 'other', priority: 'asap' },
      { customerId: 1, orderNumber: 'A', product: 'P', reason: 'other', purchaseDate: '12/01/2026' },
      { customerId: 1, orderNumber: 'A', product: 'P', reason: 'other', status: 'resolved' },
      { customerId: -1, orderNumber: 'A', product: 'P', reason: 'other' },
      { customerId: 1, orderNumber: 'A', product: long(LIMITS.product), reason: 'other' },
      { customerId: 1, orderNumber: 'A', product: 'P', reason: 'other', categoryId: 'electronics' },
      { customerId: 1, orderNumber: 'A', product: 'P', reason: 'other', categoryId: 0 },
      {
        customerId: 1,
        orderNumber: 'A',
        product: 'P',
        reason: 'other',
        description: long(LIMITS.description),
      },
    ],
    'cases.get': [{ id: 0 }, {}],
    'cases.list': [
      { status: 'lost' },
      { limit: 0 },
      { limit: LIMITS.pageSize + 1 },
      { offset: -1 },
      { sort: 'random' },
    ],
    'cases.active': [{ all: true }, 5],
    'cases.resolve': [
      { id: 1, agentId: 1 },
      { id: 1, agentId: 1, outcome: 'shrug' },
      { id: 1, agentId: -1, outcome: 'refund' },
      { id: 1, agentId: 1, outcome: 'refund', note: long(LIMITS.note) },
    ],
    'cases.cancel': [{ id: 1 }, { id: 1, reason: '' }, { id: 1, reason: long(LIMITS.cancelReason) }],
    'cases.reassign': [{ id: 1 }, { id: 1, agentId: 'dana' }],
    'cases.requeue': [{ id: -1 }, { id: 1, force: true }],
    'cases.edit': [
      { id: 1, orderNumber: '' },
      { id: 1, product: long(LIMITS.product) },
      { id: 1, reason: 'bored' },
      { id: 1, purchaseDate: '2026-02-30' },
      { id: 1, customerId: 2 },
      { id: 1, status: 'resolved' },
    ],
    'cases.setPriority': [{ id: 1 }, { id: 1, priority: 'asap' }, { id: 1, priority: 2 }],
    'cases.reopen': [{ id: 1 }, { id: 1, reason: '   ' }, { id: 1, reason: long(LIMITS.cancelReason) }],
    'cases.exportCsv': [{ status: 'lost' }, { limit: 10 }, { agentId: 'x' }, 'all'],
    'reports.exportCsv': [
      { from: '2026-13-01' },
      { from: '2026-03-02', to: '2026-03-01' },
      { format: 'xlsx' },
    ],
    'settings.language': [{ language: 'es' }, 'es'],
    'settings.setLanguage': [
      {},
      { language: 'fr' },
      { language: 'ES' },
      { language: 1 },
      { language: 'es', x: 1 },
    ],
    'reports.setServiceLevel': [
      {},
      { thresholdMinutes: 0 },
      { thresholdMinutes: 121 },
      { thresholdMinutes: 2.5 },
      { thresholdMinutes: '5' },
      { thresholdMs: 300_000 },
      { thresholdMinutes: 5, extra: true },
    ],
    'reports.dashboard': [
      { from: '2026-02-30' },
      { from: '2026-3-1' },
      { to: 20260301 },
      { from: '2026-03-02', to: '2026-03-01' },
      { from: '2025-01-01', to: '2026-03-01' },
      { from: '2026-03-01', extra: 1 },
      'today',
    ],
    'backup.now': [{ force: true }, 'now', [], 5],
    'backup.list': [{ all: true }, null],
    'slips.get': [{}, { id: 0 }, { id: 'RMA-000001' }],
    'slips.print': [{}, { id: -2 }, { id: 1, copies: 2 }],
    'slips.savePdf': [{}, { id: 1.5 }, { id: 1, path: '/tmp/x.pdf' }],
    'counter.settings': [{ storeName: 'x' }, 'settings'],
    'counter.setSettings': [
      { storeName: '' },
      { storeName: '   ' },
      { storeName: 'x'.repeat(61) },
      { storeName: 'Line\nbreak' },
      { printDirect: 'yes' },
      { storeName: 'Shop', colour: 'red' },
    ],
    'display.board': [{ all: true }, 7],
    'demo.info': [{ reveal: true }, 'demo'],
    'demo.open': [{ path: '/tmp/other.sqlite' }, []],
    'database.status': [{ password: true }, 'status'],
    'database.test': sharedDatabasePayloads,
    'database.use': sharedDatabasePayloads,
    'database.useLocal': [{ host: 'db' }, 1],
    'database.move': sharedDatabasePayloads,
    'backup.restore': [
      {},
      { name: '../desk.sqlite' },
      { name: '/etc/passwd' },
      { name: 42 },
      { name: 'a.sqlite', x: 1 },
      { name: 'desk-2026-03-02T09-00-00-000Z.sqlite' },
      { name: 'desk-2026-03-02T09-00-00-000Z.sqlite', passcode: '' },
    ],
  };

  it.each(CHANNEL_NAMES)('%s', async (channel) => {
    expect(badPayloads[channel].length).toBeGreaterThan(1);
    for (const payload of badPayloads[channel]) {
      await expectRefused(channel, payload, 'VALIDATION');
    }
  });

  it('names the field at fault, in words a person can act on', async () => {
    const error = await expectRefused(
      'cases.create',
      { customerId: customer.id, orderNumber: long(LIMITS.orderNumber), product: ' ', reason: 'other', x: 1 },
      'VALIDATION',
    );
    expect(error?.fields).toEqual({
      orderNumber: `Order number must be at most ${LIMITS.orderNumber} characters`,
      product: 'Product is required',
      x: 'Unknown field',
    });
    const email = await expectRefused('customers.create', { name: 'Bo', email: 'bo@' }, 'VALIDATION');
    expect(email?.fields).toEqual({ email: 'Enter a valid email address' });
  });

  it('refuses shapes that make the validator itself throw', async () => {
    await expectRefused(
      'customers.create',
      { name: 'X', email: { length: Object.create(null) } },
      'VALIDATION',
    );
  });

  it('refuses an unknown channel', async () => {
    await expectRefused('cases.delete' as ChannelName, { id: 1 }, 'VALIDATION');
    await expectRefused('__proto__' as ChannelName, {}, 'VALIDATION');
  });

  it('refuses a purchase date in the future', async () => {
    const error = await expectRefused(
      'cases.create',
      {
        customerId: customer.id,
        orderNumber: 'A',
        product: 'P',
        reason: 'other',
        purchaseDate: '2999-01-01',
      },
      'VALIDATION',
    );
    expect(error?.fields).toEqual({ purchaseDate: 'The purchase date cannot be in the future' });
  });
});
