// globalSetup of the PostgreSQL tests (vitest.postgres.config.mts): one private cluster for
// the whole run (scripts/pg-cluster.ts), its URL given to the tests as `inject('pgUrl')`,
// stopped and removed when the run ends. Without PostgreSQL the run fails here, saying so.
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { runPostgresMigrations } from '../src/main/db/postgres/run-migrations';
import { startPgCluster } from './pg-cluster';
import { testTempDirs } from './test-temp-dir';
// `pgUrl`'s type (ProvidedContext) is declared beside its reader, src/main/db/postgres/test-database.ts.

export default async function setup(project: TestProject): Promise<() => void> {
  // RAM-backed where there is room, as the SQLite tests' files (scripts/test-temp-dir.ts).
  const cluster = await startPgCluster({ parentDir: testTempDirs().TMPDIR });
  console.log(
    `PostgreSQL ${cluster.version}: private cluster on 127.0.0.1:${cluster.port}, up in ${cluster.startMs} ms` +
      (cluster.initdb ? ' (initdb included: later runs copy its template)' : ''),
  );
  project.provide('pgUrl', cluster.url);
  project.provide('pgTemplate', await migratedTemplate(cluster.url));
  return () => cluster.stop();
}

/**
 * A new desk at the head migration, made once per run: each test core on PostgreSQL starts
 * from a `CREATE DATABASE … TEMPLATE` copy of it instead of migrating again (as the SQLite
 * temp cores copy a migrated file).
 */
async function migratedTemplate(url: string): Promise<string> {
  const name = 'desk_template';
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const templateUrl = new URL(url);
  templateUrl.pathname = `/${name}`;
  await runPostgresMigrations(templateUrl.href);
  return name;
}
