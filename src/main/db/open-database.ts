import 'reflect-metadata';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { assertDatabaseFileUsable } from './database-file';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';
import type { Logger } from '../log/logger';

export interface OpenDatabaseOptions {
  dbPath: string;
  /** Benchmarks only: `NORMAL` measures the write path without the commit's fsync. */
  synchronous?: Synchronous;
  /** Tests only (migrations.test.ts): build a database at an older schema. */
  migrations?: typeof MIGRATIONS;
  /** The integrity check's outcome and the migrations run are logged. */
  logger?: Logger;
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
  const found = assertDatabaseFileUsable(options.dbPath);
  options.logger?.info('database file checked', { quickCheck: found === 'ok' ? 'ok' : 'new desk' });
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.dbPath,
    timeout: 5000,
    prepareDatabase: (db: BetterSqlite3.Database) => applyPragmas(db, options.synchronous),
    entities: ENTITIES,
    migrations: options.migrations ?? MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    const ran = await dataSource.runMigrations({ transaction: 'each' });
    options.logger?.info('migrations run', { count: ran.length, names: ran.map((m) => m.name).join(',') });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

export function rawConnection(dataSource: DataSource): BetterSqlite3.Database {
  return (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
}
