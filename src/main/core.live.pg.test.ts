// Live updates across workstations (issue 16, scope 3): a write on one counter reaches the
// other's change listeners, with its ids and rows read there; a lost listening connection is
// reported, retried, and followed by a reload.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { ChangeEvent } from '../shared/events';
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

async function twoCounters(): Promise<{ a: Core; b: Core }> {
  cheapHashesForTests(2);
  database = await createTestDatabase();
  const clock = new TestClock();
  const open = async () => {
    const core = await openCore({ databaseUrl: database!.url, now: clock.now, logger: createMemoryLogger() });
    cores.push(core);
    return core;
  };
  const a = await open();
  const b = await open();
  return { a, b };
}

/** Resolves with the first event `core` announces that `match` accepts. */
function nextEvent(core: Core, match: (event: ChangeEvent) => boolean): Promise<ChangeEvent> {
  return new Promise((resolve) => {
    const stop = core.onChange((event) => {
      if (!match(event)) return;
      stop();
      resolve(event);
    });
  });
}

function nextLiveState(core: Core, wanted: boolean): Promise<void> {
  return new Promise((resolve) => {
    const stop = core.onLiveUpdates((connected) => {
      if (connected !== wanted) return;
      stop();
      resolve();
    });
  });
}

const customer = { name: 'Ana Ruiz', email: 'ana@example.com' };

describe('live updates between two counters on one PostgreSQL desk', () => {
  it("delivers A's write to B's listeners with its ids and the rows B reads", async () => {
    const { a, b } = await twoCounters();
    const admin = await asSupervisor(a, TEST_PASSCODE);
    const aEvents: ChangeEvent[] = [];
    a.onChange((event) => aEvents.push(event));
    const onB = nextEvent(b, (event) => event.entities.includes('cases'));

    const created = await admin.dispatch('cases.create', {
      customer,
      orderNumber: 'SO-1001',
      product: 'Kettle',
      reason: 'defective',
    });
    if (!created.ok) throw new Error(created.error.message);
    const seen = await onB;

    expect(seen.reload).toBeUndefined();
    expect(seen.ids.cases).toEqual([created.data.id]);
    expect(seen.rows?.cases.map((c) => [c.id, c.reference, c.product])).toEqual([
      [created.data.id, created.data.reference, 'Kettle'],
    ]);
    expect(seen.rows?.customers.map((c) => c.name)).toEqual(['Ana Ruiz']);

    // A announced its own write once, locally: its NOTIFY came back and was skipped. B's write
    // reaching A proves A's listener had every earlier notification (they come in commit order).
    const fromB = nextEvent(a, (event) => event.entities.includes('settings'));
    const setting = await (
      await asSupervisor(b, TEST_PASSCODE)
    ).dispatch('settings.setLanguage', {
      language: 'es',
    });
    if (!setting.ok) throw new Error(setting.error.message);
    expect(await fromB).toMatchObject({ entities: ['settings'], ids: { settings: [] } });
    const caseEvents = aEvents.filter((event) => event.ids.cases?.includes(created.data.id));
    expect(caseEvents).toHaveLength(1);
    // seq is each desk's own, one per announced event, with no gap.
    expect(aEvents.map((event) => event.seq)).toEqual(aEvents.map((_, i) => aEvents[0]!.seq + i));
  });

  it('says so when its listening connection is lost, reconnects, and reloads', async () => {
    const { a, b } = await twoCounters();
    const before = b.liveUpdates();
    expect(before).toMatchObject({ connected: true });
    const pid = before!.backendPid;
    expect(pid).toEqual(expect.any(Number));

    const lost = nextLiveState(b, false);
    const back = nextLiveState(b, true);
    const reload = nextEvent(b, (event) => event.reload === true);
    const admin = new pg.Client({ connectionString: database!.url });
    await admin.connect();
    try {
      await admin.query('SELECT pg_terminate_backend($1)', [pid]);
    } finally {
      await admin.end();
    }
    await lost;
    await back;
    expect(await reload).toMatchObject({ reload: true, ids: {} });
    expect(b.liveUpdates()).toMatchObject({ connected: true });
    expect(b.liveUpdates()!.backendPid).not.toBe(pid);

    // And it receives again.
    const supervisor = await asSupervisor(a, TEST_PASSCODE);
    const onB = nextEvent(b, (event) => event.entities.includes('cases'));
    const created = await supervisor.dispatch('cases.create', {
      customer,
      orderNumber: 'SO-1002',
      product: 'Toaster',
      reason: 'defective',
    });
    if (!created.ok) throw new Error(created.error.message);
    expect((await onB).ids.cases).toEqual([created.data.id]);
  });
});
