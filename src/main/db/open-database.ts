import 'reflect-metadata';
import type BetterSqlite3 from 'better-sqlite3';
import { DataSource } from 'typeorm';
import { ENTITIES } from './entities';
import { MIGRATIONS } from './migrations';

export interface OpenDatabaseOptions {
  dbPath: string;
  /** Path to a better_sqlite3.node built for the running runtime (Electron's ABI). */
  nativeBinding?: string;
}

/** The pragmas every connection runs with; exported so benchmarks use the same. */
export function applyPragmas(db: BetterSqlite3.Database): void {
  db.pragma('journal_mode = WAL');
  // WAL defaults to NORMAL in better-sqlite3's build: FULL makes a commit durable on power loss.
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
}

/**
 * Opens the SQLite file through TypeORM and brings its schema to head with the
 * checked-in migrations (never `synchronize`).
 */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DataSource> {
  const dataSource = new DataSource({
    type: 'better-sqlite3',
    database: options.dbPath,
    nativeBinding: options.nativeBinding,
    timeout: 5000,
    prepareDatabase: applyPragmas,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    synchronize: false,
    logging: false,
  });
  await dataSource.initialize();
  try {
    await dataSource.runMigrations({ transaction: 'each' });
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

export function rawConnection(dataSource: DataSource): BetterSqlite3.Database {
  return (dataSource.driver as unknown as { databaseConnection: BetterSqlite3.Database }).databaseConnection;
}
