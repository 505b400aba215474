// globalSetup of the PostgreSQL tests (vitest.postgres.config.mts): one private cluster for
// the whole run (scripts/pg-cluster.ts), its URL given to the tests as `inject('pgUrl')`,
// stopped and removed when the run ends. Without PostgreSQL the run fails here, saying so.
import type { TestProject } from 'vitest/node';
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
  return () => cluster.stop();
}
