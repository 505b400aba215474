// `npx tsx bench/profile-clicks.ts [actions] [--minified] [--out=<dir>]`: part 7 (click to
// pixels) once more, to find where its time goes. It builds the renderer unminified
// (production React, names kept) into a temp folder unless --minified, runs the timed
// actions with `--trace` (main's calls and the page's long tasks per action, on stderr)
// and a Chromium CPU profile of each page per kind of action (CDP `Profiler`, 200 µs
// sampling), then prints each profile's heaviest functions (self and total time).
// The .cpuprofile files stay in the output folder: open them in Chromium's DevTools
// (Performance panel → Load profile) for the flame chart.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RENDERER_DIR } from '../e2e/harness/server';
import { buildClickDesk, runClickToPixel, clickFigures, CLICK_ACTIONS } from './click-to-pixel';
import { buildRenderer } from './lib/build-renderer';
import { progress } from './lib/progress';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** The heaviest functions of one profile: self time, and total time (each function once per stack). */
function summarise(profile: CpuProfile, top = 25): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const file = url ? url.replace(/^.*\//, '') : '';
    return `${functionName || '(anonymous)'}${file ? ` ${file}:${lineNumber + 1}` : ''}`;
  };
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let idle = 0;
  profile.samples.forEach((id, i) => {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    all += ms;
    const node = byId.get(id)!;
    const own = name(node);
    if (node.callFrame.functionName === '(idle)') idle += ms;
    self.set(own, (self.get(own) ?? 0) + ms);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const key = name(byId.get(at)!);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  });
  const busy = all - idle;
  const list = (m: Map<string, number>) =>
    [...m]
      .filter(([key]) => !/^\((idle|root|program)\)/.test(key))
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(
        ([key, ms]) =>
          `  ${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / busy).toFixed(1).padStart(5)} %  ${key}`,
      )
      .join('\n');
  return [
    `  ${all.toFixed(0)} ms profiled, ${busy.toFixed(0)} ms busy (shares below: of busy)`,
    ' self:',
    list(self),
    ' total:',
    list(total),
  ].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const actions = Number(args.find((a) => /^\d+$/.test(a)) ?? 50);
  const minified = args.includes('--minified');
  const out = args.find((a) => a.startsWith('--out='))?.slice('--out='.length);
  const traced = Number(args.find((a) => a.startsWith('--traced='))?.slice('--traced='.length) ?? 10);
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'returndesk-profile-clicks-'));
  const profileDir = out ?? join(dir, 'profiles');
  mkdirSync(profileDir, { recursive: true });
  try {
    let rendererDir = RENDERER_DIR;
    if (!minified) {
      rendererDir = join(dir, 'renderer');
      progress('building the renderer unminified');
      await buildRenderer({ outDir: rendererDir, minify: false });
    }
    progress('building the 100,000-case desk');
    const desk = await buildClickDesk(dir);
    const result = await runClickToPixel({
      dbPath: desk.dbPath,
      actions,
      trace: true,
      rendererDir,
      profileDir,
      traced,
    });
    for (const action of CLICK_ACTIONS) {
      const { p50, p95 } = clickFigures(result.samples[action]);
      console.log(`${action}: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms`);
    }
    for (const file of readdirSync(profileDir)
      .filter((f) => f.endsWith('.cpuprofile'))
      .sort()) {
      console.log(`\n${file}`);
      console.log(summarise(JSON.parse(readFileSync(join(profileDir, file), 'utf8')) as CpuProfile));
    }
    console.log(`\nprofiles in ${profileDir}`);
  } finally {
    rmSync(join(dir, 'large.sqlite'), { force: true });
    if (!out) progress(`temp folder (profiles kept): ${dir}`);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
