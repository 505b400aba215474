// Sums vitest JSON reports into the one line CI reads: "N passed, N failed".
// A run that crashed before writing its report counts as one failure.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// node summarize.mjs <folder> <run>...: each named run must have left <run>.json.
const [dir, ...runs] = process.argv.slice(2);
const expected = runs.map((run) => `${run}.json`);
let passed = 0;
let failed = 0;
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
for (const name of new Set([...expected, ...files])) {
  const file = join(dir, name);
  if (!existsSync(file)) {
    console.log(`${name}: no report (the run did not finish)`);
    failed += 1;
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  // A file that failed without any failing test (an import error, a crash) counts as one failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !file.assertionResults?.some((test) => test.status === 'failed'),
  ).length;
  // A run that failed outside any test file (a globalSetup that could not start, an unhandled
  // error) reports success: false with nothing failed: one failure too.
  const runFailed = report.success === false && !report.numFailedTests && !brokenFiles ? 1 : 0;
  console.log(
    `${name}: ${report.numPassedTests} passed, ${report.numFailedTests} failed, ${skipped} skipped` +
      (brokenFiles ? `, ${brokenFiles} files failed to run` : '') +
      (runFailed ? ', the run itself failed' : ''),
  );
  passed += report.numPassedTests;
  failed += report.numFailedTests + brokenFiles + skipped + runFailed;
}
console.log(`${passed} passed, ${failed} failed`);
