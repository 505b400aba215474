import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFilesReporter } from './scripts/slowest-files-reporter';
import { testTempDirs } from './scripts/test-temp-dir';

// The PostgreSQL tests (issue 16): `npm run test:postgres`. Files named *.pg.test.ts, run
// against a private cluster that globalSetup starts (scripts/pg-cluster.ts) and stops.
// `npm test` leaves them out and needs no PostgreSQL.
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
          env: testTempDirs(),
          include: ['src/main/**/*.pg.test.ts', 'scripts/**/*.pg.test.ts'],
          globalSetup: ['scripts/pg-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
