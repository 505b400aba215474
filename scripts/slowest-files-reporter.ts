// Prints the test files that took longest, after the run: where to look when the
// suite grows slow (it should stay under 90 s on two cores; see docs/ARCHITECTURE.md).
import { relative } from 'node:path';
import type { Reporter, TestModule } from 'vitest/node';

export class SlowestFilesReporter implements Reporter {
  private readonly count: number;

  /** A count, or (as vitest passes a reporter named on the command line) options with one. */
  constructor(options: number | { count?: number } = {}) {
    this.count = typeof options === 'number' ? options : (options.count ?? 10);
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const timed = testModules.map((module) => {
      const d = module.diagnostic();
      // In a shared worker (isolate: false) the environment is set up once, for the worker's
      // first file, and vitest reports that one set-up on each of its files: it is nobody's.
      const environment = module.project.config.isolate === false ? 0 : d.environmentSetupDuration;
      return {
        file: relative(process.cwd(), module.moduleId),
        ms: environment + d.prepareDuration + d.collectDuration + d.setupDuration + d.duration,
      };
    });
    if (timed.length === 0) return;
    timed.sort((a, b) => b.ms - a.ms);
    const width = Math.max(...timed.slice(0, this.count).map((t) => t.file.length));
    const lines = timed
      .slice(0, this.count)
      .map((t) => `  ${t.file.padEnd(width)}  ${(t.ms / 1000).toFixed(1).padStart(6)} s`);
    console.log(
      `\nSlowest ${Math.min(this.count, timed.length)} test files (import, set-up and tests):\n${lines.join('\n')}\n`,
    );
  }
}

// For `--reporter=./scripts/slowest-files-reporter.ts` (as .ci/run passes it): the ten slowest.
export default SlowestFilesReporter;
