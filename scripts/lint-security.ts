// `npm run lint:security`: electronegativity on src/ (offline, Electron 45.5.0),
// failing on any finding of medium severity or above that docs/SECURITY.md does
// not accept with a reason; then the checklist items the tool cannot see.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { judge, parseAllowList, parseReport, runChecklist, type SourceFile } from './lint-security-lib';

const root = join(__dirname, '..');
const ELECTRON_VERSION = '45.5.0';

function electronegativity(): string {
  const dir = mkdtempSync(join(tmpdir(), 'electronegativity-'));
  const report = join(dir, 'report.csv');
  try {
    const cli = require.resolve('@doyensec/electronegativity/dist/index.js');
    const run = spawnSync(
      process.execPath,
      [
        ...['--import', pathToFileURL(join(__dirname, 'electronegativity-preload.mjs')).href],
        cli,
        ...['-i', join(root, 'src'), '-e', ELECTRON_VERSION, '-r', '-v', 'false', '-o', report],
        // The one check that needs the network (Electron's release feed); the version is pinned above.
        ...['-x', 'AvailableSecurityFixesGlobalCheck'],
      ],
      { encoding: 'utf8', cwd: root },
    );
    if (run.status !== 0) throw new Error(`electronegativity failed:\n${run.stdout}\n${run.stderr}`);
    return readFileSync(report, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function sources(dir: string): SourceFile[] {
  const out: SourceFile[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|html)$/.test(name))
      out.push({ path: relative(root, path), text: readFileSync(path, 'utf8') });
  }
  return out;
}

function main(): number {
  const allowed = parseAllowList(readFileSync(join(root, 'docs/SECURITY.md'), 'utf8'));
  const findings = parseReport(electronegativity());
  const verdict = judge(findings, allowed);
  let failed = false;

  console.log(`electronegativity ${ELECTRON_VERSION} on src/: ${findings.length} findings`);
  for (const f of findings) {
    const mark = verdict.blocking.includes(f) ? 'FAIL' : verdict.accepted.includes(f) ? 'accepted' : 'low';
    console.log(`  [${mark}] ${f.severity} ${f.check} ${f.file}:${f.location} ${f.description}`);
  }
  if (verdict.blocking.length > 0) {
    failed = true;
    console.error(
      `\n${verdict.blocking.length} finding(s) of medium severity or above: fix them, or accept each in docs/SECURITY.md with its reason.`,
    );
  }
  for (const stale of verdict.stale) {
    failed = true;
    console.error(
      `docs/SECURITY.md accepts ${stale.check} in ${stale.file}, which is no longer found: remove it.`,
    );
  }

  console.log('\nElectron checklist (what the tool cannot see):');
  for (const { rule, problems } of runChecklist(sources(join(root, 'src')))) {
    console.log(`  [${problems.length ? 'FAIL' : 'ok'}] ${rule.id}: ${rule.asks}`);
    for (const problem of problems) console.error(`      ${problem}`);
    if (problems.length) failed = true;
  }
  console.log(failed ? '\nlint:security failed' : '\nlint:security passed');
  return failed ? 1 : 0;
}

process.exitCode = main();
