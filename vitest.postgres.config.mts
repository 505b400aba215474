import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFilesReporter } from './scripts/slowest-files-reporter';
import { testTempDirs } from './scripts/test-temp-dir';

// The PostgreSQL tests (issue 16): `npm run test:postgres`. Files named *.pg.test.ts, run
// against a private cluster that globalSetup starts (scripts/pg-cluster.ts) and stops.
// `npm test` leaves them out and needs no PostgreSQL.
/**
 * The driver-independent core suites, run a second time on PostgreSQL (issue 16). Left out:
 * the SQLite file's own suites (backup, restore, reopen, crash, open-safely, integrity,
 * migrations' fixtures, the renderer's component tests) and any listed in
 * docs/ARCHITECTURE.md ("PostgreSQL") as not yet passing.
 */
const CORE_SUITES = ['src/main/engine/engine.model.test.ts'];

export default defineConfig({
  test: {
    reporters: ['default', new SlowestFilesReporter(10)],
    // As npm test: a worker per core at least two. The tests mostly wait on the server.
    maxWorkers: Math.max(2, availableParallelism()),
    projects: [
      {
        test: {
          name: 'postgres',
          environment: 'node',
          // The temp cores (src/main/test/temp-core.ts) open on the cluster, each on a fresh
          // copy of a migrated template database.
          env: { ...testTempDirs(), RETURNDESK_TEST_DRIVER: 'postgres' },
          include: ['src/main/**/*.pg.test.ts', 'scripts/**/*.pg.test.ts', ...CORE_SUITES],
          globalSetup: ['scripts/pg-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
