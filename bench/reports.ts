// `npx tsx bench/reports.ts [--quick]`: issue 14's benchmark rows, on fresh temp
// databases built with raw SQL (bench/lib/seed.ts):
//   - reports.dashboard for a 30-day range through dispatch on the 100,000-case
//     desk, with duty and busy history in agent_events (target p99 ≤ 50 ms);
//   - cases.exportCsv of a 10,000-case desk (bytes made in main; the save port
//     records them, as the app's dialog would receive them).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { asSupervisor } from '../src/main/test/as-supervisor';
import { openCore } from '../src/main/core';
import { localDate } from '../src/shared/dates';
import { migrate, openRaw, seedDesk } from './lib/seed';
import { latencyFigures, latencyRound, type RoundLatency } from './lib/stats';

const quick = process.argv.includes('--quick');
const ROUNDS = quick ? 3 : 7;
const CALLS = quick ? 20 : 100;
const EXPORT_CALLS = quick ? 3 : 10;
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

async function main() {
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-bench-reports-'));
  try {
    process.stderr.write('building the 100,000-case desk (3 years) …\n');
    const large = await buildDesk(dir, 'large.sqlite', 100_000, 3 * 365);
    let core = await asSupervisor(await openCore({ dbPath: large, synchronous: 'NORMAL' }));
    const to = localDate(new Date());
    const from = localDate(new Date(Date.now() - 29 * DAY_MS));
    const first = await core.dispatch('reports.dashboard', { from, to });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const inRange = first.data.period.created;
    const today = await time(ROUNDS, CALLS, () => core.dispatch('reports.dashboard', undefined));
    const month = await time(ROUNDS, CALLS, () => core.dispatch('reports.dashboard', { from, to }));
    await core.close();

    process.stderr.write('building the 10,000-case desk …\n');
    const small = await buildDesk(dir, 'export.sqlite', 10_000, 365);
    let bytes = 0;
    core = await asSupervisor(
      await openCore({
        dbPath: small,
        synchronous: 'NORMAL',
        saveFile: async (_name, content) => {
          bytes = content.byteLength;
          return { saved: true, path: null };
        },
      }),
    );
    let rows = 0;
    const exportAll = await time(ROUNDS, EXPORT_CALLS, async () => {
      const result = await core.dispatch('cases.exportCsv', undefined);
      if (!result.ok) throw new Error(JSON.stringify(result.error));
      rows = result.data.rows;
    });
    await core.close();
    // The baseline, in the same run: the same rows read raw, with the same joins, no CSV.
    const raw = openRaw(small);
    const readAll = raw.prepare(
      `SELECT c.*, cu.name AS customer_name, a.name AS agent_name FROM cases c
       JOIN customers cu ON cu.id = c.customer_id LEFT JOIN agents a ON a.id = c.agent_id
       ORDER BY c.created_at DESC, c.id DESC`,
    );
    const rawRead = await time(ROUNDS, EXPORT_CALLS, async () => readAll.all());
    raw.close();

    const show = (name: string, rounds: RoundLatency[], target: string) => {
      const f = latencyFigures(rounds);
      console.log(
        `${name.padEnd(48)} p50 ${f.p50.median.toFixed(2).padStart(8)} ms   p99 ${f.p99.median
          .toFixed(2)
          .padStart(8)} ms   ${target}`,
      );
    };
    console.log(`ReturnDesk report benchmarks (${ROUNDS} rounds; medians of the rounds)`);
    show('reports.dashboard, today (24 hours)', today, '');
    show(`reports.dashboard, 30 days (${inRange} cases created)`, month, 'target p99 ≤ 50 ms');
    show(`cases.exportCsv, ${rows} cases (${(bytes / 1e6).toFixed(2)} MB)`, exportAll, '');
    show('baseline: the same rows read raw (no CSV)', rawRead, '');
    const ratio = latencyFigures(exportAll).p50.median / latencyFigures(rawRead).p50.median;
    console.log(`export / raw read, p50: ${ratio.toFixed(1)}×`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
