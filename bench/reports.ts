// Issue 14's benchmark rows (`npm run bench -- --only=reports`, or alone with
// `npx tsx bench/reports.ts [--quick]`), on fresh temp databases built with raw
// SQL (bench/lib/seed.ts):
//   - reports.dashboard for a 30-day range through dispatch on the 100,000-case
//     desk, with duty and busy history in agent_events (target p99 ≤ 50 ms);
//   - cases.exportCsv of a 10,000-case desk (bytes made in main; the save port
//     records them, as the app's dialog would receive them), against the same
//     rows read raw in the same run.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asSupervisor } from '../src/main/test/as-supervisor';
import { openCore } from '../src/main/core';
import { localDate } from '../src/shared/dates';
import { migrate, openRaw, seedDesk } from './lib/seed';
import { progress } from './lib/progress';
import { latencyFigures, latencyRound, median, type RoundLatency } from './lib/stats';

const DAY_MS = 86_400_000;

/** A desk of `cases` cases over `spanDays`, with first assignments and an agent log filled in. */
export async function buildDesk(dir: string, name: string, cases: number, spanDays: number): Promise<string> {
  const dbPath = join(dir, name);
  await migrate(dbPath);
  const db = openRaw(dbPath);
  const agents = 50;
  const endMs = Date.now() - 60_000;
  const seeded = seedDesk(db, {
    agents,
    customers: Math.max(1000, cases / 5),
    history: cases - agents - 1000,
    assigned: agents,
    queued: 1000,
    endMs,
    spanDays,
  });
  db.transaction(() => {
    db.exec(`UPDATE cases SET first_assigned_at = assigned_at WHERE assigned_at IS NOT NULL`);
    // Every assignment and release, then a working day on duty for every agent on every day.
    db.exec(`
      INSERT INTO agent_events (agent_id, track, active, case_id, at)
      SELECT agent_id, 'busy', 1, id, assigned_at FROM cases WHERE assigned_at IS NOT NULL
      UNION ALL
      SELECT agent_id, 'busy', 0, id, COALESCE(resolved_at, cancelled_at) FROM cases
      WHERE assigned_at IS NOT NULL AND status IN ('resolved', 'cancelled')
      ORDER BY 5`);
    const duty = db.prepare(
      `INSERT INTO agent_events (agent_id, track, active, case_id, at) VALUES (?, 'duty', ?, NULL, ?)`,
    );
    const firstDay = Math.floor((endMs - spanDays * DAY_MS) / DAY_MS);
    for (let day = firstDay; day * DAY_MS < endMs; day++) {
      for (const agentId of seeded.agentIds) {
        duty.run(agentId, 1, new Date(day * DAY_MS + 7 * 3_600_000).toISOString());
        if (day * DAY_MS + 19 * 3_600_000 < endMs)
          duty.run(agentId, 0, new Date(day * DAY_MS + 19 * 3_600_000).toISOString());
      }
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return dbPath;
}

async function time(rounds: number, calls: number, run: () => Promise<unknown>): Promise<RoundLatency[]> {
  const out: RoundLatency[] = [];
  for (let r = 0; r < rounds; r++) {
    const samples: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = performance.now();
      await run();
      samples.push(performance.now() - t0);
    }
    out.push(latencyRound(samples));
  }
  return out;
}

export interface ReportsOptions {
  dir: string;
  rounds: number;
  /** Dashboard calls per round. */
  calls: number;
  /** Exports per round. */
  exportCalls: number;
}

export interface ReportsResult {
  /** Cases created in the 30-day range (the dashboard's `period.created`). */
  inRange: number;
  today: RoundLatency[];
  month: RoundLatency[];
  exportRows: number;
  exportBytes: number;
  exportAll: RoundLatency[];
  /** The baseline: the export's rows read raw, same joins, no CSV. */
  rawRead: RoundLatency[];
}

export async function runReports({
  dir,
  rounds,
  calls,
  exportCalls,
}: ReportsOptions): Promise<ReportsResult> {
  progress('reports: building the 100,000-case desk (3 years, with the agent log)');
  const large = await buildDesk(dir, 'reports-large.sqlite', 100_000, 3 * 365);
  let core = await asSupervisor(await openCore({ dbPath: large, synchronous: 'NORMAL' }));
  const to = localDate(new Date());
  const from = localDate(new Date(Date.now() - 29 * DAY_MS));
  const first = await core.dispatch('reports.dashboard', { from, to });
  if (!first.ok) throw new Error(JSON.stringify(first.error));
  const inRange = first.data.period.created;
  progress(`reports: reports.dashboard, ${rounds} rounds × ${calls} calls, today and 30 days`);
  const today = await time(rounds, calls, () => core.dispatch('reports.dashboard', undefined));
  const month = await time(rounds, calls, () => core.dispatch('reports.dashboard', { from, to }));
  await core.close();

  progress('reports: building the 10,000-case desk');
  const small = await buildDesk(dir, 'reports-export.sqlite', 10_000, 365);
  let exportBytes = 0;
  core = await asSupervisor(
    await openCore({
      dbPath: small,
      synchronous: 'NORMAL',
      saveFile: async (_name, content) => {
        exportBytes = content.byteLength;
        return { saved: true, path: null };
      },
    }),
  );
  let exportRows = 0;
  progress(`reports: cases.exportCsv, ${rounds} rounds × ${exportCalls} exports`);
  const exportAll = await time(rounds, exportCalls, async () => {
    const result = await core.dispatch('cases.exportCsv', undefined);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    exportRows = result.data.rows;
  });
  await core.close();
  // The baseline, in the same run: the same rows read raw, with the same joins, no CSV.
  const raw = openRaw(small);
  const readAll = raw.prepare(
    `SELECT c.*, cu.name AS customer_name, a.name AS agent_name FROM cases c
     JOIN customers cu ON cu.id = c.customer_id LEFT JOIN agents a ON a.id = c.agent_id
     ORDER BY c.created_at DESC, c.id DESC`,
  );
  const rawRead = await time(rounds, exportCalls, async () => readAll.all());
  raw.close();
  return { inRange, today, month, exportRows, exportBytes, exportAll, rawRead };
}

async function main() {
  const quick = process.argv.includes('--quick');
  const rounds = quick ? 3 : 7;
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-bench-reports-'));
  try {
    const r = await runReports({ dir, rounds, calls: quick ? 20 : 100, exportCalls: quick ? 3 : 10 });
    const show = (name: string, latencies: RoundLatency[], target: string) => {
      const f = latencyFigures(latencies);
      console.log(
        `${name.padEnd(48)} p50 ${f.p50.median.toFixed(2).padStart(8)} ms   p99 ${f.p99.median
          .toFixed(2)
          .padStart(8)} ms   ${target}`,
      );
    };
    console.log(`ReturnDesk report benchmarks (${rounds} rounds; medians of the rounds)`);
    show('reports.dashboard, today (24 hours)', r.today, '');
    show(`reports.dashboard, 30 days (${r.inRange} cases created)`, r.month, 'target p99 ≤ 50 ms');
    show(`cases.exportCsv, ${r.exportRows} cases (${(r.exportBytes / 1e6).toFixed(2)} MB)`, r.exportAll, '');
    show('baseline: the same rows read raw (no CSV)', r.rawRead, '');
    console.log(`export / raw read, p50: ${median(exportRatios(r)).toFixed(1)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** What the export costs over reading its rows raw: each round's p50 over the raw read's p50. */
export const exportRatios = (r: ReportsResult): number[] =>
  r.exportAll.map((round, i) => round.p50 / r.rawRead[i]!.p50);

if (require.main === module) void main();
