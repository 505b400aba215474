// Moving a SQLite desk to PostgreSQL (move-desk.ts): a desk built through the real core,
// moved, then opened by the real core on PostgreSQL, must be the same desk and go on working;
// every refusal and failure must leave the database as it was, and the file is never written.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cheapHashesForTests } from '../../auth/secrets';
import { openCore, type Core } from '../../core';
import type { Dispatch } from '../../ipc/router';
import { createMemoryLogger } from '../../log/memory-logger';
import { asSupervisor } from '../../test/as-supervisor';
import { addAgents, addCustomer, logCase } from '../../test/fixtures';
import { findInvariantViolationsBy } from '../../test/invariants';
import { openTempCore, TEST_PASSCODE, TestClock, type TempCore } from '../../test/temp-core';
import type { ChannelName, ChannelOutput } from '../../../shared/contract';
import { MIGRATIONS } from '../migrations';
import { openDatabase } from '../open-database';
import { moveDeskToPostgres, type MoveResult } from './move-desk';
import { DESK_LOCK_CLASS, numberTypes, WRITE_LOCK_ID } from './pg-driver';
import { runPostgresMigrations } from './run-migrations';
import { createTestDatabase, type TestDatabase } from './test-database';

cheapHashesForTests(2);

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function database(): Promise<TestDatabase> {
  const db = await createTestDatabase();
  cleanups.push(() => db.drop());
  return db;
}

/** A raw connection to a test database, numbers as numbers. */
async function connect(url: string): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url, types: numberTypes() });
  await client.connect();
  cleanups.push(() => client.end());
  return client;
}

/** Rows per table, the migrations' own left out: `{}` for a database holding no desk. */
async function rowCounts(client: pg.Client): Promise<Record<string, number>> {
  const tables = await client.query<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migrations'
     ORDER BY 1`,
  );
  const counts: Record<string, number> = {};
  for (const { name } of tables.rows) {
    const { rows } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM "${name}"`);
    if (rows[0]!.n > 0) counts[name] = rows[0]!.n;
  }
  return counts;
}

/** No desk sequence was ever moved (setval is not undone by a rollback: it must not have run). */
async function sequencesUntouched(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ n: number }>(
    `SELECT count(*) AS n FROM pg_sequences
     WHERE last_value IS NOT NULL AND sequencename NOT LIKE 'schema\\_migrations\\_%'`,
  );
  return rows[0]!.n === 0;
}

async function call<C extends ChannelName>(
  core: { dispatch: Dispatch },
  channel: C,
  input?: unknown,
): Promise<ChannelOutput<C>> {
  const result = await core.dispatch(channel, input);
  if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
  return result.data;
}

/** The desk as the core shows it: everything a counter or Admin reads. */
async function deskView(core: { dispatch: Dispatch }) {
  const all = await call(core, 'cases.list', { limit: 200 });
  return {
    agents: await call(core, 'agents.list', { includeRemoved: true }),
    categories: await call(core, 'categories.list'),
    queueAndHeld: (await call(core, 'cases.active')).cases,
    cases: all.items,
    total: all.total,
    details: await Promise.all(all.items.map((c) => call(core, 'cases.get', { id: c.id }))),
    customers: await Promise.all(
      [...new Set(all.items.map((c) => c.customerId))].map((id) => call(core, 'customers.get', { id })),
    ),
    language: await call(core, 'settings.language'),
    signOut: (await call(core, 'auth.status')).agentSignOut,
  };
}

interface Fixture {
  dir: string;
  dbPath: string;
  /** The instant the desk was closed at; cores opened on it later start there. */
  at: number;
  agents: { ana: number; ben: number; dee: number };
}

/**
 * A desk with some of everything, built through the real core on a SQLite file: categories
 * (one removed), agents with skills and PINs (one removed, one off duty), customers, cases
 * queued, assigned, resolved, cancelled, reopened, edited and re-prioritised, the settings a
 * supervisor sets, a wrong sign-in counted, the passcode set.
 */
async function buildSqliteDesk(): Promise<Fixture> {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-move-'));
  const desk: TempCore = await openTempCore({ dir });
  const electronics = await desk.ok('categories.create', { name: 'Electronics' });
  const old = await desk.ok('categories.create', { name: 'Old stock' });
  await desk.ok('categories.create', { name: 'Furniture' });
  const [ana, ben, cy] = await addAgents(desk, 'Ana', 'Ben', 'Cy');
  await desk.ok('agents.update', { id: ana!.id, skills: [electronics.id] });
  await desk.ok('agents.remove', { id: cy!.id });
  await desk.ok('categories.remove', { id: old.id });
  const dee = await desk.ok('agents.create', { name: 'Dee', onDuty: false, pin: '4321' });
  const lima = await addCustomer(desk, 'Ana Lima');
  const okafor = await addCustomer(desk, 'Ngozi Okafor');
  const first = await logCase(desk, lima.id); // → Ana
  const second = await logCase(desk, okafor.id, { product: 'Blender' }); // → Ben
  // Logged from the form, with its intake key: the key moves with the case.
  const third = await logCase(desk, okafor.id, {
    reason: 'damaged',
    intakeKey: '0b8f3c2e-6a4d-4f1e-9c7b-2d5e8a1f4c3b',
  }); // queued
  await logCase(desk, lima.id, { categoryId: electronics.id, priority: 'high' }); // queued, Ana's skill
  desk.clock.advance();
  await desk.ok('cases.resolve', { id: first.id, agentId: ana!.id, outcome: 'refund', note: 'Paid back' });
  desk.clock.advance();
  await desk.ok('cases.cancel', { id: third.id, reason: 'Customer withdrew' });
  const fifth = await logCase(desk, okafor.id, { description: 'Lid cracked' });
  const sixth = await logCase(desk, lima.id);
  desk.clock.advance();
  await desk.ok('cases.resolve', { id: second.id, agentId: ben!.id, outcome: 'exchange' });
  desk.clock.advance();
  await desk.ok('cases.reopen', { id: first.id, reason: 'Refund bounced' });
  desk.clock.advance();
  await desk.ok('cases.edit', { id: sixth.id, product: 'Kettle 2 l', description: 'Corrected' });
  desk.clock.advance();
  await desk.ok('cases.setPriority', { id: fifth.id, priority: 'urgent' });
  desk.clock.advance();
  await desk.ok('cases.create', {
    customer: { name: 'Walk-in Customer', phone: '+34 600 100 200' },
    orderNumber: 'SO-9',
    product: 'Fan',
    reason: 'other',
  });
  await desk.ok('reports.setServiceLevel', { thresholdMinutes: 7 });
  await desk.ok('settings.setLanguage', { language: 'es' });
  await desk.ok('auth.setAgentSignOut', { idleMinutes: 9 });
  const wrong = await desk.dispatch(
    'auth.signIn',
    { agentId: ben!.id, pin: '0000' },
    { session: desk.openSession() },
  );
  expect(wrong.ok).toBe(false);

  const statuses = await desk.query<{ status: string }>('SELECT DISTINCT status FROM cases ORDER BY 1');
  expect(statuses.map((s) => s.status)).toEqual(['assigned', 'cancelled', 'queued', 'resolved']);
  expect(await findInvariantViolationsBy(desk.query)).toEqual([]);
  desk.inspect().close();
  await desk.close();
  desk.log.assertNoUnexpectedErrors();
  return {
    dir,
    dbPath: desk.dbPath,
    at: desk.clock.now().getTime(),
    agents: { ana: ana!.id, ben: ben!.id, dee: dee.id },
  };
}

/** A copy of the fixture's file in a folder of its own (to change, or to open a SQLite core on). */
function copyOfDesk(fixture: Fixture): { dir: string; dbPath: string } {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-move-copy-'));
  const dbPath = join(dir, 'desk.sqlite');
  copyFileSync(fixture.dbPath, dbPath);
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return { dir, dbPath };
}

function failure(result: MoveResult) {
  if (result.ok) throw new Error('The move was expected to fail');
  return result.error;
}

describe('moving a SQLite desk to PostgreSQL', () => {
  let fixture: Fixture;
  let fileHash: string;

  beforeAll(async () => {
    fixture = await buildSqliteDesk();
    fileHash = sha256(fixture.dbPath);
  });
  afterAll(() => {
    if (!fixture) return;
    // The file was never written, whatever the tests did with it. (A SQLite reader may leave an
    // empty -wal beside it, as any reader of a WAL file does.)
    expect(sha256(fixture.dbPath)).toBe(fileHash);
    const wal = `${fixture.dbPath}-wal`;
    expect(existsSync(wal) ? statSync(wal).size : 0).toBe(0);
    rmSync(fixture.dir, { recursive: true, force: true });
  });

  it('is the same desk on PostgreSQL, and it goes on working there', async () => {
    const target = await database();
    const log = createMemoryLogger();
    const result = await moveDeskToPostgres({
      sqlitePath: fixture.dbPath,
      target: target.url,
      logger: log,
      batchRows: 2, // every table crosses batch edges
    });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    expect(sha256(fixture.dbPath)).toBe(fileHash);
    const report = result.data;
    const rows = Object.fromEntries(report.tables.map((t) => [t.table, t.rows]));
    expect(report.tables.map((t) => t.table).sort()).toEqual(
      [
        'agent_events',
        'agent_skills',
        'agents',
        'case_events',
        'cases',
        'categories',
        'customers',
        'intake_keys',
        'settings',
        'sign_in_throttle',
      ].sort(),
    );
    // Parents first: categories before cases (SQLite made them later), cases before their events.
    const at = (table: string) => report.tables.findIndex((t) => t.table === table);
    expect(at('categories')).toBeLessThan(at('cases'));
    expect(at('customers')).toBeLessThan(at('cases'));
    expect(at('cases')).toBeLessThan(at('case_events'));
    // A table a later migration added (the intake keys) moves with no change to the move.
    expect(at('cases')).toBeLessThan(at('intake_keys'));
    expect(rows).toMatchObject({
      agents: 4,
      categories: 3,
      customers: 3,
      cases: 7,
      sign_in_throttle: 1,
      intake_keys: 1,
    });
    expect(report.derived).toEqual([{ table: 'cases_fts', rows: 7 }]);
    // The file's clean-shutdown marker names the file: it stays behind.
    expect(report.skipped).toEqual([{ table: 'settings', rows: 1 }]);
    expect(report.rows).toBe(report.tables.reduce((sum, t) => sum + t.rows, 0));
    expect(log.entries.map((e) => e.message)).toContain('Desk moved to PostgreSQL');

    // Every table holds exactly the file's rows (the marker aside), value for value.
    const file = new Database(fixture.dbPath, { readonly: true, fileMustExist: true });
    const client = await connect(target.url);
    try {
      for (const { table } of report.tables) {
        // Each table's own key (the tables without an id are keyed by their first column).
        const order =
          ({ settings: 'key', sign_in_throttle: 'target', intake_keys: 'intake_key' } as const)[table] ??
          'id';
        const sqlite = file
          .prepare(
            `SELECT * FROM ${table} ${table === 'settings' ? `WHERE key <> 'desk_shutdown'` : ''} ORDER BY ${order}`,
          )
          .all();
        const postgres = (await client.query(`SELECT * FROM ${table} ORDER BY ${order}`)).rows;
        expect(postgres, table).toEqual(sqlite);
      }
    } finally {
      file.close();
    }

    // The core on both: the original desk (a copy of the file) and the moved one.
    const clock = new TestClock(fixture.at);
    const copy = copyOfDesk(fixture);
    const onSqlite = await openTempCore({ dir: copy.dir, clock });
    cleanups.push(() => onSqlite.close());
    const pgLog = createMemoryLogger();
    const bare: Core = await openCore({ databaseUrl: target.url, now: clock.now, logger: pgLog });
    cleanups.push(() => bare.close());
    // The supervisor passcode moved with the desk: Admin opens with it, and not without.
    const stranger = await bare.dispatch(
      'auth.unlock',
      { passcode: 'not-the-passcode' },
      { session: bare.openSession() },
    );
    expect(stranger.ok).toBe(false);
    const onPostgres = await asSupervisor(bare, TEST_PASSCODE);
    expect(await deskView(onPostgres)).toEqual(await deskView(onSqlite));

    // The same calls on both give the same answers: fresh ids past the copied ones (the
    // sequences moved), the same assignments (the queue's order, skills, free-since).
    const both = async <C extends ChannelName>(channel: C, input: unknown) => {
      clock.advance();
      const [a, b] = [await call(onSqlite, channel, input), await call(onPostgres, channel, input)];
      expect(b, channel).toEqual(a);
      return b;
    };
    const walkIn = await both('cases.create', {
      customer: { name: 'Second Walk-in', email: 'walk-in@example.com' },
      orderNumber: 'SO-77',
      product: 'Toaster',
      reason: 'other',
    });
    expect(walkIn.id).toBe(8);
    expect(walkIn.customerId).toBe(4);
    expect(walkIn.status).toBe('queued');
    const eve = await both('agents.create', { name: 'Eve', pin: '2468' });
    expect(eve.id).toBe(5);
    const held = (await call(onPostgres, 'cases.active')).cases.find(
      (c) => c.status === 'assigned' && c.agentId === fixture.agents.ana,
    );
    const resolved = await both('cases.resolve', {
      id: held!.id,
      agentId: fixture.agents.ana,
      outcome: 'repair',
    });
    expect(resolved.next).not.toBeNull();
    await both('agents.setOnDuty', { id: fixture.agents.dee, onDuty: true });
    expect(await deskView(onPostgres)).toEqual(await deskView(onSqlite));
    expect(await findInvariantViolationsBy(async (sql) => (await client.query(sql)).rows)).toEqual([]);
    // An agent signs in on PostgreSQL with the PIN set on SQLite.
    const signIn = await bare.dispatch(
      'auth.signIn',
      { agentId: fixture.agents.ben, pin: '1234' },
      { session: bare.openSession() },
    );
    expect(signIn.ok).toBe(true);
    pgLog.assertNoUnexpectedErrors();
  });

  it('refuses a database that already holds a desk, and writes nothing', async () => {
    const target = await database();
    // A counter opened on the database and set a passcode: one settings row.
    const counter = await asSupervisor(
      await openCore({ databaseUrl: target.url, logger: createMemoryLogger() }),
    );
    await counter.close();
    const client = await connect(target.url);
    const before = await rowCounts(client);
    expect(before).toEqual({ settings: 1 });

    const error = failure(await moveDeskToPostgres({ sqlitePath: fixture.dbPath, target: target.url }));
    expect(error).toEqual({ kind: 'target-not-empty', tables: [{ table: 'settings', rows: 1 }] });
    expect(await rowCounts(client)).toEqual(before);
    expect(await sequencesUntouched(client)).toBe(true);
    expect(sha256(fixture.dbPath)).toBe(fileHash);

    // A desk moved once is not moved twice on top of itself.
    const second = await database();
    expect((await moveDeskToPostgres({ sqlitePath: fixture.dbPath, target: second.url })).ok).toBe(true);
    const moved = await rowCounts(await connect(second.url));
    const again = failure(await moveDeskToPostgres({ sqlitePath: fixture.dbPath, target: second.url }));
    expect(again.kind).toBe('target-not-empty');
    expect(await rowCounts(await connect(second.url))).toEqual(moved);
  });

  it("waits for the desk's write lock, then sees what a counter committed meanwhile", async () => {
    const target = await database();
    await runPostgresMigrations(target.url);
    // A counter's write in progress on the database: the desk's lock held, a row not committed.
    const counter = await connect(target.url);
    await counter.query('BEGIN');
    await counter.query('SELECT pg_advisory_xact_lock($1, $2)', [DESK_LOCK_CLASS, WRITE_LOCK_ID]);
    await counter.query(
      `INSERT INTO settings (key, value, updated_at) VALUES ('language', '"es"', '2026-03-02T09:00:00.000Z')`,
    );
    const moving = moveDeskToPostgres({ sqlitePath: fixture.dbPath, target: target.url });
    let settled = false;
    void moving.finally(() => (settled = true));
    const observer = await connect(target.url);
    // A hang guard, not a timing claim: until the move waits for the lock (or has finished).
    let waited = false;
    for (let i = 0; i < 6000 && !waited && !settled; i++) {
      const { rows } = await observer.query<{ n: number }>(
        `SELECT count(*) AS n FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'ReturnDesk move'
           AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
      );
      waited = rows[0]!.n > 0;
      if (!waited) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    expect(waited).toBe(true);
    await counter.query('COMMIT');
    // Checked once the lock was its own: the database is no longer empty.
    expect(failure(await moving)).toEqual({
      kind: 'target-not-empty',
      tables: [{ table: 'settings', rows: 1 }],
    });
    expect(await rowCounts(observer)).toEqual({ settings: 1 });
  });

  it('rolls everything back when PostgreSQL refuses a row mid-copy', async () => {
    const target = await database();
    await runPostgresMigrations(target.url);
    const client = await connect(target.url);
    // The timeline is copied after agents, customers, categories and cases: refuse its 5th row.
    await client.query(`
      CREATE FUNCTION refuse_fifth() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'poisoned event %', NEW.id; END $$`);
    await client.query(
      `CREATE TRIGGER poisoned BEFORE INSERT ON case_events FOR EACH ROW WHEN (NEW.id = 5) EXECUTE FUNCTION refuse_fifth()`,
    );
    const result = await moveDeskToPostgres({
      sqlitePath: fixture.dbPath,
      target: target.url,
      batchRows: 2,
    });
    expect(failure(result)).toEqual({
      kind: 'copy-failed',
      table: 'case_events',
      message: 'poisoned event 5',
    });
    expect(await rowCounts(client)).toEqual({});
    expect(await sequencesUntouched(client)).toBe(true);
    expect(sha256(fixture.dbPath)).toBe(fileHash);
  });

  it('rolls back a copy that does not match, with no error from PostgreSQL: a row lost, an invariant broken', async () => {
    // A trigger that drops a row silently (BEFORE INSERT returning NULL): the counts differ.
    const lossy = await database();
    await runPostgresMigrations(lossy.url);
    const client = await connect(lossy.url);
    await client.query(`
      CREATE FUNCTION drop_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NULL; END $$`);
    await client.query(
      `CREATE TRIGGER lossy BEFORE INSERT ON agent_skills FOR EACH ROW WHEN (NEW.id = 1) EXECUTE FUNCTION drop_row()`,
    );
    expect(failure(await moveDeskToPostgres({ sqlitePath: fixture.dbPath, target: lossy.url }))).toEqual({
      kind: 'count-mismatch',
      table: 'agent_skills',
      sqlite: 1,
      postgres: 0,
    });
    expect(await rowCounts(client)).toEqual({});
    expect(await sequencesUntouched(client)).toBe(true);

    // A trigger that rewrites a cancellation as a resolution: same counts, a timeline that
    // no longer ends in its case's state (invariant 6).
    const rewritten = await database();
    await runPostgresMigrations(rewritten.url);
    const other = await connect(rewritten.url);
    await other.query(`
      CREATE FUNCTION rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN NEW.type := 'resolved'; RETURN NEW; END $$`);
    await other.query(
      `CREATE TRIGGER rewrite BEFORE INSERT ON case_events FOR EACH ROW WHEN (NEW.type = 'cancelled') EXECUTE FUNCTION rewrite()`,
    );
    const error = failure(await moveDeskToPostgres({ sqlitePath: fixture.dbPath, target: rewritten.url }));
    expect(error).toEqual({
      kind: 'invariants',
      side: 'postgres',
      violations: ['6: case 3 is cancelled but its last event is resolved'],
    });
    expect(await rowCounts(other)).toEqual({});
    expect(await sequencesUntouched(other)).toBe(true);
    expect(sha256(fixture.dbPath)).toBe(fileHash);
  });

  it('rolls back a row PostgreSQL cannot hold, and leaves that file as it was too', async () => {
    const poisoned = copyOfDesk(fixture);
    // SQLite does not enforce VARCHAR lengths; PostgreSQL does (160 for a product).
    const raw = new Database(poisoned.dbPath, { fileMustExist: true });
    raw.prepare(`UPDATE cases SET product = ? WHERE id = 3`).run('x'.repeat(200));
    raw.close();
    const hash = sha256(poisoned.dbPath);
    const target = await database();
    const error = failure(await moveDeskToPostgres({ sqlitePath: poisoned.dbPath, target: target.url }));
    expect(error).toMatchObject({ kind: 'copy-failed', table: 'cases' });
    expect(error.kind === 'copy-failed' && error.message).toMatch(/too long/);
    const client = await connect(target.url);
    expect(await rowCounts(client)).toEqual({});
    expect(await sequencesUntouched(client)).toBe(true);
    expect(sha256(poisoned.dbPath)).toBe(hash);
  });

  it('refuses a file at another migration level before touching the database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'returndesk-move-old-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dbPath = join(dir, 'old.sqlite');
    await (await openDatabase({ dbPath, migrations: MIGRATIONS.slice(0, 3) })).destroy();
    const hash = sha256(dbPath);
    const target = await database();
    const error = failure(await moveDeskToPostgres({ sqlitePath: dbPath, target: target.url }));
    expect(error).toMatchObject({ kind: 'source-migrations', found: expect.any(Array) });
    expect(error.kind === 'source-migrations' && error.found.length).toBe(3);
    const client = await connect(target.url);
    const migrated = await client.query(`SELECT to_regclass('schema_migrations') AS t`);
    expect(migrated.rows[0]).toEqual({ t: null });
    expect(sha256(dbPath)).toBe(hash);

    const missing = failure(
      await moveDeskToPostgres({ sqlitePath: join(dir, 'nowhere.sqlite'), target: target.url }),
    );
    expect(missing.kind).toBe('source-unreadable');
  });

  it('takes its columns from the two schemas: a new one is copied, one PostgreSQL lacks is refused', async () => {
    const desk = copyOfDesk(fixture);
    const raw = new Database(desk.dbPath, { fileMustExist: true });
    raw.exec(`ALTER TABLE customers ADD COLUMN loyalty_tier TEXT`);
    raw.exec(`UPDATE customers SET loyalty_tier = 'gold' WHERE id = 2`);
    raw.close();

    // The database lacks it: refused, naming the table and column.
    const lacking = await database();
    const error = failure(await moveDeskToPostgres({ sqlitePath: desk.dbPath, target: lacking.url }));
    expect(error).toEqual({ kind: 'schema-mismatch', table: 'customers', column: 'loyalty_tier' });
    expect(await rowCounts(await connect(lacking.url))).toEqual({});

    // Both have it (a future migration): copied with no change to the move.
    const target = await database();
    await runPostgresMigrations(target.url);
    const client = await connect(target.url);
    await client.query(`ALTER TABLE customers ADD COLUMN loyalty_tier TEXT`);
    const result = await moveDeskToPostgres({ sqlitePath: desk.dbPath, target: target.url });
    expect(result.ok).toBe(true);
    const tiers = await client.query('SELECT id, loyalty_tier FROM customers ORDER BY id');
    expect(tiers.rows).toEqual([
      { id: 1, loyalty_tier: null },
      { id: 2, loyalty_tier: 'gold' },
      { id: 3, loyalty_tier: null },
    ]);
  });
});
