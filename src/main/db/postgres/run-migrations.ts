import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { connectionOf, pgConfig, type PgTarget } from './connection';
import { PG_MIGRATIONS } from './migrations';
import { DESK_LOCK_CLASS, MIGRATION_LOCK_ID } from './pg-driver';

export interface PostgresMigrationOptions {
  /** Tests only: a shorter list, to build a database at an older schema. */
  migrations?: typeof PG_MIGRATIONS;
}

/**
 * Brings a PostgreSQL desk's schema to head with TypeORM (as on SQLite: checked-in
 * migrations, never `synchronize`, each migration in its own transaction) and returns the
 * names of the migrations it ran.
 *
 * Four workstations may start at once against an empty database. Each first takes a
 * session-level `pg_advisory_lock(<desk>, <migrations>)` on a connection of its own and
 * holds it until its migrations are done: the first to get it migrates, the others wait,
 * then find every migration applied and run none. (A session lock rather than a
 * transaction's: TypeORM commits each migration on its own, and the lock must span them
 * all. Should the process die, the server ends its session and with it the lock.)
 */
export async function runPostgresMigrations(
  target: PgTarget,
  options: PostgresMigrationOptions = {},
): Promise<string[]> {
  const config = pgConfig(connectionOf(target));
  const lock = new pg.Client({ ...config, application_name: 'ReturnDesk migrations' });
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock($1, $2)', [DESK_LOCK_CLASS, MIGRATION_LOCK_ID]);
    const dataSource = new DataSource({
      type: 'postgres',
      // Field by field, as the driver connects (connection.ts): the TLS mode chosen is the one used.
      host: config.host,
      port: config.port,
      database: config.database,
      username: config.user,
      password: config.password,
      ssl: config.ssl,
      migrations: options.migrations ?? PG_MIGRATIONS,
      migrationsTableName: 'schema_migrations',
      synchronize: false,
      logging: false,
      poolSize: 1,
      applicationName: 'ReturnDesk migrations',
    });
    await dataSource.initialize();
    try {
      const ran = await dataSource.runMigrations({ transaction: 'each' });
      return ran.map((migration) => migration.name);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    // Ending the session releases the lock too; unlocking first lets the next runner go
    // without waiting for the disconnect to be noticed.
    await lock
      .query('SELECT pg_advisory_unlock($1, $2)', [DESK_LOCK_CLASS, MIGRATION_LOCK_ID])
      .catch(() => {});
    await lock.end();
  }
}
