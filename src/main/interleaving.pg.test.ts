// The two races the prototype found with the approaches it did not choose (issue 16,
// "Tests and CI"), pinned: each interleaving is forced, not hoped for. A raw connection holds
// a row lock that the first write runs into half-way, after it has read who is free; the
// second write starts while the first is stuck. With the desk's advisory lock (pg-driver.ts)
// the second waits for the first to commit and sees its rows; without it, the second reads
// the desk from before the first and the race happens every time.
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { CaseDto } from '../shared/domain';
import { cheapHashesForTests } from './auth/secrets';
import { openCore, type Core } from './core';
import { DESK_LOCK_CLASS, WRITE_LOCK_ID } from './db/postgres/pg-driver';
import { createTestDatabase, type TestDatabase } from './db/postgres/test-database';
import { createMemoryLogger } from './log/memory-logger';
import { asSupervisor } from './test/as-supervisor';

let database: TestDatabase | undefined;
const closing: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closing.splice(0).reverse()) await close();
  await database?.drop();
  database = undefined;
});

async function desk(): Promise<{ core: Core; url: string }> {
  cheapHashesForTests(2);
  database = await createTestDatabase({ fromTemplate: true });
  const core = await asSupervisor(
    await openCore({ databaseUrl: database.url, logger: createMemoryLogger() }),
  );
  closing.push(() => core.close());
  return { core, url: database.url };
}

/** Another counter on the same desk: a core of its own (its writes take their own turns). */
async function otherCounter(url: string): Promise<Core> {
  const core = await asSupervisor(await openCore({ databaseUrl: url, logger: createMemoryLogger() }));
  closing.push(() => core.close());
  return core;
}

async function rawClient(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, application_name: 'interleaving test' });
  await client.connect();
  closing.push(() => client.end());
  return client;
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** The desk's sessions (application_name ReturnDesk) now waiting for a lock. */
async function waiting(observer: pg.Client): Promise<number> {
  const { rows } = await observer.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_stat_activity
      WHERE datname = current_database() AND application_name = 'ReturnDesk' AND wait_event_type = 'Lock'`,
  );
  return rows[0]!.n;
}

/**
 * Resolves once `count` of the desk's sessions wait for a lock (true), or once `settled` has
 * (false: the write did not wait). A hang guard, not a timing claim.
 */
async function untilWaiting(observer: pg.Client, count: number, settled: Promise<unknown>): Promise<boolean> {
  let done = false;
  void settled.finally(() => (done = true));
  for (let i = 0; i < 6000; i++) {
    if ((await waiting(observer)) >= count) return true;
    if (done) return false;
    await sleep(5);
  }
  throw new Error(`no ${count} sessions waiting for a lock after 30 s`);
}

function ok<T>(result: { ok: true; data: T } | { ok: false; error: { message: string } }): T {
  if (!result.ok) throw new Error(result.error.message);
  return result.data;
}

const newCase = (customerId: number) => ({
  customerId,
  orderNumber: 'R-1',
  product: 'Kettle',
  reason: 'defective' as const,
});

describe('interleavings the advisory lock serialises', () => {
  it('a case that arrives while its agent resolves goes to that agent', async () => {
    const { core, url } = await desk();
    // Dana's own counter: another workstation on the same desk.
    const agentsCounter = await otherCounter(url);
    const customer = ok(await core.dispatch('customers.create', { name: 'Ana', email: 'ana@example.com' }));
    const agent = ok(await core.dispatch('agents.create', { name: 'Dana', pin: '1234' }));
    const first = ok(await core.dispatch('cases.create', newCase(customer.id)));
    expect(first).toMatchObject({ status: 'assigned', agentId: agent.id });

    const holder = await rawClient(url);
    const observer = await rawClient(url);
    // The new case's insert checks its customer (a key-share lock): it stops there, after the
    // intake has read that nobody is free (Dana still holds the first case).
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM customers WHERE id = $1 FOR UPDATE', [customer.id]);
    const intake = core.dispatch('cases.create', newCase(customer.id));
    expect(await untilWaiting(observer, 1, intake)).toBe(true);
    // Dana resolves meanwhile. With the desk's lock she waits for the intake to commit, and her
    // commit's hand-over sees the new case; without it she is freed beside a case she never sees.
    const resolve = agentsCounter.dispatch('cases.resolve', {
      id: first.id,
      agentId: agent.id,
      outcome: 'refund',
    });
    const resolveWaited = await untilWaiting(observer, 2, resolve);
    await holder.query('ROLLBACK');
    const second = ok(await intake);
    ok(await resolve);

    const now = ok(await core.dispatch('cases.get', { id: second.id }));
    expect({ status: now.status, agentId: now.agentId }).toEqual({ status: 'assigned', agentId: agent.id });
    expect(resolveWaited).toBe(true);
  });

  it('an agent another transaction just took is not picked again', async () => {
    const { core, url } = await desk();
    const secondCounter = await otherCounter(url);
    const customer = ok(await core.dispatch('customers.create', { name: 'Ana', email: 'ana@example.com' }));
    const agent = ok(await core.dispatch('agents.create', { name: 'Dana', pin: '1234' }));

    const holder = await rawClient(url);
    const observer = await rawClient(url);
    // The first intake picks Dana (free) and stops on her row, which the raw client holds.
    await holder.query('BEGIN');
    await holder.query('SELECT id FROM agents WHERE id = $1 FOR UPDATE', [agent.id]);
    const firstIntake = core.dispatch('cases.create', newCase(customer.id));
    expect(await untilWaiting(observer, 1, firstIntake)).toBe(true);
    // The second intake, meanwhile: with the desk's lock it waits, then finds Dana busy and
    // queues its case; without it, it picks Dana too and the unique index refuses its commit.
    const secondIntake = secondCounter.dispatch('cases.create', newCase(customer.id));
    expect(await untilWaiting(observer, 2, secondIntake)).toBe(true);
    await holder.query('ROLLBACK');
    const [first, second] = await Promise.all([firstIntake, secondIntake]);

    expect([first.ok, second.ok]).toEqual([true, true]);
    const cases = [first, second].map((r) => (r.ok ? r.data : undefined)) as CaseDto[];
    expect(cases.map((c) => ({ status: c.status, agentId: c.agentId }))).toEqual([
      { status: 'assigned', agentId: agent.id },
      { status: 'queued', agentId: null },
    ]);
  });
});

describe("a shared desk's clock", () => {
  it("stamps a write with the server's time once it holds the desk, not the time it was asked", async () => {
    const { core, url } = await desk();
    const customer = ok(await core.dispatch('customers.create', { name: 'Ana', email: 'ana@example.com' }));
    const holder = await rawClient(url);
    const observer = await rawClient(url);
    // Another counter holds the desk (its write not yet committed) when this intake is asked.
    await holder.query('BEGIN');
    await holder.query('SELECT pg_advisory_xact_lock($1, $2)', [DESK_LOCK_CLASS, WRITE_LOCK_ID]);
    const intake = core.dispatch('cases.create', newCase(customer.id));
    expect(await untilWaiting(observer, 1, intake)).toBe(true);
    const { rows } = await holder.query<{ at: Date }>('SELECT clock_timestamp() AS at');
    const heldUntil = rows[0]!.at.toISOString();
    await holder.query('COMMIT');
    const created = ok(await intake);
    // Stamped with the call's own instant, the case would be older than a write committed ahead
    // of it. (Equal is possible: the instants are kept to the millisecond.)
    expect(created.createdAt >= heldUntil).toBe(true);
  });
});
