// A private PostgreSQL cluster for the tests (issue 16): Debian's own binaries, a data
// folder made for this run and removed after it, listening on 127.0.0.1 only at a free
// port, its unix socket inside that folder. Nothing is installed, configured or started
// system-wide, so it runs beside any other PostgreSQL on the machine.
//
//   npx tsx scripts/pg-cluster.ts     starts one, prints its URL, stops it on Ctrl-C.
//
// As root (CI, and the project's machines) the server runs as the `postgres` user, which
// Debian's package creates: PostgreSQL refuses to run as root. As anyone else, as them.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const DEBIAN_ROOT = '/usr/lib/postgresql';

export interface PgCluster {
  /** `postgres://postgres:<password>@127.0.0.1:<port>/<database>`: a superuser, for tests only. */
  url: string;
  port: number;
  dir: string;
  /** PostgreSQL's major version, from the folder its binaries came from. */
  version: string;
  /** How long `initdb` and the start took, in ms. */
  startMs: number;
  /** Stops the server at once and removes its folder. Safe to call twice. */
  stop(): void;
}

export interface PgClusterOptions {
  /** Where its temporary folder goes (default: the system's temp folder). */
  parentDir?: string;
  /** The database created for the URL (default `returndesk`). */
  database?: string;
}

/** Thrown when no PostgreSQL is installed: says what to install. */
export class PostgresMissingError extends Error {}

/** The newest Debian PostgreSQL's bin folder, or `PostgresMissingError`. */
export function findPostgresBin(root = DEBIAN_ROOT): { bin: string; version: string } {
  const versions = existsSync(root)
    ? readdirSync(root)
        .filter((v) => existsSync(join(root, v, 'bin', 'initdb')))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  if (!versions.length)
    throw new PostgresMissingError(
      `PostgreSQL is not installed: no ${root}/*/bin/initdb. The PostgreSQL tests start a private ` +
        `cluster with Debian's binaries: install them with \`apt-get install postgresql\` ` +
        `(.ci/run does so), then run \`npm run test:postgres\` again. \`npm test\` does not need it.`,
    );
  return { bin: join(root, versions[0]!, 'bin'), version: versions[0]! };
}

/** A TCP port nobody listens on at 127.0.0.1 right now. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const started = performance.now();
  const { bin, version } = findPostgresBin();
  const asRoot = process.getuid?.() === 0;
  const dir = mkdtempSync(join(options.parentDir ?? tmpdir(), 'returndesk-pg-'));
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  let running = false;

  /** Runs a PostgreSQL binary as the server's user; throws with its output on failure. */
  const pgRun = (tool: string, args: string[]): void => {
    const command = asRoot ? 'runuser' : join(bin, tool);
    const fullArgs = asRoot ? ['-u', 'postgres', '--', join(bin, tool), ...args] : args;
    const result: SpawnSyncReturns<string> = spawnSync(command, fullArgs, { encoding: 'utf8' });
    if (result.status !== 0)
      throw new Error(
        `${tool} failed (${result.error?.message ?? `exit ${String(result.status)}`}): ` +
          `${result.stderr}${result.stdout}`.trim(),
      );
  };

  const stop = (): void => {
    if (running) {
      running = false;
      // Immediate: a throwaway cluster needs no checkpoint. Errors are moot: the folder goes.
      try {
        pgRun('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } catch {
        // already stopped
      }
    }
    rmSync(dir, { recursive: true, force: true });
    process.off('exit', stop);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    stop();
    process.kill(process.pid, signal);
  };
  process.on('exit', stop);
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (asRoot) {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
      chownSync(dir, uid, gid);
    }
    const pwfile = join(dir, 'pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    pgRun('initdb', [
      '-D',
      data,
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync', // a throwaway: nothing to make durable
      '--no-instructions',
    ]);
    rmSync(pwfile);
    let lastError: unknown;
    // A port found free can be taken before the server binds it: try another then.
    for (let attempt = 0; attempt < 3; attempt++) {
      const port = await freePort();
      appendFileSync(
        join(data, 'postgresql.conf'),
        [
          '',
          '# the test cluster (scripts/pg-cluster.ts)',
          "listen_addresses = '127.0.0.1'",
          `port = ${port}`,
          `unix_socket_directories = '${dir}'`,
          // The race test replays commits in commit order.
          'track_commit_timestamp = on',
          // Speed over durability: a crash loses only a test run.
          'fsync = off',
          'synchronous_commit = off',
          'full_page_writes = off',
          '',
        ].join('\n'),
      );
      try {
        pgRun('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
        running = true;
        const database = options.database ?? 'returndesk';
        const admin = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}`;
        await createDatabase(`${admin}/postgres`, database);
        return {
          url: `${admin}/${database}`,
          port,
          dir,
          version,
          startMs: Math.round(performance.now() - started),
          stop,
        };
      } catch (error) {
        lastError = error;
        if (running) throw error;
      }
    }
    throw lastError;
  } catch (error) {
    stop();
    throw error;
  }
}

/** `CREATE DATABASE <name>` through pg (a dynamic import: only this path needs it). */
async function createDatabase(adminUrl: string, name: string): Promise<void> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`database name ${name} is not a plain identifier`);
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

// `tsx scripts/pg-cluster.ts`: one cluster until Ctrl-C.
if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  startPgCluster().then(
    (cluster) => {
      console.log(`PostgreSQL ${cluster.version} up in ${cluster.startMs} ms: ${cluster.url}`);
      console.log('Ctrl-C stops it and removes its folder.');
      setInterval(() => undefined, 1 << 30);
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
