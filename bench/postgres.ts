// PostgreSQL rows (issue 16): intake and hand-over with 1 and with 4 workstations, each a
// separate process (bench/pg-worker.ts) on one shared desk in a private cluster
// (scripts/pg-cluster.ts: Debian's binaries, 127.0.0.1, fsync off, so like SQLite's NORMAL
// rows the figures leave the disk out). Every scenario gets a fresh desk copied from one
// migrated template. Without PostgreSQL installed the part is skipped with the reason.
import { spawn } from 'node:child_process';
import { join, resolve } from 'node:path';
import { buildSync } from 'esbuild';
import pg from 'pg';
import { cheapHashesForTests } from '../src/main/auth/secrets';
import { openCore } from '../src/main/core';
import { createMemoryLogger } from '../src/main/log/memory-logger';
import { runPostgresMigrations } from '../src/main/db/postgres/run-migrations';
import { asSupervisor } from '../src/main/test/as-supervisor';
import { PostgresMissingError, startPgCluster } from '../scripts/pg-cluster';
import { progress } from './lib/progress';
import { percentile } from './lib/stats';

export interface PgScenario {
  name: 'intake' | 'handover';
  workers: number;
  calls: number;
  p50: number;
  p99: number;
  /** All workers' calls per second of wall time. */
  opsPerS: number;
}

export interface PostgresResult {
  skipped?: string;
  version?: string;
  agents: number;
  waiting: number;
  scenarios: PgScenario[];
}

const AGENTS = 20;

export async function runPostgres(options: { dir: string; calls: number }): Promise<PostgresResult> {
  let cluster;
  try {
    // In the system temp folder: the bench folder is private to this user, not the server's.
    cluster = await startPgCluster();
  } catch (error) {
    if (error instanceof PostgresMissingError)
      return { skipped: error.message, agents: AGENTS, waiting: 0, scenarios: [] };
    throw error;
  }
  try {
    progress(`PostgreSQL ${cluster.version}: private cluster up in ${cluster.startMs} ms`);
    const worker = join(options.dir, 'pg-worker.cjs');
    buildSync({
      entryPoints: [join(__dirname, 'pg-worker.ts')],
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outfile: worker,
      logLevel: 'error',
    });
    const admin = new pg.Client({ connectionString: cluster.url });
    await admin.connect();
    const dbUrl = (name: string) => {
      const url = new URL(cluster.url);
      url.pathname = `/${name}`;
      return url.href;
    };
    await admin.query('CREATE DATABASE bench_template');
    await runPostgresMigrations(dbUrl('bench_template'));
    // The hand-over keeps the queue this long at the end: every resolve hands a case over.
    const waiting = options.calls + AGENTS;
    const scenarios: PgScenario[] = [];
    try {
      for (const name of ['intake', 'handover'] as const) {
        for (const workers of [1, 4]) {
          const db = `bench_${name}_${workers}`;
          await admin.query(`CREATE DATABASE ${db} TEMPLATE bench_template`);
          await seed(dbUrl(db), name === 'handover' ? waiting + AGENTS : 0);
          progress(`PostgreSQL ${name}, ${workers} process${workers > 1 ? 'es' : ''}`);
          scenarios.push(await runScenario(worker, dbUrl(db), name, workers, options.calls));
        }
      }
    } finally {
      await admin.end();
    }
    return { version: cluster.version, agents: AGENTS, waiting, scenarios };
  } finally {
    cluster.stop();
  }
}

/** A desk with one customer and 20 agents on duty; for the hand-over, `cases` logged (20 assigned, the rest waiting). */
async function seed(url: string, cases: number): Promise<void> {
  cheapHashesForTests(2);
  const core = await asSupervisor(await openCore({ databaseUrl: url, logger: createMemoryLogger() }));
  try {
    const must = async (channel: string, input: unknown) => {
      const result = await core.dispatch(channel as 'customers.create', input as never);
      if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
      return result.data as unknown as { id: number };
    };
    const customer = await must('customers.create', { name: 'Ana', email: 'ana@example.com' });
    for (let i = 1; i <= AGENTS; i++) await must('agents.create', { name: `Agent ${i}`, pin: '1234' });
    for (let i = 0; i < cases; i++)
      await must('cases.create', {
        customerId: customer.id,
        orderNumber: `S-${i}`,
        product: 'Kettle',
        reason: 'defective',
        priority: i % 10 === 0 ? 'high' : 'normal',
      });
  } finally {
    await core.close();
  }
}

async function runScenario(
  worker: string,
  url: string,
  name: PgScenario['name'],
  workers: number,
  calls: number,
): Promise<PgScenario> {
  const per = Math.ceil(calls / workers);
  const children = Array.from({ length: workers }, (_, index) => {
    const proc = spawn(process.execPath, [worker, url, name, String(per), String(index), String(workers)], {
      env: { ...process.env, NODE_PATH: resolve(__dirname, '../node_modules') },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    let markReady: () => void = () => undefined;
    const ready = new Promise<void>((done) => (markReady = done));
    proc.stdout.setEncoding('utf8');
    proc.stdout.on('data', (chunk: string) => {
      out += chunk;
      if (out.includes('ready\n')) markReady();
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const done = new Promise<number[]>((resolveDone, reject) =>
      proc.on('close', (code) => {
        markReady();
        const line = out.split('\n').find((l) => l.startsWith('result '));
        if (code === 0 && line) resolveDone((JSON.parse(line.slice(7)) as { samples: number[] }).samples);
        else reject(new Error(`pg-worker exited ${String(code)}: ${out.slice(-1000)} ${err.slice(-1000)}`));
      }),
    );
    return { proc, ready, done };
  });
  await Promise.all(children.map((c) => c.ready));
  const started = performance.now();
  for (const child of children) child.proc.stdin.write('go\n');
  const samples = (await Promise.all(children.map((c) => c.done))).flat().sort((a, b) => a - b);
  const wallMs = performance.now() - started;
  return {
    name,
    workers,
    calls: samples.length,
    p50: percentile(samples, 50),
    p99: percentile(samples, 99),
    opsPerS: (samples.length / wallMs) * 1000,
  };
}
