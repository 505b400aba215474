import 'reflect-metadata';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource, type Driver } from 'typeorm';
import type { BetterSqlite3Driver } from 'typeorm/driver/better-sqlite3/BetterSqlite3Driver.js';
import { startBackgroundCheck } from './background-check';
import { assertDatabaseFileUsable, DatabaseOpenError, type DatabaseFileReport } from './database-file';
import { MIGRATIONS } from './migrations';
import type { Logger } from '../log/logger';
import { markOpen } from './shutdown-marker';

export interface OpenDatabaseOptions {
  dbPath: string;
  /** Benchmarks only: `NORMAL` measures the write path without the commit's fsync. */
  synchronous?: Synchronous;
  /** Tests only (migrations.test.ts): build a database at an older schema. */
  migrations?: typeof MIGRATIONS;
  /** The integrity check's outcome and the migrations run are logged. */
  logger?: Logger;
  /**
   * The desk's own open (the core): the whole-file check runs only after an unclean
   * shutdown (see shutdown-marker.ts), and the file is marked 'open' before anything
   * else writes to it. Without it the whole file is checked every time.
   */
  trackShutdown?: boolean;
  /** The clock of the marker's `updated_at` (the core's). */
  now?: () => Date;
  /**
   * With `trackShutdown`: called when the file was not closed cleanly and its
   * whole-file check starts (in a worker thread, so the shell can say the desk is
   * checking while it runs). Nothing writes to the file before the check passes.
   */
  onFullCheck?: () => void;
}

export type Synchronous = 'FULL' | 'NORMAL';

/** The pragmas every connection runs with; exported so benchmarks use the same. */
export function applyPragmas(db: BetterSqlite3.Database, synchronous: Synchronous = 'FULL'): void {
  db.pragma('journal_mode = WAL');
  // WAL defaults to NORMAL in better-sqlite3's build: FULL makes a commit durable on power loss.
  db.pragma(`synchronous = ${synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens the SQLite file through TypeORM and brings its schema to head with the
 * checked-in migrations (never `synchronize`). A damaged, foreign, newer or
 * unreadable file is refused with a `DatabaseOpenError` before anything writes to it.
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DataSource> {
  return (await openCheckedDatabase(options)).dataSource;
}

/** `openDatabase`, also saying what the file check found (and whether the whole file was read). */
export async function openCheckedDatabase(
  options: OpenDatabaseOptions,
): Promise<{ dataSource: DataSource; fileCheck: DatabaseFileReport }> {
  const fileCheck = await checkFile(options);
  options.logger?.info('database file checked', {
    quickCheck:
      fileCheck.kind === 'missing' ? 'new desk' : fileCheck.fullCheck ? 'ok' : 'deferred (clean shutdown)',
  });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.dbPath,
    timeout: 5000,
    prepareDatabase: (db: BetterSqlite3.Database) => applyPragmas(db, options.synchronous),
    migrations: options.migrations ?? MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    // 'open' before the migrations write (a desk that has its settings table), and after them (a new desk).
    const marked =
      options.trackShutdown && markOpen(rawConnection(dataSource), options.dbPath, options.now?.());
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    options.logger?.info('migrations run', { count: ran.length, names: ran.map((m) => m.name).join(',') });
    if (options.trackShutdown && !marked)
      markOpen(rawConnection(dataSource), options.dbPath, options.now?.());
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return { dataSource, fileCheck };
}

/**
 * The file check before anything writes. The desk's own open reads the whole
 * file only after an unclean shutdown, and then in a worker thread (the main
 * thread stays free to show that the desk is checking); should the worker fail
 * to run, the check runs here instead. Throws `DatabaseOpenError`.
 */
async function checkFile(options: OpenDatabaseOptions): Promise<DatabaseFileReport> {
  if (!options.trackShutdown) return assertDatabaseFileUsable(options.dbPath, { fullCheck: 'always' });
  const found = assertDatabaseFileUsable(options.dbPath, { fullCheck: 'after-unclean-shutdown-off-thread' });
  if (!found.fullCheckDue) return found;
  options.onFullCheck?.();
  const checked = await startBackgroundCheck(options.dbPath, undefined, { readonly: false }).result;
  if (!checked.fullCheck) return assertDatabaseFileUsable(options.dbPath, { fullCheck: 'always' });
  if (checked.kind !== 'ok')
    throw new DatabaseOpenError(
      checked.kind === 'corrupt' ? 'corrupt' : 'unreadable',
      checked.message,
      options.dbPath,
    );
  return checked;
}

export function rawConnection(dataSource: DataSource): BetterSqlite3.Database {
  const driver = dataSource.driver;
  if (!isBetterSqlite3(driver)) throw new Error('The desk runs on the better-sqlite3 driver.');
  // TypeORM types the connection `any`: this is where it becomes better-sqlite3's own type.
  const connection: BetterSqlite3.Database = driver.databaseConnection;
  return connection;
}

function isBetterSqlite3(driver: Driver): driver is BetterSqlite3Driver {
  return driver.options.type === 'better-sqlite3';
}
