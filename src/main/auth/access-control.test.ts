import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import {
  CHANNEL_ACCESS,
  channelRoles,
  LOCKOUT_MS,
  MAX_WRONG_TRIES,
  ROLES,
  SUPERVISOR_IDLE_MS,
  type Role,
} from '../../shared/access';
import { CHANNEL_NAMES, type ChannelName } from '../../shared/contract';
import type { AgentDto, CaseDto } from '../../shared/domain';
import { openCore, type Session } from '../core';
import { createMemoryLogger } from '../log/memory-logger';
import { addAgents, addCustomer, logCase } from '../test/fixtures';
import { openTempCore, TEST_PASSCODE, type TempCore } from '../test/temp-core';
import { Session as SessionClass } from './session';
import { hashSecret, verifySecret } from './secrets';

let core: TempCore;
let disposed: TempCore | undefined;
afterEach(async () => {
  if (core !== disposed) await core.dispose();
  disposed = core;
});

interface Desk {
  dana: AgentDto;
  eli: AgentDto;
  danasCase: CaseDto;
  elisCase: CaseDto;
  customerId: number;
}

/** Dana and Eli each hold a case; both have PINs. */
async function busyDesk(): Promise<Desk> {
  const [dana, eli] = (await addAgents(core, 'Dana', 'Eli')) as [AgentDto, AgentDto];
  await core.ok('agents.setPin', { id: dana.id, pin: '1111' });
  await core.ok('agents.setPin', { id: eli.id, pin: '2222' });
  const customer = await addCustomer(core);
  const danasCase = await logCase(core, customer.id);
  const elisCase = await logCase(core, customer.id);
  return { dana, eli, danasCase, elisCase, customerId: customer.id };
}

async function sessionAs(role: Role | 'none', desk: Desk): Promise<Session | undefined> {
  if (role === 'none') return undefined;
  const session = core.openSession(role === 'display' ? 'display' : 'desk');
  if (role === 'agent')
    await core.dispatch('auth.signIn', { agentId: desk.dana.id, pin: '1111' }, { session });
  if (role === 'supervisor') await core.dispatch('auth.unlock', { passcode: TEST_PASSCODE }, { session });
  return session;
}

/** A shared database as Admin → Database sends it. */
const SHARED = {
  host: 'db.store.lan',
  port: 5432,
  database: 'desk',
  user: 'desk_app',
  password: 'x',
  tls: 'verified',
};

/** A well-formed input for each channel, acting as Dana where it names an agent. */
const validInput: Record<ChannelName, (d: Desk) => unknown> = {
  'agents.list': () => undefined,
  'agents.get': (d) => ({ id: d.dana.id }),
  'agents.create': () => ({ name: 'New Agent', pin: '1234' }),
  'agents.update': (d) => ({ id: d.dana.id, title: 'Lead' }),
  'agents.setOnDuty': (d) => ({ id: d.dana.id, onDuty: false }),
  'agents.remove': (d) => ({ id: d.eli.id }),
  'agents.setPin': (d) => ({ id: d.eli.id, pin: '9999' }),
  'categories.list': () => undefined,
  'categories.create': () => ({ name: 'Electronics' }),
  'categories.rename': () => ({ id: 1, name: 'Audio' }),
  'categories.remove': () => ({ id: 1 }),
  'customers.search': () => ({ query: 'a' }),
  'customers.get': (d) => ({ id: d.customerId }),
  'customers.create': () => ({ name: 'Walk In', phone: '555 0100' }),
  'customers.update': (d) => ({ id: d.customerId, name: 'Renamed' }),
  'cases.create': (d) => ({
    customerId: d.customerId,
    orderNumber: 'SO-9',
    product: 'Lamp',
    reason: 'damaged',
  }),
  'cases.get': (d) => ({ id: d.danasCase.id }),
  'cases.list': () => ({ limit: 10 }),
  'cases.active': () => undefined,
  'cases.resolve': (d) => ({ id: d.danasCase.id, agentId: d.dana.id, outcome: 'refund' }),
  'cases.cancel': (d) => ({ id: d.elisCase.id, reason: 'Duplicate' }),
  'cases.reassign': (d) => ({ id: d.elisCase.id, agentId: d.dana.id }),
  'cases.requeue': (d) => ({ id: d.elisCase.id }),
  'cases.edit': (d) => ({ id: d.elisCase.id, product: 'Lamp shade' }),
  'cases.setPriority': (d) => ({ id: d.elisCase.id, priority: 'urgent' }),
  'cases.reopen': (d) => ({ id: d.danasCase.id, reason: 'Resolved by mistake' }),
  'cases.exportCsv': () => ({ status: 'assigned' }),
  'reports.exportCsv': () => ({ from: '2026-03-02' }),
  'reports.dashboard': () => ({ from: '2026-03-01', to: '2026-03-02' }),
  'reports.setServiceLevel': () => ({ thresholdMinutes: 10 }),
  'backup.now': () => undefined,
  'backup.list': () => undefined,
  'backup.restore': () => ({ name: 'no-such-backup.sqlite' }),
  'auth.status': () => undefined,
  'auth.setup': () => ({ passcode: 'another-passcode' }),
  'auth.unlock': () => ({ passcode: TEST_PASSCODE }),
  'auth.lock': () => undefined,
  'auth.signIn': (d) => ({ agentId: d.eli.id, pin: '2222' }),
  'auth.signOut': () => undefined,
  'auth.touch': () => undefined,
  'auth.changePasscode': () => ({ current: TEST_PASSCODE, passcode: 'changed-passcode' }),
  'auth.setAgentSignOut': () => ({ idleMinutes: 5 }),
  'settings.language': () => undefined,
  'settings.setLanguage': () => ({ language: 'es' }),
  'log.pageError': () => ({ kind: 'error', message: 'TypeError: x is undefined' }),
  'slips.get': (d) => ({ id: d.danasCase.id }),
  'slips.print': (d) => ({ id: d.danasCase.id }),
  'slips.savePdf': (d) => ({ id: d.danasCase.id }),
  'counter.settings': () => undefined,
  'counter.setSettings': () => ({ storeName: 'Harbour Street' }),
  'display.board': () => undefined,
  'demo.info': () => undefined,
  'demo.open': () => undefined,
  'database.status': () => undefined,
  'database.test': () => SHARED,
  'database.use': () => SHARED,
  'database.useLocal': () => undefined,
  'database.move': () => SHARED,
};

describe('roles, enforced in main', () => {
  it('declares roles for every channel, and supervisor-only work is supervisor-only', () => {
    expect(Object.keys(CHANNEL_ACCESS).sort()).toEqual([...CHANNEL_NAMES].sort());
    for (const channel of CHANNEL_NAMES) expect(channelRoles(channel).length, channel).toBeGreaterThan(0);
    const supervisorOnly = CHANNEL_NAMES.filter((c) => channelRoles(c).join() === 'supervisor');
    expect(supervisorOnly.sort()).toEqual(
      [
        'agents.create',
        'agents.update',
        'agents.remove',
        'agents.setPin',
        'categories.create',
        'categories.rename',
        'categories.remove',
        'cases.cancel',
        'cases.reassign',
        'cases.requeue',
        'cases.edit',
        'cases.setPriority',
        'cases.reopen',
        'auth.changePasscode',
        'auth.setAgentSignOut',
        'reports.dashboard',
        'reports.exportCsv',
        'reports.setServiceLevel',
        'cases.exportCsv',
        'backup.now',
        'backup.list',
        'backup.restore',
        'counter.setSettings',
        'demo.open',
        'settings.setLanguage',
        'database.status',
        'database.test',
        'database.use',
        'database.useLocal',
        'database.move',
      ].sort(),
    );
    // The waiting-area display reads its board and the desk's language (and reports its page
    // errors), nothing else.
    expect(CHANNEL_NAMES.filter((c) => channelRoles(c).includes('display')).sort()).toEqual([
      'display.board',
      'log.pageError',
      'settings.language',
    ]);
    expect(channelRoles('cases.resolve')).not.toContain('desk');
  });

  it.each(CHANNEL_NAMES)(
    '%s: allowed roles pass, every other role (and none) is FORBIDDEN and changes nothing',
    async (channel) => {
      core = await openTempCore();
      if (channel === 'log.pageError') core.log.expectError(/^page error: TypeError/);
      const desk = await busyDesk();
      for (const role of ['none', ...ROLES] as const) {
        const session = await sessionAs(role, desk);
        const before = await core.snapshot();
        const result = await core.dispatch(channel, validInput[channel](desk), { session });
        const allowed = role !== 'none' && channelRoles(channel).includes(role);
        if (allowed) {
          expect(
            result.ok || result.error.code !== 'FORBIDDEN',
            `${channel} as ${role}: ${JSON.stringify(result)}`,
          ).toBe(true);
        } else {
          expect(result, `${channel} as ${role}`).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
          expect(await core.snapshot()).toBe(before);
        }
      }
    },
  );

  it('refuses a session object the core did not hand out', async () => {
    core = await openTempCore();
    const forged = new SessionClass();
    forged.role = 'supervisor';
    expect(
      await core.dispatch('agents.create', { name: 'X', pin: '1234' }, { session: forged }),
    ).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('agents act only as themselves', () => {
  it('cannot resolve, reassign or go off duty for someone else, and never see a PIN', async () => {
    core = await openTempCore();
    const desk = await busyDesk();
    const dana = await sessionAs('agent', desk);
    const before = await core.snapshot();
    const refused = [
      await core.dispatch(
        'cases.resolve',
        { id: desk.elisCase.id, agentId: desk.eli.id, outcome: 'refund' },
        { session: dana },
      ),
      await core.dispatch('agents.setOnDuty', { id: desk.eli.id, onDuty: false }, { session: dana }),
      await core.dispatch(
        'cases.reassign',
        { id: desk.elisCase.id, agentId: desk.dana.id },
        { session: dana },
      ),
      await core.dispatch('agents.setPin', { id: desk.eli.id, pin: '0000' }, { session: dana }),
    ];
    for (const result of refused) expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    // Naming their own id on someone else's case is a conflict, not a way in.
    expect(
      await core.dispatch(
        'cases.resolve',
        { id: desk.elisCase.id, agentId: desk.dana.id, outcome: 'refund' },
        { session: dana },
      ),
    ).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await core.snapshot()).toBe(before);

    const everyone = JSON.stringify([
      await core.dispatch('agents.list', { includeRemoved: true }, { session: dana }),
      await core.dispatch('agents.get', { id: desk.eli.id }, { session: dana }),
      await core.dispatch('auth.status', undefined, { session: dana }),
    ]);
    expect(everyone).not.toMatch(/2222|1111|scrypt|pin_hash/i);
    expect(everyone).toContain('"hasPin":true');

    const resolved = await core.dispatch(
      'cases.resolve',
      { id: desk.danasCase.id, agentId: desk.dana.id, outcome: 'exchange' },
      { session: dana },
    );
    expect(resolved).toMatchObject({ ok: true });
    const timeline = await core.ok('cases.get', { id: desk.danasCase.id });
    expect(timeline.timeline.at(-1)).toMatchObject({ type: 'resolved', actor: `agent:${desk.dana.id}` });
  });

  it('are back at front desk once removed', async () => {
    core = await openTempCore();
    const desk = await busyDesk();
    const dana = await sessionAs('agent', desk);
    await core.ok('agents.remove', { id: desk.dana.id });
    expect(await core.dispatch('auth.status', undefined, { session: dana })).toMatchObject({
      ok: true,
      data: { session: { role: 'desk', agentId: null } },
    });
  });
});

describe('secrets', () => {
  it('stores only salted scrypt hashes, never the PIN or passcode', async () => {
    core = await openTempCore();
    const [dana] = await addAgents(core, 'Dana');
    await core.ok('agents.setPin', { id: dana!.id, pin: '48213' });
    const content = await core.snapshot();
    expect(content).not.toContain('48213');
    expect(content).not.toContain(TEST_PASSCODE);
    const a = hashSecret('48213');
    const b = hashSecret('48213');
    expect(a).not.toBe(b);
    expect([verifySecret('48213', a), verifySecret('48213', b), verifySecret('48214', a)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(verifySecret('48213', 'garbage')).toBe(false);
  });

  it(`refuses a sign-in for ${LOCKOUT_MS / 1000} s after ${MAX_WRONG_TRIES} wrong PINs, even the right one`, async () => {
    core = await openTempCore();
    const desk = await busyDesk();
    const session = core.openSession();
    const signIn = (pin: string) => core.dispatch('auth.signIn', { agentId: desk.dana.id, pin }, { session });
    for (let i = 0; i < MAX_WRONG_TRIES; i++) {
      expect(await signIn('9999')).toMatchObject({
        ok: false,
        error: { code: 'FORBIDDEN', fields: { pin: expect.stringMatching(/^Wrong PIN/) } },
      });
    }
    expect(await signIn('1111')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Try again in 60 s/) },
    });
    // Eli's sign-in is a different lock.
    expect(
      await core.dispatch(
        'auth.signIn',
        { agentId: desk.eli.id, pin: '2222' },
        { session: core.openSession() },
      ),
    ).toMatchObject({
      ok: true,
    });
    core.clock.advance(LOCKOUT_MS - 1000);
    expect(await signIn('1111')).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Try again in 1 s/) },
    });
    core.clock.advance(1000);
    expect(await signIn('1111')).toMatchObject({
      ok: true,
      data: { session: { role: 'agent', agentId: desk.dana.id } },
    });
  });

  it('locks the supervisor passcode the same way', async () => {
    core = await openTempCore();
    const session = core.openSession();
    for (let i = 0; i < MAX_WRONG_TRIES; i++)
      await core.dispatch('auth.unlock', { passcode: 'guess-guess' }, { session });
    expect(await core.dispatch('auth.unlock', { passcode: TEST_PASSCODE }, { session })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: expect.stringMatching(/Too many wrong tries/) },
    });
    core.clock.advance(LOCKOUT_MS);
    expect(await core.dispatch('auth.unlock', { passcode: TEST_PASSCODE }, { session })).toMatchObject({
      ok: true,
    });
  });
});

describe('first run and Admin locking', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('asks for a supervisor passcode before anything else, once', async () => {
    dir = mkdtempSync(join(tmpdir(), 'returndesk-first-run-'));
    const dbPath = join(dir, 'desk.sqlite');
    const first = await openCore({ dbPath });
    const session = first.openSession();
    expect(await first.dispatch('auth.status', undefined, { session })).toMatchObject({
      ok: true,
      data: { setupRequired: true, session: { role: 'desk' } },
    });
    expect(await first.dispatch('agents.list', undefined, { session })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'Set the supervisor passcode first.' },
    });
    expect(await first.dispatch('auth.setup', { passcode: 'short' }, { session })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', fields: { passcode: 'Passcode must be at least 6 characters' } },
    });
    expect(await first.dispatch('auth.setup', { passcode: 'long enough' }, { session })).toMatchObject({
      ok: true,
      data: { setupRequired: false, session: { role: 'supervisor' } },
    });
    expect(await first.dispatch('agents.create', { name: 'Dana', pin: '1234' }, { session })).toMatchObject({
      ok: true,
    });
    await first.close();

    const second = await openCore({ dbPath });
    const later = second.openSession();
    expect(await second.dispatch('auth.status', undefined, { session: later })).toMatchObject({
      ok: true,
      data: { setupRequired: false, session: { role: 'desk' } },
    });
    expect(await second.dispatch('auth.setup', { passcode: 'take over' }, { session: later })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT' },
    });
    await second.close();
  });

  it('unlocks the window only once the passcode is committed', async () => {
    dir = mkdtempSync(join(tmpdir(), 'returndesk-first-run-'));
    const dbPath = join(dir, 'desk.sqlite');
    await (await openCore({ dbPath, logger: createMemoryLogger() })).close();
    // A deferred foreign key the passcode's insert breaks: the failure comes at COMMIT,
    // after the handler has returned.
    const raw = new Database(dbPath);
    raw.exec(`
      CREATE TABLE commit_parent (id INTEGER PRIMARY KEY);
      CREATE TABLE commit_child (parent_id INTEGER REFERENCES commit_parent(id) DEFERRABLE INITIALLY DEFERRED);
      CREATE TRIGGER fail_at_commit AFTER INSERT ON settings WHEN NEW.key = 'supervisor_passcode_hash'
      BEGIN INSERT INTO commit_child VALUES (42); END;`);
    raw.close();
    const log = createMemoryLogger();
    log.expectError(/dispatch auth.setup failed/);
    const core = await openCore({ dbPath, logger: log });
    const session = core.openSession();
    expect(await core.dispatch('auth.setup', { passcode: 'long enough' }, { session })).toMatchObject({
      ok: false,
      error: { code: 'INTERNAL' },
    });
    expect(await core.dispatch('auth.status', undefined, { session })).toMatchObject({
      ok: true,
      data: { setupRequired: true, session: { role: 'desk' } },
    });
    expect(await core.dispatch('agents.list', undefined, { session })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    await core.close();
    log.assertNoUnexpectedErrors();
  });

  it('locks Admin after 10 minutes without input; reads do not count as input', async () => {
    core = await openTempCore({ supervisorIdleMs: SUPERVISOR_IDLE_MS });
    const session = core.openSession();
    const as = { session };
    await core.dispatch('auth.unlock', { passcode: TEST_PASSCODE }, as);
    core.clock.advance(9 * 60_000);
    expect(await core.dispatch('agents.create', { name: 'Dana', pin: '1234' }, as)).toMatchObject({
      ok: true,
    });
    core.clock.advance(9 * 60_000);
    expect(await core.dispatch('auth.touch', undefined, as)).toMatchObject({
      ok: true,
      data: { session: { role: 'supervisor' } },
    });
    core.clock.advance(9 * 60_000);
    await core.dispatch('agents.list', undefined, as); // a refresh, not input
    core.clock.advance(60_000);
    expect(await core.dispatch('agents.create', { name: 'Eli', pin: '1234' }, as)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This needs a supervisor.' },
    });
    expect(await core.dispatch('auth.status', undefined, as)).toMatchObject({
      ok: true,
      data: { session: { role: 'desk' } },
    });
  });

  it('locks on demand', async () => {
    core = await openTempCore();
    await core.ok('auth.lock');
    expect(await core.dispatch('agents.create', { name: 'X', pin: '1234' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
  });
});

describe('the shared counter PC: agents are signed out', () => {
  const MINUTE = 60_000;
  const signedIn = async (agentId: number, pin: string) => {
    const session = core.openSession();
    const status = await core.dispatch('auth.signIn', { agentId, pin }, { session });
    if (!status.ok) throw new Error(status.error.message);
    return { session };
  };
  const roleOf = async (as: { session: Session }) => {
    const status = await core.dispatch('auth.status', undefined, as);
    return status.ok ? status.data.session.role : status.error.code;
  };

  it('after 2 minutes without input by default; writes and touches are input, reads are not', async () => {
    core = await openTempCore();
    const desk = await busyDesk();
    const as = await signedIn(desk.dana.id, '1111');
    const status = await core.dispatch('auth.status', undefined, as);
    expect(status).toMatchObject({
      ok: true,
      data: {
        session: {
          role: 'agent',
          expiresAt: new Date(core.clock.now().getTime() + 2 * MINUTE).toISOString(),
        },
        agentSignOut: { idleMinutes: 2, afterResolve: false },
      },
    });

    core.clock.advance(2 * MINUTE - 1000);
    expect(await core.dispatch('auth.touch', undefined, as)).toMatchObject({
      ok: true,
      data: { session: { role: 'agent', agentId: desk.dana.id } },
    });
    core.clock.advance(2 * MINUTE - 1000);
    // A write is input too: she goes off duty and back on.
    expect(await core.dispatch('agents.setOnDuty', { id: desk.dana.id, onDuty: false }, as)).toMatchObject({
      ok: true,
    });
    core.clock.advance(MINUTE);
    await core.dispatch('cases.active', undefined, as); // a live refresh, not input
    core.clock.advance(MINUTE);
    expect(await core.dispatch('agents.setOnDuty', { id: desk.dana.id, onDuty: true }, as)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN', message: 'This needs a signed-in agent or a supervisor.' },
    });
    expect(await roleOf(as)).toBe('desk');
    expect((await core.ok('agents.get', { id: desk.dana.id })).onDuty).toBe(false);
  });

  it('after the idle time Admin sets (whole minutes, 1 to 60, checked in main)', async () => {
    core = await openTempCore();
    const desk = await busyDesk();
    for (const idleMinutes of [0, 61, 1.5, '5', null]) {
      expect(await core.dispatch('auth.setAgentSignOut', { idleMinutes })).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', fields: { idleMinutes: expect.any(String) } },
      });
    }
    expect(await core.dispatch('auth.setAgentSignOut', { idleMinutes: 0 })).toMatchObject({
      error: { fields: { idleMinutes: 'Minutes must be at least 1' } },
    });
    expect((await core.ok('auth.status')).agentSignOut.idleMinutes).toBe(2);
    // Only a supervisor chooses: an agent or the front desk cannot lengthen their own stay.
    const as = await signedIn(desk.dana.id, '1111');
    expect(await core.dispatch('auth.setAgentSignOut', { idleMinutes: 60 }, as)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });

    await core.ok('auth.setAgentSignOut', { idleMinutes: 5 });
    core.clock.advance(4 * MINUTE);
    expect(await roleOf(as)).toBe('agent');
    core.clock.advance(MINUTE);
    expect(await roleOf(as)).toBe('desk');
  });

  it('takes a stored value Admin could not have saved as the default', async () => {
    core = await openTempCore();
    const desk = await busyDesk();
    await core.ok('auth.setAgentSignOut', { idleMinutes: 30, afterResolve: true });
    await core.tamper(`UPDATE settings SET value = 'soon' WHERE key LIKE 'agent_%'`);
    expect((await core.ok('auth.status')).agentSignOut).toEqual({ idleMinutes: 2, afterResolve: false });
    const as = await signedIn(desk.dana.id, '1111');
    core.clock.advance(2 * MINUTE);
    expect(await roleOf(as)).toBe('desk');
  });

  it('when they resolve, if the desk chooses so; their next case still comes to them', async () => {
    core = await openTempCore();
    const desk = await busyDesk();
    const waiting = await logCase(core, desk.customerId);

    // Not chosen (the default): Dana resolves and stays signed in, with her next case.
    let as = await signedIn(desk.dana.id, '1111');
    const kept = await core.dispatch(
      'cases.resolve',
      { id: desk.danasCase.id, agentId: desk.dana.id, outcome: 'refund' },
      as,
    );
    expect(kept).toMatchObject({ ok: true, data: { next: { id: waiting.id }, signedOut: false } });
    expect(await roleOf(as)).toBe('agent');

    // Chosen: Eli resolves and the window is back at front desk; the next case still waits for him.
    await core.ok('auth.setAgentSignOut', { afterResolve: true });
    const another = await logCase(core, desk.customerId);
    as = await signedIn(desk.eli.id, '2222');
    const out = await core.dispatch(
      'cases.resolve',
      { id: desk.elisCase.id, agentId: desk.eli.id, outcome: 'exchange' },
      as,
    );
    expect(out).toMatchObject({ ok: true, data: { next: { id: another.id }, signedOut: true } });
    expect(await roleOf(as)).toBe('desk');
    expect(await core.dispatch('agents.setOnDuty', { id: desk.eli.id, onDuty: false }, as)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await core.ok('agents.get', { id: desk.eli.id })).currentCaseId).toBe(another.id);

    // A refused resolve signs nobody out; a supervisor resolving stays in Admin.
    as = await signedIn(desk.eli.id, '2222');
    expect(
      await core.dispatch(
        'cases.resolve',
        { id: desk.danasCase.id, agentId: desk.eli.id, outcome: 'refund' },
        as,
      ),
    ).toMatchObject({ ok: false });
    expect(await roleOf(as)).toBe('agent');
    expect(
      await core.dispatch('cases.resolve', { id: waiting.id, agentId: desk.dana.id, outcome: 'refund' }),
    ).toMatchObject({ ok: true, data: { signedOut: false } });
    expect((await core.ok('auth.status')).session.role).toBe('supervisor');
  });
});
