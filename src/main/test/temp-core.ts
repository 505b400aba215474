import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asSupervisor, TOOLS_PASSCODE } from './as-supervisor';
import { cheapHashesForTests } from '../auth/secrets';
import { openCore, type Core, type CoreOptions } from '../core';
import type { SqlDialect, SqlReader } from '../db/sql-driver';
import { SqliteDriver } from '../db/sqlite-driver';
import { openDatabase } from '../db/open-database';
import { markClosed } from '../db/shutdown-marker';
import { contentTables, rowsSql } from '../reliability/sql-dump';
import type { ChannelName, ChannelOutput } from '../../shared/contract';
import { createMemoryLogger, type MemoryLogger } from '../log/memory-logger';
import { prepared } from './invariants';
import pg from 'pg';
import { numberTypes, PgDriver } from '../db/postgres/pg-driver';

/**
 * A connection of the test's own to a PostgreSQL test desk, typed as the driver's rows are.
 * `end()` resolves before its connection has finished closing, so the `DROP DATABASE … WITH
 * (FORCE)` of `dispose()` may end it on the server first: the pool then emits an error, which
 * without a listener is an uncaught one. A query's own error still rejects that query.
 */
const inspector = (url: string) => {
  const pool = new pg.Pool({ connectionString: url, max: 1, types: numberTypes() });
  pool.on('error', () => undefined);
  return pool;
};

/**
 * Each table of a PostgreSQL desk's schema, in name order, with its primary key's columns
 * (none: ordered by the whole row).
 */
const PG_TABLES = `
  SELECT c.relname AS name,
         string_agg(quote_ident(a.attname), ', ' ORDER BY k.ord) AS pk
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pg_index i ON i.indrelid = c.oid AND i.indisprimary
  LEFT JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON TRUE
  LEFT JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
  WHERE c.relkind = 'r' AND n.nspname = current_schema()
  GROUP BY c.relname
  ORDER BY c.relname COLLATE "C"`;

async function pgSnapshot(reader: pg.Pool): Promise<string> {
  const tables = (await reader.query<{ name: string; pk: string | null }>(PG_TABLES)).rows;
  const content: [string, unknown[]][] = [];
  for (const { name, pk } of tables) {
    const quoted = `"${name.replace(/"/g, '""')}"`;
    const rows = await reader.query(`SELECT * FROM ${quoted} t ORDER BY ${pk ?? 't::text COLLATE "C"'}`);
    content.push([name, rows.rows]);
  }
  return JSON.stringify(content);
}

/** A controllable clock: starts at a fixed instant and moves only when told. */
export class TestClock {
  private ms: number;
  constructor(start = Date.parse('2026-03-02T09:00:00.000Z')) {
    this.ms = start;
  }
  now = (): Date => new Date(this.ms);
  advance(ms = 1000): void {
    this.ms += ms;
  }
}

export interface TempCore extends Core {
  dbPath: string;
  /** On PostgreSQL (`testDriver()`), the test database's URL; null on SQLite. */
  databaseUrl: string | null;
  dir: string;
  clock: TestClock;
  /**
   * What the core logged. `dispose()` fails the test on an error-level entry it did not
   * expect (`log.expectError(/pattern/)`): a swallowed error cannot hide in a green run.
   */
  log: MemoryLogger;
  /** Dispatches and returns the data, failing the test on any error result. */
  ok<C extends ChannelName>(channel: C, input?: unknown): Promise<ChannelOutput<C>>;
  /**
   * Rows of a query on the desk's database, read directly (not through the core), on either
   * engine: numbers as numbers, booleans as 1/0. For checks that hold on both drivers.
   */
  query<T = Record<string, unknown>>(sql: string): Promise<T[]>;
  /**
   * Runs statements on the desk's database behind the core's back, on either engine: a
   * hand-edited file (SQLite) or a change by hand on the server (PostgreSQL).
   */
  tamper(sql: string): Promise<void>;
  /**
   * Every row of every table, as one comparable string, on either engine: for "nothing
   * changed" checks. On SQLite exactly `contentHash()`; on PostgreSQL every table of the
   * desk's schema (the search table and the migrations' own included), each in primary-key
   * order, each value as the driver reads it.
   */
  snapshot(): Promise<string>;
  /**
   * Statements on the desk's database through the engine's own driver, on a connection of the
   * test's own (not the core's), in one read: to run a repository directly, on either engine.
   */
  read<T>(fn: (sql: SqlReader) => Promise<T>): Promise<T>;
  /** A read-only second connection to the same file, to look at rows directly (SQLite only). */
  inspect(): Database.Database;
  /** Every row of every table, as one comparable string (byte-for-byte content check). */
  contentHash(): string;
  /** Every file an export handed to the save port (the app's save dialog), oldest first. */
  saved: { name: string; content: Uint8Array }[];
  /** Every slip sent to the printer port: `silent` when it went straight to the default printer. */
  printed: { silent: boolean }[];
  /** Closes the core, deletes its folder, and fails on unexpected error-level log entries. */
  dispose(): Promise<void>;
}

export const TEST_PASSCODE = TOOLS_PASSCODE;

/**
 * Which engine the temp cores run on: SQLite unless the test project says otherwise
 * (`RETURNDESK_TEST_DRIVER=postgres`, set by vitest.postgres.config.mts for the core suites
 * it runs a second time on the private cluster).
 */
export function testDriver(): SqlDialect {
  return process.env.RETURNDESK_TEST_DRIVER === 'postgres' ? 'postgres' : 'sqlite';
}

/**
 * The core on a fresh PostgreSQL database of its own: `CREATE DATABASE … TEMPLATE` of the
 * cluster's migrated new desk (scripts/pg-global-setup.ts), dropped by `dispose()`. The
 * SQLite file's inspection (`inspect`, `contentHash`) is not there: a test that needs it is a
 * SQLite-file test.
 */
/** A temp core's Admin stays unlocked unless a test sets an idle time. */
const YEAR_MS = 365 * 24 * 3600 * 1000;

/** The save dialog and the printer as a test core has them: each records what it was given. */
function recordingPorts(dir: string) {
  const saved: TempCore['saved'] = [];
  const printed: TempCore['printed'] = [];
  const ports = {
    // As if the person chose the suggested name in the save dialog; nothing is written.
    saveFile: async (name, content) => {
      saved.push({ name, content });
      return { saved: true, path: join(dir, name) };
    },
    // As if the print went through and the window made a (tiny) PDF.
    printer: {
      print: async ({ silent }) => {
        printed.push({ silent });
        return { printed: true, reason: null };
      },
      pdf: async () => new TextEncoder().encode(TEST_PDF),
    },
  } satisfies Pick<CoreOptions, 'saveFile' | 'printer'>;
  return { saved, printed, ports };
}

async function openTempPgCore(options: TempCoreOptions): Promise<TempCore> {
  cheapHashesForTests(2);
  const { createTestDatabase } = await import('../db/postgres/test-database');
  const database = await createTestDatabase({ fromTemplate: true });
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-test-'));
  const clock = options.clock ?? new TestClock();
  const log = createMemoryLogger();
  const { saved, printed, ports } = recordingPorts(dir);
  const core = await openCore({
    ...ports,
    databaseUrl: database.url,
    now: clock.now,
    logger: log,
    supervisorIdleMs: options.supervisorIdleMs ?? YEAR_MS,
  });
  const supervised = await asSupervisor(core, TEST_PASSCODE);
  const dispatch = supervised.dispatch;
  let reader: pg.Pool | undefined;
  let disposed = false;
  const sqliteOnly = (): never => {
    throw new Error('This test core is on PostgreSQL: inspecting the SQLite file is SQLite-only.');
  };
  return {
    ...core,
    dispatch,
    dbPath: '',
    databaseUrl: database.url,
    dir,
    clock,
    log,
    saved,
    printed,
    async ok(channel, input) {
      const result = await dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    query: async <T>(sql: string) => (await (reader ??= inspector(database.url)).query(sql)).rows as T[],
    snapshot: () => pgSnapshot((reader ??= inspector(database.url))),
    async tamper(sql) {
      await (reader ??= inspector(database.url)).query(sql);
    },
    async read(fn) {
      const driver = new PgDriver({ connection: database.url, pool: { max: 1 } });
      try {
        return await driver.read(fn);
      } finally {
        await driver.close();
      }
    },
    inspect: sqliteOnly,
    contentHash: sqliteOnly,
    async dispose() {
      if (disposed) return;
      disposed = true;
      await reader?.end();
      await core.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
      log.assertNoUnexpectedErrors();
    },
  };
}
/** What the temp core's printer port answers for a PDF of the window. */
export const TEST_PDF = '%PDF-1.4 test slip';

export interface TempCoreOptions {
  clock?: TestClock;
  dir?: string;
  /** Defaults to a year: most tests are not about Admin locking itself. */
  supervisorIdleMs?: number;
  /** Admin → Database's shell (default: the core's own, which refuses changes). */
  databasePort?: CoreOptions['databasePort'];
}

/**
 * A new desk's file, made once per test process by the real migrations (the same
 * `openDatabase` a new desk runs): each temp core starts from a copy of it instead of
 * migrating again. Hundreds of cores per run each ran every migration in its own
 * transaction before; the migrations themselves stay tested where they are the subject
 * (db/migrations.test.ts, log-privacy.test.ts, core.integrity.test.ts open new desks through
 * `openCore`).
 */
let migratedTemplate: Promise<string> | null = null;
function newDeskTemplate(): Promise<string> {
  migratedTemplate ??= (async () => {
    const dir = mkdtempSync(join(tmpdir(), 'returndesk-template-'));
    const path = join(dir, 'new-desk.sqlite');
    const dataSource = await openDatabase({ dbPath: path });
    await dataSource.destroy(); // the last connection: checkpointed, no -wal left beside it
    process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
    return path;
  })();
  return migratedTemplate;
}

/**
 * A copy of the migrated new desk at `dbPath`, marked as closed cleanly there (as a desk the
 * app closed), so the core opens it without the whole-file check a file of unknown history gets.
 */
async function copyNewDesk(dbPath: string, now: Date): Promise<void> {
  copyFileSync(await newDeskTemplate(), dbPath);
  const db = new Database(dbPath, { fileMustExist: true });
  try {
    markClosed(db, dbPath, now);
  } finally {
    db.close();
  }
}

/**
 * Opens the real core on a fresh SQLite file in a temp folder (a copy of a migrated new desk;
 * an existing file at the path, as when a test reopens its folder, is opened as it is); `dispatch` and
 * `ok` act as an unlocked supervisor unless given another session.
 */
export async function openTempCore(options: TempCoreOptions = {}): Promise<TempCore> {
  if (testDriver() === 'postgres' && !options.dir) return openTempPgCore(options);
  // Hundreds of PINs per run in some tests: the hash's cost is not what they are about (the
  // app's parameters are pinned by secrets.test.ts). scrypt's smallest work factor.
  cheapHashesForTests(2);
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'returndesk-test-'));
  const dbPath = join(dir, 'desk.sqlite');
  const clock = options.clock ?? new TestClock();
  const log = createMemoryLogger();
  const { saved, printed, ports } = recordingPorts(dir);
  if (!existsSync(dbPath)) await copyNewDesk(dbPath, clock.now());
  const core = await openCore({
    ...ports,
    dbPath,
    now: clock.now,
    logger: log,
    supervisorIdleMs: options.supervisorIdleMs ?? YEAR_MS,
    ...(options.databasePort && { databasePort: options.databasePort }),
  });
  const supervised = await asSupervisor(core, TEST_PASSCODE);
  const dispatch = supervised.dispatch;
  let reader: Database.Database | null = null;
  const inspect = () => (reader ??= new Database(dbPath, { readonly: true, fileMustExist: true }));
  const contentHash = () => {
    const db = inspect();
    return JSON.stringify(contentTables(db).map((name) => [name, db.prepare(rowsSql(name)).all()]));
  };
  return {
    ...core,
    dispatch,
    dbPath,
    databaseUrl: null,
    dir,
    clock,
    log,
    saved,
    printed,
    async ok(channel, input) {
      const result = await dispatch(channel, input);
      if (!result.ok) throw new Error(`${channel} failed: ${JSON.stringify(result.error)}`);
      return result.data;
    },
    inspect,
    query: async <T>(sql: string) => prepared(inspect(), sql).all() as T[],
    contentHash,
    snapshot: async () => contentHash(),
    async tamper(sql) {
      const db = new Database(dbPath, { fileMustExist: true });
      try {
        db.exec(sql);
      } finally {
        db.close();
      }
    },
    read: (fn) => new SqliteDriver(inspect()).read(fn),
    async dispose() {
      reader?.close();
      await core.close();
      rmSync(dir, { recursive: true, force: true });
      log.assertNoUnexpectedErrors();
    },
  };
}
