// Letter case on a server set up for people. SQLite's COLLATE NOCASE, LIKE and lower() fold
// ASCII letters only and order text byte by byte; PostgreSQL's lower() folds by the database's
// default collation, which on a server made with a language locale folds every alphabet and
// sorts by language. The forms of db/repositories/dialect-forms.ts pin PostgreSQL to SQLite's
// behaviour whatever the database's locale: the same calls give the same answers on an SQLite
// desk and on a PostgreSQL desk whose default collation is ICU's en-US.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openCore, type Core } from '../../core';
import { asSupervisor } from '../../test/as-supervisor';
import { openTempCore, type TempCore } from '../../test/temp-core';
import { createMemoryLogger } from '../../log/memory-logger';
import { cheapHashesForTests } from '../../auth/secrets';
import { runPostgresMigrations } from './run-migrations';
import { createTestDatabase, type TestDatabase } from './test-database';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import pg from 'pg';
import type { Dashboard } from '../../../shared/reports';

cheapHashesForTests(2);

let sqlite: TempCore;
let db: TestDatabase;
let postgres: Core;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'returndesk-collation-'));
  sqlite = await openTempCore({ dir }); // a folder of its own: SQLite even in this project
  db = await createTestDatabase({ icuLocale: 'en-US' });
  await runPostgresMigrations(db.url);
  // The same clock: both desks stamp the same instants.
  postgres = await asSupervisor(
    await openCore({ databaseUrl: db.url, logger: createMemoryLogger(), now: sqlite.clock.now }),
  );
});

afterAll(async () => {
  await postgres?.close();
  await db?.drop();
  await sqlite?.dispose();
  rmSync(dir, { recursive: true, force: true });
});

/** The same call on both desks: the data, or the error's code. */
async function both(channel: string, input?: unknown): Promise<[unknown, unknown]> {
  const answer = async (core: Core) => {
    const result = await core.dispatch(channel as never, input as never);
    return result.ok ? result.data : result.error.code;
  };
  return [await answer(sqlite), await answer(postgres)];
}

it('runs on a database whose own lower() folds every alphabet and whose text sorts by language', async () => {
  const client = new pg.Client({ connectionString: db.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ folded: string; first: string }>(
      `SELECT lower('ÁLVARO') AS folded,
              (SELECT x FROM (VALUES ('b'), ('A'), ('a')) v(x) ORDER BY x LIMIT 1) AS first`,
    );
    // What a plain lower() / ORDER BY would do here, unlike SQLite ("Álvaro", "A").
    expect(rows).toEqual([{ folded: 'álvaro', first: 'a' }]);
  } finally {
    await client.end();
  }
});

it('finds customers by name with ASCII letters folded only, as SQLite does', async () => {
  const names = ['Álvaro Díaz', 'álvaro Ruiz', 'Zoë Quinn', 'zoe Lane', 'Émile Brun', 'Ana Ortiz', 'ÁNGEL'];
  for (const [i, name] of names.entries()) {
    const [a, b] = await both('customers.create', { name, email: `Person${i}@Example.com` });
    expect(a, name).toMatchObject({ name });
    expect(b).toEqual(a);
  }
  // Email addresses are ASCII (the contract's check), so lower() and NOCASE agree on them.
  expect(await both('customers.create', { name: 'Same', email: 'person0@EXAMPLE.COM' })).toEqual([
    'CONFLICT',
    'CONFLICT',
  ]);
  for (const query of [
    'álvaro',
    'ÁLVARO',
    'Álvaro',
    'zoë',
    'ZOË',
    'zoe',
    'émile',
    'ÉMILE',
    'a',
    'Á',
    'á',
    'ángel',
    'ana',
    'EXAMPLE',
  ]) {
    const [a, b] = await both('customers.search', { query, limit: 50 });
    expect(b, query).toEqual(a);
  }
  // Case search: short text by order number and customer name prefix, longer by the search index.
  for (const [i, name] of names.entries()) {
    const [a, b] = await both('cases.create', {
      customerId: i + 1,
      orderNumber: i % 2 ? `so-${i}` : `ÑO-${i}`,
      product: name,
      reason: 'other',
    });
    expect(b).toEqual(a);
  }
  for (const text of [
    'á',
    'Á',
    'ál',
    'ÁL',
    'zo',
    'ZO',
    'ño',
    'ÑO',
    'SO',
    'é',
    'álvaro',
    'ÁLVARO',
    'zoë',
    'ÑO-2',
    'díaz quinn',
    'ÉMILE',
  ]) {
    const [a, b] = await both('cases.list', { text, limit: 50 });
    expect(b, text).toEqual(a);
  }
});

it('lists agents, categories and report rows in the same order as SQLite', async () => {
  const people = [
    'bea',
    'Álvaro',
    'ana',
    'Ana',
    'Zoë',
    'zed',
    'Émile',
    'eli',
    'O’Neil',
    'oscar',
    'Ab',
    'a b',
  ];
  for (const name of people) {
    const [a, b] = await both('agents.create', { name, pin: '1234', onDuty: true });
    expect(b).toEqual(a);
  }
  const [agentsA, agentsB] = await both('agents.list');
  expect(agentsB).toEqual(agentsA);
  for (const name of ['garden', 'Électroménager', 'Audio', 'apparel', 'Zubehör', 'éco']) {
    const [a, b] = await both('categories.create', { name });
    expect(b).toEqual(a);
  }
  const [categoriesA, categoriesB] = await both('categories.list');
  expect(categoriesB).toEqual(categoriesA);
  // The cases of the test above went to agents as they came on duty: a minute later the
  // dashboard's agents (busy for a minute each) come in name order, the same on both.
  sqlite.clock.advance(60_000);
  const [dashboardA, dashboardB] = await both('reports.dashboard');
  expect((dashboardA as Dashboard).perAgent.length).toBeGreaterThan(2);
  expect(dashboardB).toEqual(dashboardA);
});
