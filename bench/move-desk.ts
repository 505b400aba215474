// `npx tsx bench/move-desk.ts [cases]`: moving a large SQLite desk (default 100,000 cases,
// with their timelines and the agent log, bench/reports.ts's desk) into an empty database
// of a private PostgreSQL cluster (scripts/pg-cluster.ts: 127.0.0.1, fsync off), timed.
// Prints the report's figures; docs/ARCHITECTURE.md ("Moving a desk") keeps the last run's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { moveDeskToPostgres } from '../src/main/db/postgres/move-desk';
import { startPgCluster } from '../scripts/pg-cluster';
import { progress } from './lib/progress';
import { buildDesk } from './reports';

async function main(): Promise<void> {
  const cases = Number(process.argv[2] ?? 100_000);
  const dir = mkdtempSync(join(tmpdir(), 'returndesk-bench-move-'));
  const cluster = await startPgCluster();
  try {
    progress(`move-desk: building a ${cases.toLocaleString('en')}-case desk`);
    const dbPath = await buildDesk(dir, 'move.sqlite', cases, 365);
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    await admin.query('CREATE DATABASE move_bench');
    await admin.end();
    const url = new URL(cluster.url);
    url.pathname = '/move_bench';
    progress(`move-desk: moving it to PostgreSQL ${cluster.version}`);
    const result = await moveDeskToPostgres({ sqlitePath: dbPath, target: url.href });
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const { tables, derived, rows, durationMs } = result.data;
    for (const t of tables)
      console.log(`${t.table.padEnd(18)} ${String(t.rows).padStart(9)} rows ${String(t.ms).padStart(7)} ms`);
    for (const t of derived)
      console.log(`${t.table.padEnd(18)} ${String(t.rows).padStart(9)} rows (its triggers)`);
    console.log(`${'rows copied'.padEnd(18)} ${String(rows).padStart(9)}`);
    console.log(`${'ms'.padEnd(18)} ${String(durationMs).padStart(9)}`);
  } finally {
    cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
