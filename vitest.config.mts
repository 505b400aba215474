import react from '@vitejs/plugin-react';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';
import { SlowestFilesReporter } from './scripts/slowest-files-reporter';
import { OWN_MODULE_TEST_FILES } from './scripts/test-isolation';
import { LongestFirstSequencer } from './scripts/test-sequencer';
import { testTempDirs } from './scripts/test-temp-dir';

const { version } = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as {
  version: string;
};

// Test databases in a RAM-backed folder where there is one (see scripts/test-temp-dir.ts).
const env = testTempDirs();

export default defineConfig({
  test: {
    // The usual output, then the ten slowest files (the suite's budget is 90 s on two cores).
    reporters: ['default', new SlowestFilesReporter(10)],
    // vitest's default leaves one core free (one worker on two cores): the main process does
    // little while the workers run, so every core runs test files. VITEST_MAX_WORKERS overrides.
    maxWorkers: Math.max(2, availableParallelism()),
    sequence: { sequencer: LongestFirstSequencer },
    projects: [
      {
        test: {
          name: 'main',
          environment: 'node',
          // Files share their worker's modules (the core, TypeORM, the catalogues are imported
          // once per worker, not per file). setup.ts gives each file the module state a fresh
          // import would; files that swap a module run apart (scripts/test-isolation.ts).
          isolate: false,
          setupFiles: ['src/main/test/setup.ts'],
          env,
          include: ['src/main/**/*.test.ts', 'src/shared/**/*.test.ts', 'scripts/**/*.test.ts'],
          // *.pg.test.ts: the PostgreSQL tests' own config (vitest.postgres.config.mts).
          exclude: ['**/node_modules/**', '**/*.tz.test.ts', '**/*.pg.test.ts', ...OWN_MODULE_TEST_FILES],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'main-own-modules',
          environment: 'node',
          env,
          include: OWN_MODULE_TEST_FILES,
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        // Tests about local calendar days, in a zone with a half-hour offset so that UTC-vs-local
        // mistakes show. Own child processes (forks): TZ is in their environment from the start,
        // before anything reads the clock; each such test also asserts the zone took effect.
        test: {
          name: 'main-tz',
          environment: 'node',
          include: ['src/main/**/*.tz.test.ts'],
          pool: 'forks',
          env: { ...env, TZ: 'Asia/Kolkata' },
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        plugins: [react()],
        define: { __APP_VERSION__: JSON.stringify(version) },
        test: {
          name: 'renderer',
          environment: './src/renderer/src/test/jsdom-environment.ts',
          // Files share their worker's modules (React, the core, the catalogues are imported once
          // per worker, not per file): half the project's time. setup.ts gives each file an empty
          // document and fresh stores.
          isolate: false,
          env,
          globals: true,
          include: ['src/renderer/**/*.test.tsx', 'src/renderer/**/*.test.ts'],
          setupFiles: ['src/renderer/src/test/setup.ts'],
          // A hang guard, as in main's projects: with a worker per core on a loaded machine, a
          // view test that renders and pages fifty rows was seen to pass 30 s.
          testTimeout: 60_000,
        },
      },
    ],
  },
});
