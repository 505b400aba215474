// Two workstations on one shared PostgreSQL desk (issue 16, scope 4): what must be shared
// lives in the database, not in either process. Two cores here are two counters.
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_WRONG_TRIES } from '../shared/access';
import { cheapHashesForTests } from './auth/secrets';
import { openCore, type Core } from './core';
import { createTestDatabase, type TestDatabase } from './db/postgres/test-database';
import { createMemoryLogger } from './log/memory-logger';
import { asSupervisor } from './test/as-supervisor';
import { TestClock, TEST_PASSCODE } from './test/temp-core';

let database: TestDatabase | undefined;
const cores: Core[] = [];
afterEach(async () => {
  for (const core of cores.splice(0)) await core.close();
  await database?.drop();
  database = undefined;
});

async function twoCounters(): Promise<{ a: Core; b: Core; clock: TestClock }> {
  cheapHashesForTests(2);
  database = await createTestDatabase();
  const clock = new TestClock();
  const open = async () => {
    const core = await openCore({ databaseUrl: database!.url, now: clock.now, logger: createMemoryLogger() });
    cores.push(core);
    return core;
  };
  // The second opens once the first has migrated (four starting at once is the migrations' own test).
  const a = await open();
  const b = await open();
  return { a, b, clock };
}

describe('two counters on one PostgreSQL desk', () => {
  it('sees the passcode another counter set, and its sign-in lockout', async () => {
    const { a, b } = await twoCounters();
    const bSession = b.openSession();
    expect(await b.dispatch('auth.status', undefined, { session: bSession })).toMatchObject({
      ok: true,
      data: { setupRequired: true },
    });
    const admin = await asSupervisor(a, TEST_PASSCODE);
    // B opened before the passcode existed: it reads the database, not its own first look.
    expect(await b.dispatch('auth.status', undefined, { session: bSession })).toMatchObject({
      ok: true,
      data: { setupRequired: false },
    });
    const created = await admin.dispatch('agents.create', { name: 'Dana', pin: '1234' });
    if (!created.ok) throw new Error(created.error.message);
    const agentId = created.data.id;

    const aSession = a.openSession();
    for (let i = 0; i < MAX_WRONG_TRIES; i++) {
      expect(await a.dispatch('auth.signIn', { agentId, pin: '9999' }, { session: aSession })).toMatchObject({
        ok: false,
      });
    }
    // Counter A locked Dana's sign-in; counter B refuses the right PIN as well.
    expect(await b.dispatch('auth.signIn', { agentId, pin: '1234' }, { session: bSession })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Try again in 60 s/) },
    });
    // Closing counter A resets nothing on B.
    await a.close();
    expect(
      await b.dispatch('auth.signIn', { agentId, pin: '1234' }, { session: b.openSession() }),
    ).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Try again in 60 s/) },
    });
  });

  it('refuses backups and restores: on a shared database they are the server’s job', async () => {
    const { a } = await twoCounters();
    const admin = await asSupervisor(a, TEST_PASSCODE);
    for (const channel of ['backup.now', 'backup.list'] as const) {
      expect(await admin.dispatch(channel, undefined)).toMatchObject({
        ok: false,
        error: { code: 'CONFLICT', message: expect.stringMatching(/pg_dump/) },
      });
    }
    await expect(a.restore('/nowhere.sqlite')).rejects.toThrow(/pg_dump/);
    expect(a.dialect).toBe('postgres');
  });
});
