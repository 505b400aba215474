import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFilesReporter } from './scripts/slowest-files-reporter';
import { testTempDirs } from './scripts/test-temp-dir';

// The PostgreSQL tests (issue 16): `npm run test:postgres`. Files named *.pg.test.ts, run
// against a private cluster that globalSetup starts (scripts/pg-cluster.ts) and stops.
// `npm test` leaves them out and needs no PostgreSQL.
/**
 * The core suites run a second time on PostgreSQL (issue 16): their temp cores open on the
 * cluster. They read the database through `TempCore.query()`, `snapshot()` ("nothing changed":
 * `contentHash()` on SQLite, every table in primary-key order here), `read()` and `tamper()`,
 * not the SQLite file (access-control's first-run tests open a new SQLite file of their own,
 * on either run); the few answers that differ by engine are asserted per engine (the backup
 * channels a PostgreSQL desk refuses; the search plan; Greek final sigma in search), none
 * skipped. The letter-case forms are also run on an ICU en-US database
 * (db/postgres/collation.pg.test.ts), since the cluster's are in the C locale. Left out as
 * SQLite-file suites: backup, restore, reopen, crash, open-safely, integrity, migration
 * fixtures, the fuzz and sign-in-throttle suites (they open and reopen a file of their own),
 * the demo desk, diagnostics, log privacy, the renderer's component tests.
 */
const CORE_SUITES = [
  'src/main/engine/engine.model.test.ts',
  'src/main/services/case-actions.test.ts',
  'src/main/services/intake-key.test.ts',
  'src/main/core.changes.test.ts',
  'src/main/app/notifications.test.ts',
  'src/main/log/page-errors.test.ts',
  'src/main/db/case-search.test.ts',
  'src/main/services/report-service.test.ts',
  'src/main/services/case-service.test.ts',
  'src/main/ipc/router.test.ts',
  'src/main/auth/access-control.test.ts',
  'src/main/engine/assignment-engine.test.ts',
  'src/main/services/skills.test.ts',
  'src/main/services/intake-hardening.test.ts',
  'src/main/core.concurrency.test.ts',
  'src/main/services/timeline-messages.test.ts',
  'src/main/ipc/channels.test.ts',
  'src/main/refusal-language.test.ts',
  'src/main/counter/wait-estimate.sim.test.ts',
];

/** Core suites that run in a time zone of their own (`main-tz` of vitest.config.mts). */
const TZ_SUITES = ['src/main/services/report-service.tz.test.ts'];

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
      {
        test: {
          // As `main-tz` of vitest.config.mts: a scripted day in Asia/Kolkata, each file in a
          // process of its own with TZ set from the start, here with its cores on PostgreSQL.
          name: 'postgres-tz',
          environment: 'node',
          env: { ...testTempDirs(), RETURNDESK_TEST_DRIVER: 'postgres', TZ: 'Asia/Kolkata' },
          include: TZ_SUITES,
          pool: 'forks',
          globalSetup: ['scripts/pg-global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
