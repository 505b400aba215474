// `npx tsx bench/ab-clicks.ts [--base=main] [--actions=50] [--rounds=2]`: part 7 (click to
// pixels) for two builds of the renderer in the same window of time, so a shared, noisy
// machine meets both alike: `--base`'s renderer (built from that commit's src/) and this
// tree's, both built the same way (bench/lib/build-renderer.ts, minified), against this
// tree's core, each on its own byte copy of one 100,000-case desk (1,000 waiting). The
// rounds alternate which goes first. Prints p50 / p95 per action over all rounds' samples,
// the commits' own times, and the load average (`/proc/loadavg`) before and after each run.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  buildClickDesk,
  CLICK_ACTIONS,
  clickFigures,
  runClickToPixel,
  type ClickToPixelResult,
} from './click-to-pixel';
import { buildRenderer, sourcesOf } from './lib/build-renderer';
import { progress } from './lib/progress';

const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const option = (name: string, fallback: string) =>
    args.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;
  const base = option('base', 'main');
  const actions = Number(option('actions', '50'));
  const rounds = Number(option('rounds', '2'));
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'returndesk-ab-clicks-'));
  try {
    const builds = { base: join(dir, 'base'), head: join(dir, 'head') };
    progress(`building the renderer of ${base} and of this tree`);
    await buildRenderer({ outDir: builds.base, minify: true, root: sourcesOf(base) });
    await buildRenderer({ outDir: builds.head, minify: true });
    progress('building the 100,000-case desk');
    const desk = await buildClickDesk(dir);
    const results: Record<keyof typeof builds, ClickToPixelResult[]> = { base: [], head: [] };
    const loads: string[] = [];
    let run = 0;
    for (let round = 0; round < rounds; round++) {
      const order: (keyof typeof builds)[] = round % 2 === 0 ? ['base', 'head'] : ['head', 'base'];
      for (const which of order) {
        const dbPath = join(dir, `run-${(run += 1)}.sqlite`);
        copyFileSync(desk.dbPath, dbPath);
        const before = load();
        progress(`round ${round + 1}: ${which} (load ${before})`);
        results[which].push(await runClickToPixel({ dbPath, actions, rendererDir: builds[which] }));
        loads.push(`${which} round ${round + 1}: load ${before} → ${load()}`);
        rmSync(dbPath, { force: true });
      }
    }
    const pooled = (which: keyof typeof builds, pick: (r: ClickToPixelResult) => number[]) =>
      clickFigures(results[which].flatMap(pick));
    const cell = ({ p50, p95 }: { p50: number; p95: number }) => `${p50.toFixed(1)} / ${p95.toFixed(1)}`;
    console.log(
      `click to pixels, ${base} (base) vs this tree (head), ${rounds} × ${actions} actions each, p50 / p95 ms`,
    );
    console.log(`| action | base | head |`);
    console.log(`| --- | ---: | ---: |`);
    for (const action of CLICK_ACTIONS)
      console.log(
        `| ${action} | ${cell(pooled('base', (r) => r.samples[action]))} | ${cell(pooled('head', (r) => r.samples[action]))} |`,
      );
    for (const channel of ['cases.create', 'cases.resolve'] as const)
      console.log(
        `| ${channel} commit | ${cell(pooled('base', (r) => r.commitMs[channel]))} | ${cell(pooled('head', (r) => r.commitMs[channel]))} |`,
      );
    for (const line of loads) console.log(line);
    const summary = (which: keyof typeof builds, p: 'p50' | 'p95') =>
      Object.fromEntries(CLICK_ACTIONS.map((a) => [a, pooled(which, (r) => r.samples[a])[p]]));
    console.log(
      JSON.stringify({
        base,
        actions,
        rounds,
        click_to_pixel_p95_ms: { base: summary('base', 'p95'), head: summary('head', 'p95') },
        click_to_pixel_p50_ms: { base: summary('base', 'p50'), head: summary('head', 'p50') },
        loads,
      }),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
