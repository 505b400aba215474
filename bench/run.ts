// `npm run bench [-- --quick] [-- --json] [-- --only=parts]`: ReturnDesk against the physical limit,
// measured in one run on fresh temp databases. Progress on stderr; the table (and,
// with --json, one JSON object as the very last line) on stdout.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { runHandover, type HandoverResult } from './handover';
import { runIntake, type IntakeResult } from './intake';
import { buildLargeDesk, runLists, type ListsResult } from './lists';
import { runOpen, type OpenResult } from './open';
import { runPostgres, type PostgresResult } from './postgres';
import { runRenderer, type RendererResult } from './renderer';
import type { Carrier } from '../e2e/harness/cdp-carrier';
import {
  CLICK_ACTIONS,
  CLICK_FLOORS,
  clickFigures,
  runClickToPixel,
  type ClickFloor,
  type ClickToPixelResult,
} from './click-to-pixel';
import { exportRatios, runReports, type ReportsResult } from './reports';
import { progress } from './lib/progress';
import { figure, latencyFigures, type Figure } from './lib/stats';
import { renderTable, type Row, type Section } from './lib/table';

const SIZES = {
  quick: {
    rounds: 3,
    intakeFull: 200,
    intakeNormal: 500,
    warmup: 100,
    waiting: 10_000,
    resolves: 100,
    cases: 100_000,
    customers: 20_000,
    queued: 1_000,
    listCalls: 10,
    openRounds: 3,
    /** The renderer part needs chromium and takes a while: full runs (or --only=renderer). */
    rendererRounds: 0,
    /** Click to pixels needs chromium too: full runs (or --only=clicks, then 50 actions each). */
    clickActions: 0,
    dashboardCalls: 20,
    exportCalls: 3,
    /** PostgreSQL: calls per scenario (intake, hand-over; 1 and 4 processes). */
    pgCalls: 200,
  },
  full: {
    rounds: 7,
    intakeFull: 1_000,
    intakeNormal: 3_000,
    warmup: 300,
    waiting: 10_000,
    resolves: 500,
    cases: 100_000,
    customers: 20_000,
    queued: 1_000,
    listCalls: 100,
    openRounds: 7,
    rendererRounds: 5,
    clickActions: 100,
    dashboardCalls: 100,
    exportCalls: 10,
    pgCalls: 1_000,
  },
};

const TARGETS = {
  ratioFull: 0.85,
  ratioNormal: 0.6,
  /** Main-process time one window costs per change, with 10,000 waiting. */
  activeChangeMs: 5,
  createP99Ms: 2,
  handoverP99Ms: 2,
  listP99Ms: 20,
  openCleanMs: 150,
  rssMb: 150,
  rowsVisibleMs: 300,
  scrollToEndMs: 200,
  /** A frame (at 60 Hz) beyond the commit's own time. */
  clickFrameMs: 16,
  dashboard30dP99Ms: 50,
};

interface Args {
  quick: boolean;
  json: boolean;
  keep: boolean;
  /** Click to pixels: print main's calls during each timed action (stderr). */
  trace: boolean;
  /** Parts 6 and 7: how the pages' calls reach main (`--carrier=fetch`: the E2E suite's way). */
  carrier: Carrier;
  only: Set<string> | null;
}

function parseArgs(argv: string[]): Args {
  const args: Args = { quick: false, json: false, keep: false, trace: false, carrier: 'cdp', only: null };
  for (const arg of argv) {
    if (arg === '--quick') args.quick = true;
    else if (arg === '--json') args.json = true;
    else if (arg === '--keep') args.keep = true;
    else if (arg === '--trace') args.trace = true;
    else if (arg === '--carrier=fetch' || arg === '--carrier=cdp')
      args.carrier = arg === '--carrier=fetch' ? 'fetch' : 'cdp';
    else if (arg.startsWith('--only=')) args.only = new Set(arg.slice('--only='.length).split(','));
    else
      throw new Error(
        `unknown option ${arg} (use --quick, --json, --keep, --trace, --carrier=fetch|cdp, --only=intake,handover,lists,open,renderer,clicks,reports,postgres)`,
      );
  }
  return args;
}

const atMost = (limit: number) => (value: number) => value <= limit;
const atLeast = (limit: number) => (value: number) => value >= limit;

function row(
  metric: string,
  fig: Figure,
  unit: string,
  digits: number,
  target?: { text: string; ok: (median: number) => boolean },
): Row {
  return { metric, figure: fig, unit, digits, target: target?.text, pass: target && target.ok(fig.median) };
}

function intakeRows(result: IntakeResult, full: boolean): Row[] {
  const ours = latencyFigures(result.ours);
  const raw = latencyFigures(result.raw);
  const resolve = latencyFigures(result.oursResolve);
  const ratio = figure(result.ratios);
  const ratioTarget = full ? TARGETS.ratioFull : TARGETS.ratioNormal;
  return [
    row('cases.create via dispatch', ours.opsPerS, 'ops/s', 0),
    row('  latency p50', ours.p50, 'ms', 3),
    row(
      '  latency p99',
      ours.p99,
      'ms',
      3,
      full ? { text: `≤ ${TARGETS.createP99Ms}`, ok: atMost(TARGETS.createP99Ms) } : undefined,
    ),
    row('raw better-sqlite3, same writes', raw.opsPerS, 'ops/s', 0),
    row('  latency p50', raw.p50, 'ms', 3),
    row('  latency p99', raw.p99, 'ms', 3),
    row('ratio ours / raw', ratio, '×', 2, { text: `≥ ${ratioTarget}`, ok: atLeast(ratioTarget) }),
    row('cases.resolve right after (idle queue)', resolve.p50, 'ms p50', 3),
    row('', resolve.p99, 'ms p99', 3),
  ];
}

function machine(dir: string): string {
  const db = new Database(':memory:');
  const sqlite = db.prepare('SELECT sqlite_version()').pluck().get() as string;
  db.close();
  const cpu = cpus()[0]?.model.trim() ?? 'unknown CPU';
  return `${cpus().length} × ${cpu}, Node ${process.versions.node}, SQLite ${sqlite}, temp dir ${dir}`;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const size = args.quick ? SIZES.quick : SIZES.full;
  const wants = (part: string) => !args.only || args.only.has(part);
  const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'returndesk-bench-'));
  const started = performance.now();
  progress(`${args.quick ? 'quick' : 'full'} run in ${dir}`);

  let full: IntakeResult | undefined;
  let normal: IntakeResult | undefined;
  let handover: HandoverResult | undefined;
  let lists: ListsResult | undefined;
  let open: OpenResult | undefined;
  let renderer: RendererResult | undefined;
  let clicks: ClickToPixelResult | undefined;
  let reports: ReportsResult | undefined;
  let postgres: PostgresResult | undefined;
  try {
    if (wants('intake')) {
      const common = { dir, rounds: size.rounds, warmup: size.warmup };
      full = await runIntake({ ...common, synchronous: 'FULL', creates: size.intakeFull });
      normal = await runIntake({ ...common, synchronous: 'NORMAL', creates: size.intakeNormal });
    }
    if (wants('handover')) {
      handover = await runHandover({
        dir,
        waiting: size.waiting,
        rounds: size.rounds,
        resolves: size.resolves,
      });
    }
    const rendererRounds = args.only?.has('renderer')
      ? Math.max(3, size.rendererRounds)
      : size.rendererRounds;
    const wantsRenderer = wants('renderer') && rendererRounds > 0;
    const clickActions = args.only?.has('clicks') ? Math.max(50, size.clickActions) : size.clickActions;
    const wantsClicks = wants('clicks') && clickActions > 0;
    if (wants('lists') || wants('open') || wantsRenderer || wantsClicks) {
      const listOptions = {
        dir,
        cases: size.cases,
        customers: size.customers,
        queued: size.queued,
        rounds: size.rounds,
        calls: size.listCalls,
      };
      progress(`building a ${size.cases.toLocaleString('en-US')}-case desk with raw SQL`);
      const desk = await buildLargeDesk(listOptions);
      progress(`built in ${(desk.ms / 1000).toFixed(1)} s`);
      if (wants('lists')) lists = await runLists(listOptions, desk);
      if (wants('open')) open = await runOpen({ dbPath: desk.dbPath, rounds: size.openRounds });
      if (wantsRenderer) {
        renderer = await runRenderer({ dbPath: desk.dbPath, rounds: rendererRounds, carrier: args.carrier });
      }
      // Last: it logs and resolves cases on the desk the other parts measured.
      if (wantsClicks)
        clicks = await runClickToPixel({
          dbPath: desk.dbPath,
          actions: clickActions,
          trace: args.trace,
          carrier: args.carrier,
        });
    }
    if (wants('reports')) {
      reports = await runReports({
        dir,
        rounds: size.rounds,
        calls: size.dashboardCalls,
        exportCalls: size.exportCalls,
      });
    }
    if (wants('postgres')) postgres = await runPostgres({ dir, calls: size.pgCalls });
  } finally {
    if (!args.keep) rmSync(dir, { recursive: true, force: true });
  }

  const sections: Section[] = [];
  if (full && normal) {
    sections.push({
      title: `1. Intake, synchronous=FULL (the app's setting): ${size.intakeFull} creates × ${size.rounds} rounds, 50 agents`,
      rows: intakeRows(full, true),
    });
    sections.push({
      title: `2. Intake, synchronous=NORMAL (no fsync per commit): ${size.intakeNormal} creates × ${size.rounds} rounds`,
      rows: intakeRows(normal, false),
    });
  }
  if (handover) {
    const ours = latencyFigures(handover.ours);
    const raw = latencyFigures(handover.raw);
    const normal = latencyFigures(handover.oursNormal);
    const created = latencyFigures(handover.oursCreateQueued);
    const change = latencyFigures(handover.activeChangeMs);
    const refetch = latencyFigures(handover.activeRefetchMs);
    const lists = latencyFigures(handover.listsChangeMs);
    const listsRefetch = latencyFigures(handover.listsRefetchMs);
    const skills = latencyFigures(handover.skills);
    const skillsNormal = latencyFigures(handover.skillsNormal);
    const waiting = handover.waiting.toLocaleString('en-US');
    sections.push({
      title: `3. Resolve → next assigned, ${waiting} waiting: ${size.resolves} resolves × ${size.rounds} rounds`,
      rows: [
        row('cases.resolve incl. hand-over, FULL', ours.opsPerS, 'ops/s', 0),
        row('  latency p50', ours.p50, 'ms', 3),
        row('  latency p99', ours.p99, 'ms', 3, {
          text: `≤ ${TARGETS.handoverP99Ms}`,
          ok: atMost(TARGETS.handoverP99Ms),
        }),
        row('raw better-sqlite3, same writes, FULL', raw.opsPerS, 'ops/s', 0),
        row('  latency p50', raw.p50, 'ms', 3),
        row('  latency p99', raw.p99, 'ms', 3),
        row(
          'ratio ours / raw',
          figure(handover.ours.map((o, i) => o.opsPerS / handover.raw[i]!.opsPerS)),
          '×',
          2,
        ),
        row('cases.resolve incl. hand-over, NORMAL', normal.p50, 'ms p50', 3),
        row('', normal.p99, 'ms p99', 3),
        row('cases.create → queued at the back, FULL', created.p50, 'ms p50', 3),
        row('', created.p99, 'ms p99', 3),
        row(`cases.active (all ${waiting} waiting + 50 assigned)`, figure(handover.activeMs), 'ms', 1),
        row('a change: main time per window, active cases', change.p50, 'ms p50', 3, {
          text: `≤ ${TARGETS.activeChangeMs}`,
          ok: atMost(TARGETS.activeChangeMs),
        }),
        row('', change.p99, 'ms p99', 3),
        row('  as before: all active cases read again', refetch.p50, 'ms p50', 3),
        row('', refetch.p99, 'ms p99', 3),
        row('  other lists (latest 20, page of 50), patched', lists.p50, 'ms p50', 3, {
          text: `≤ ${TARGETS.activeChangeMs}`,
          ok: atMost(TARGETS.activeChangeMs),
        }),
        row('', lists.p99, 'ms p99', 3),
        row(
          '    lists read again after all, per change',
          figure([handover.listsFallbacks.reads / Math.max(1, handover.listsFallbacks.changes)]),
          'reads',
          3,
        ),
        row('  as before: both read again', listsRefetch.p50, 'ms p50', 3),
        row('', listsRefetch.p99, 'ms p99', 3),
        row('cases.resolve incl. hand-over with skills, FULL', skills.opsPerS, 'ops/s', 0),
        row('  latency p50', skills.p50, 'ms', 3),
        row('  latency p99', skills.p99, 'ms', 3, {
          text: `≤ ${TARGETS.handoverP99Ms}`,
          ok: atMost(TARGETS.handoverP99Ms),
        }),
        row(
          'ratio skills / no skills (ops/s)',
          figure(handover.skills.map((k, i) => k.opsPerS / handover.ours[i]!.opsPerS)),
          '×',
          2,
        ),
        row(
          'ratio skills / no skills (p99)',
          figure(handover.skills.map((k, i) => k.p99 / handover.ours[i]!.p99)),
          '×',
          2,
        ),
        row('cases.resolve incl. hand-over with skills, NORMAL', skillsNormal.p50, 'ms p50', 3),
        row('', skillsNormal.p99, 'ms p99', 3),
        row(
          'ratio skills / no skills, NORMAL (p50)',
          figure(handover.skillsNormal.map((k, i) => k.p50 / handover.oursNormal[i]!.p50)),
          '×',
          2,
        ),
      ],
    });
  }
  if (lists) {
    const rows: Row[] = [];
    for (const query of lists.queries) {
      const f = latencyFigures(query.rounds);
      rows.push(row(query.name, f.p50, 'ms p50', 3));
      rows.push(
        row('', f.p99, 'ms p99', 3, { text: `≤ ${TARGETS.listP99Ms}`, ok: atMost(TARGETS.listP99Ms) }),
      );
    }
    const counts = Object.entries(lists.counts)
      .map(([k, v]) => `${k} ${v.toLocaleString('en-US')}`)
      .join(', ');
    sections.push({
      title: `4. Lists at scale, pages of 50 through dispatch: ${size.listCalls} calls × ${size.rounds} rounds each`,
      rows,
      notes: [
        `desk: ${counts}; built with raw SQL in ${(lists.seedMs / 1000).toFixed(1)} s`,
        `full table scans in the plans below: ${lists.fullScans}`,
      ],
    });
  }
  if (open) {
    sections.push({
      title: `5. Open the ${size.cases.toLocaleString('en-US')}-case desk (fresh process each round, migrations check included)`,
      rows: [
        row('openCore after a clean shutdown (check deferred)', figure(open.openMs), 'ms', 1, {
          text: `≤ ${TARGETS.openCleanMs}`,
          ok: atMost(TARGETS.openCleanMs),
        }),
        row('openCore after a crash (whole file checked)', figure(open.openAfterCrashMs), 'ms', 1),
        row('  of which PRAGMA quick_check (timed alone)', figure(open.quickCheckMs), 'ms', 1),
        row('process RSS after open', figure(open.rssMb), 'MB', 1, {
          text: `≤ ${TARGETS.rssMb}`,
          ok: atMost(TARGETS.rssMb),
        }),
        row('  of which before open (Node, tsx, modules)', figure(open.rssBeforeMb), 'MB', 1),
        row('  after the first cases.active', figure(open.rssActiveMb), 'MB', 1),
      ],
    });
  }

  if (renderer && !renderer.skipped) {
    sections.push({
      title: `6. Renderer in chromium via the E2E harness, ${size.cases.toLocaleString('en-US')} cases, calls carried by ${renderer.carrier === 'fetch' ? 'fetch' : 'a CDP binding'} (renderer built ${renderer.builtAt})`,
      rows: [
        row('Unlock Admin → "All cases" rows painted', figure(renderer.rowsMs), 'ms', 1, {
          text: `≤ ${TARGETS.rowsVisibleMs}`,
          ok: atMost(TARGETS.rowsVisibleMs),
        }),
        row('"Next" → the next 50 rows painted', figure(renderer.pageTurnMs), 'ms', 1),
      ],
      notes: [
        `The view is paged, not virtualized: ${renderer.domRows} rows in the DOM, pager "${renderer.pager}".`,
        `"Scroll to the last row" (target ≤ ${TARGETS.scrollToEndMs} ms) cannot be measured: the last row is thousands of "Next" presses away.`,
      ],
    });
  } else if (renderer?.skipped) {
    sections.push({ title: `6. Renderer: not run (${renderer.skipped})`, rows: [] });
  }

  if (clicks && !clicks.skipped) {
    const commit = {
      create: clickFigures(clicks.commitMs['cases.create']),
      resolve: clickFigures(clicks.commitMs['cases.resolve']),
    };
    const LABELS: Record<(typeof CLICK_ACTIONS)[number], [string, 'create' | 'resolve']> = {
      log_case_same_window: ['"Log case" → new row painted in Latest cases', 'create'],
      log_case_second_window: ['  … in a second window', 'create'],
      resolve_next_case_shown: ['"Resolve case" → next case painted in the agent view', 'resolve'],
      resolve_queue_row_gone_second_window: [
        '  … its queue row gone from Admin in a second window',
        'resolve',
      ],
    };
    const rows: Row[] = [];
    for (const action of CLICK_ACTIONS) {
      const [label, call] = LABELS[action];
      const f = clickFigures(clicks.samples[action]);
      const limit = commit[call].p95 + TARGETS.clickFrameMs;
      rows.push(row(label, figure([f.p50]), 'ms p50', 1));
      rows.push(row('', figure([f.p95]), 'ms p95', 1, { text: `≤ ${limit.toFixed(1)}`, ok: atMost(limit) }));
    }
    const FLOOR_LABELS: Record<ClickFloor, string> = {
      frame: "floor: a bare button's click → its own new text painted",
      round_trip_fetch: '  … after one read carried by a fetch',
      round_trip_cdp: '  … after the same read carried by a CDP binding',
    };
    for (const floor of CLICK_FLOORS) {
      const f = clickFigures(clicks.floors[floor]);
      rows.push(row(FLOOR_LABELS[floor], figure([f.p50]), 'ms p50', 1));
      rows.push(row('', figure([f.p95]), 'ms p95', 1));
    }
    rows.push(row('cases.create commit (dispatch, FULL)', figure([commit.create.p50]), 'ms p50', 2));
    rows.push(row('', figure([commit.create.p95]), 'ms p95', 2));
    rows.push(row('cases.resolve commit incl. hand-over', figure([commit.resolve.p50]), 'ms p50', 2));
    rows.push(row('', figure([commit.resolve.p95]), 'ms p95', 2));
    sections.push({
      title: `7. Click to pixels in chromium via the E2E harness, ${size.cases.toLocaleString('en-US')} cases, ${size.queued.toLocaleString('en-US')} waiting: ${clicks.actions} actions each, calls carried by ${clicks.carrier === 'cdp' ? 'a CDP binding' : 'fetch'} (renderer built ${clicks.builtAt})`,
      rows,
      notes: [
        "From the page's own click to right after the frame that shows the result (MutationObserver, then requestAnimationFrame, then a posted message); both windows on one clock (performance.timeOrigin).",
        `Target: p95 ≤ 16 ms plus the commit's own p95. Resolves whose next case was not the queue head: ${clicks.headMismatches}.`,
        "Floors: the harness's own, on the acting page after every timed action (no React, no store, no write): what any click costs here before the app does anything.",
      ],
    });
  } else if (clicks?.skipped) {
    sections.push({ title: `7. Click to pixels: not run (${clicks.skipped})`, rows: [] });
  }

  if (reports) {
    const today = latencyFigures(reports.today);
    const month = latencyFigures(reports.month);
    const exported = latencyFigures(reports.exportAll);
    const raw = latencyFigures(reports.rawRead);
    sections.push({
      title: `8. Dashboard and export through dispatch: ${size.dashboardCalls} dashboards, ${size.exportCalls} exports × ${size.rounds} rounds`,
      rows: [
        row('reports.dashboard, today, 100,000-case desk', today.p50, 'ms p50', 2),
        row('', today.p99, 'ms p99', 2),
        row(
          `reports.dashboard, 30 days (${reports.inRange.toLocaleString('en-US')} created)`,
          month.p50,
          'ms p50',
          2,
        ),
        row('', month.p99, 'ms p99', 2, {
          text: `≤ ${TARGETS.dashboard30dP99Ms}`,
          ok: atMost(TARGETS.dashboard30dP99Ms),
        }),
        row(
          `cases.exportCsv, ${reports.exportRows.toLocaleString('en-US')} cases`,
          exported.p50,
          'ms p50',
          1,
        ),
        row('', exported.p99, 'ms p99', 1),
        row('raw better-sqlite3, same rows and joins, no CSV', raw.p50, 'ms p50', 1),
        row('ratio export / raw read', figure(exportRatios(reports)), '×', 1),
      ],
      notes: [
        `Own desks, built with raw SQL: 100,000 cases over 3 years with the agent log; ${reports.exportRows.toLocaleString('en-US')} cases (${(reports.exportBytes / 1e6).toFixed(2)} MB of CSV) for the export.`,
      ],
    });
  }

  if (postgres?.skipped) {
    sections.push({ title: `9. PostgreSQL: not run (${postgres.skipped})`, rows: [] });
  } else if (postgres) {
    const rows: Row[] = [];
    for (const s of postgres.scenarios) {
      const what = s.name === 'intake' ? 'cases.create' : 'cases.resolve incl. hand-over';
      const who = `${s.workers} process${s.workers > 1 ? 'es' : ''}`;
      rows.push(row(`${what}, ${who}`, figure([s.opsPerS]), 'ops/s', 0));
      rows.push(row('  latency p50', figure([s.p50]), 'ms', 2));
      rows.push(row('  latency p99', figure([s.p99]), 'ms', 2));
    }
    sections.push({
      title: `9. PostgreSQL ${postgres.version} (private cluster, 127.0.0.1, fsync off): ${size.pgCalls} calls per row, ${postgres.agents} agents`,
      rows,
      notes: [
        'Each process is a workstation opening the real core; their writes take turns on the desk’s advisory lock.',
        `Hand-over: ${postgres.waiting.toLocaleString('en-US')} waiting at the start; ops/s is all processes’ calls per second of wall time.`,
      ],
    });
  }

  const out: string[] = [];
  out.push(`ReturnDesk benchmark (${args.quick ? 'quick' : 'full'}): ${machine(dir)}`);
  out.push('Every figure: median of the rounds, with min and max. p50/p99 are per round.');
  out.push('');
  out.push(renderTable(sections));
  if (lists) {
    out.push('', 'Query plans (EXPLAIN QUERY PLAN of every statement each list runs):');
    for (const query of lists.queries) {
      out.push(`  ${query.name}`);
      for (const statement of query.statements) {
        out.push(
          `    ${statement.fullScan ? 'FULL SCAN ' : ''}${statement.sql.slice(0, 150)}${statement.sql.length > 150 ? '…' : ''}`,
        );
        for (const detail of statement.plan) out.push(`      ${detail}`);
      }
    }
  }
  out.push('', `Finished in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
  process.stdout.write(`${out.join('\n')}\n`);

  if (args.json) {
    const med = (rounds: number[]) => figure(rounds).median;
    const listP99 = lists
      ? lists.queries.map((q) => ({ name: q.name, p99: latencyFigures(q.rounds).p99.median }))
      : [];
    const summary = {
      mode: args.quick ? 'quick' : 'full',
      create_ops_per_s: full ? med(full.ours.map((r) => r.opsPerS)) : null,
      raw_ops_per_s: full ? med(full.raw.map((r) => r.opsPerS)) : null,
      ratio_full: full ? med(full.ratios) : null,
      ratio_normal: normal ? med(normal.ratios) : null,
      create_p99_ms: full ? med(full.ours.map((r) => r.p99)) : null,
      create_ops_per_s_normal: normal ? med(normal.ours.map((r) => r.opsPerS)) : null,
      raw_ops_per_s_normal: normal ? med(normal.raw.map((r) => r.opsPerS)) : null,
      create_p99_ms_normal: normal ? med(normal.ours.map((r) => r.p99)) : null,
      handover_p99_ms: handover ? med(handover.ours.map((r) => r.p99)) : null,
      handover_p50_ms: handover ? med(handover.ours.map((r) => r.p50)) : null,
      handover_raw_p99_ms: handover ? med(handover.raw.map((r) => r.p99)) : null,
      handover_p99_ms_normal: handover ? med(handover.oursNormal.map((r) => r.p99)) : null,
      handover_skills_p99_ms: handover ? med(handover.skills.map((r) => r.p99)) : null,
      handover_skills_p50_ms_normal: handover ? med(handover.skillsNormal.map((r) => r.p50)) : null,
      handover_skills_ratio: handover
        ? med(handover.skills.map((k, i) => k.opsPerS / handover.ours[i]!.opsPerS))
        : null,
      active_10k_ms: handover ? med(handover.activeMs) : null,
      active_change_ms_10k: handover ? med(handover.activeChangeMs.map((r) => r.p50)) : null,
      active_change_p99_ms_10k: handover ? med(handover.activeChangeMs.map((r) => r.p99)) : null,
      active_refetch_ms_10k: handover ? med(handover.activeRefetchMs.map((r) => r.p50)) : null,
      lists_change_ms_10k: handover ? med(handover.listsChangeMs.map((r) => r.p50)) : null,
      lists_change_p99_ms_10k: handover ? med(handover.listsChangeMs.map((r) => r.p99)) : null,
      lists_refetch_ms_10k: handover ? med(handover.listsRefetchMs.map((r) => r.p50)) : null,
      lists_change_reads: handover ? handover.listsFallbacks : null,
      list_p99_ms: lists ? Math.max(...listP99.map((q) => q.p99)) : null,
      list_p99_by_query_ms: Object.fromEntries(listP99.map((q) => [q.name, q.p99])),
      full_scans: lists ? lists.fullScans : null,
      open_ms: open ? med(open.openMs) : null,
      open_clean_ms: open ? med(open.openMs) : null,
      open_after_crash_ms: open ? med(open.openAfterCrashMs) : null,
      rss_mb: open ? med(open.rssMb) : null,
      quick_check_ms: open ? med(open.quickCheckMs) : null,
      renderer_rows_ms: renderer?.rowsMs.length ? med(renderer.rowsMs) : null,
      renderer_page_turn_ms: renderer?.pageTurnMs.length ? med(renderer.pageTurnMs) : null,
      click_to_pixel_p95_ms: clicks?.actions ? clickSummary(clicks, 'p95') : null,
      click_to_pixel_p50_ms: clicks?.actions ? clickSummary(clicks, 'p50') : null,
      click_carrier: clicks?.actions ? clicks.carrier : null,
      click_floor_p50_ms: clicks?.actions ? floorSummary(clicks, 'p50') : null,
      click_floor_p95_ms: clicks?.actions ? floorSummary(clicks, 'p95') : null,
      click_commit_p95_ms: clicks?.actions
        ? {
            'cases.create': clickFigures(clicks.commitMs['cases.create']).p95,
            'cases.resolve': clickFigures(clicks.commitMs['cases.resolve']).p95,
          }
        : null,
      dashboard_today_p99_ms: reports ? med(reports.today.map((r) => r.p99)) : null,
      dashboard_30d_p99_ms: reports ? med(reports.month.map((r) => r.p99)) : null,
      dashboard_30d_p50_ms: reports ? med(reports.month.map((r) => r.p50)) : null,
      export_10k_p50_ms: reports ? med(reports.exportAll.map((r) => r.p50)) : null,
      export_10k_p99_ms: reports ? med(reports.exportAll.map((r) => r.p99)) : null,
      export_10k_raw_read_p50_ms: reports ? med(reports.rawRead.map((r) => r.p50)) : null,
      export_10k_ratio: reports ? med(exportRatios(reports)) : null,
      pg_skipped: postgres?.skipped ?? null,
      ...Object.fromEntries(
        (postgres?.scenarios ?? []).flatMap((s) => [
          [`pg_${s.name}_${s.workers}p_p50_ms`, s.p50],
          [`pg_${s.name}_${s.workers}p_p99_ms`, s.p99],
          [`pg_${s.name}_${s.workers}p_ops_per_s`, s.opsPerS],
        ]),
      ),
      seconds: (performance.now() - started) / 1000,
    };
    process.stdout.write(`${JSON.stringify(summary)}\n`);
  }
}

function clickSummary(clicks: ClickToPixelResult, which: 'p50' | 'p95'): Record<string, number> {
  return Object.fromEntries(
    CLICK_ACTIONS.map((action) => [action, clickFigures(clicks.samples[action])[which]]),
  );
}

function floorSummary(clicks: ClickToPixelResult, which: 'p50' | 'p95'): Record<string, number> {
  return Object.fromEntries(CLICK_FLOORS.map((floor) => [floor, clickFigures(clicks.floors[floor])[which]]));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
