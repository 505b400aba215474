// A private PostgreSQL cluster for the tests (issue 16): Debian's own binaries, a data
// folder made for this run and removed after it, listening on 127.0.0.1 only at a free
// port, its unix socket inside that folder. Nothing is installed, configured or started
// system-wide, so it runs beside any other PostgreSQL on the machine.
//
//   npx tsx scripts/pg-cluster.ts     starts one, prints its URL, stops it on Ctrl-C.
//
// As root (CI, and the project's machines) the server runs as the `postgres` user, which
// Debian's package creates: PostgreSQL refuses to run as root. As anyone else, as them.
//
// `initdb` costs about 1.5 s of CPU, most of a start. Its result is kept once per machine and
// PostgreSQL build, as a template in ~/.cache/returndesk-pg (delete it at will), and copied
// for each cluster, which then sets a new random password of its own.
import { execFileSync, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
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
  /** How long the start took, in ms (`initdb` included when its template had to be made). */
  startMs: number;
  /** Whether `initdb` ran for this start (no template was kept yet). */
  initdb: boolean;
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
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolvePort(address.port) : reject(new Error('no port')),
      );
    });
  });
}

const asRoot = (): boolean => process.getuid?.() === 0;

/** Runs a command; throws with its output on failure. */
function runChecked(command: string, args: string[]): void {
  const result: SpawnSyncReturns<string> = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0)
    throw new Error(
      `${[command, ...args].join(' ')} failed (${result.error?.message ?? `exit ${String(result.status)}`}): ` +
        `${result.stderr}${result.stdout}`.trim(),
    );
}

// util-linux's runuser is in sbin, which a root shell's PATH may leave out (a minimal CI
// environment did): take it from there when it is there.
const RUNUSER = ['/usr/sbin/runuser', '/sbin/runuser'].find((path) => existsSync(path)) ?? 'runuser';

/** Runs a PostgreSQL binary as the server's user. */
function pgRun(bin: string, tool: string, args: string[]): void {
  if (asRoot()) runChecked(RUNUSER, ['-u', 'postgres', '--', join(bin, tool), ...args]);
  else runChecked(join(bin, tool), args);
}

/** A new folder (mode 700) that the server's user owns. */
function serverFolder(parent: string, prefix: string): string {
  const dir = mkdtempSync(join(parent, prefix));
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
    const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }));
    chownSync(dir, uid, gid);
  }
  return dir;
}

/** Bumped when the template's initdb options change, so an older template is not reused. */
const TEMPLATE_FORMAT = 1;

/**
 * A freshly initialised data folder for this PostgreSQL build, made once and kept, with its
 * superuser's password. Built aside and renamed into the cache whole, so a half-made template
 * is never used (two runs building at once: the first rename wins, the other uses it).
 */
function template(bin: string, version: string): { data: string; password: string; made: boolean } {
  const initdb = statSync(join(bin, 'initdb'));
  const cacheRoot = join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'returndesk-pg');
  const key = `${version}-${Math.round(initdb.mtimeMs)}-${initdb.size}-v${TEMPLATE_FORMAT}`;
  const kept = join(cacheRoot, key);
  if (existsSync(join(kept, 'password')))
    return { data: join(kept, 'data'), password: readFileSync(join(kept, 'password'), 'utf8'), made: false };

  const password = randomBytes(18).toString('base64url');
  // initdb runs as the server's user, which cannot reach root's home: it works in a temp folder.
  const work = serverFolder(tmpdir(), 'returndesk-pg-initdb-');
  try {
    const pwfile = join(work, 'pwfile');
    writeFileSync(pwfile, `${password}\n`, { mode: 0o644 });
    pgRun(bin, 'initdb', [
      '-D',
      join(work, 'data'),
      '-U',
      'postgres',
      `--pwfile=${pwfile}`,
      '--auth=scram-sha-256',
      '--encoding=UTF8',
      '--no-locale',
      '--no-sync', // a throwaway: nothing to make durable
      '--no-instructions',
    ]);
    mkdirSync(cacheRoot, { recursive: true, mode: 0o700 });
    const building = mkdtempSync(join(cacheRoot, `${key}.building-`));
    runChecked('cp', ['-a', join(work, 'data'), join(building, 'data')]);
    writeFileSync(join(building, 'password'), password, { mode: 0o600 });
    try {
      renameSync(building, kept);
    } catch {
      rmSync(building, { recursive: true, force: true });
      return template(bin, version);
    }
    return { data: join(kept, 'data'), password, made: true };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export async function startPgCluster(options: PgClusterOptions = {}): Promise<PgCluster> {
  const started = performance.now();
  const { bin, version } = findPostgresBin();
  const database = options.database ?? 'returndesk';
  if (!/^[a-z_][a-z0-9_]*$/.test(database)) throw new Error(`database name ${database} is not plain`);
  const dir = serverFolder(options.parentDir ?? tmpdir(), 'returndesk-pg-');
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('base64url');
  let running = false;

  const stop = (): void => {
    if (running) {
      running = false;
      // Immediate: a throwaway cluster needs no checkpoint. Errors are moot: the folder goes.
      try {
        pgRun(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
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
    const made = template(bin, version);
    // -a keeps the owner (the server's user) and the modes PostgreSQL insists on.
    runChecked('cp', ['-a', made.data, data]);
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
        pgRun(bin, 'pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '30', 'start']);
        running = true;
        const server = `127.0.0.1:${port}`;
        // The template's password is known to every cluster made from it: this one gets its own.
        await superuser(`postgres://postgres:${encodeURIComponent(made.password)}@${server}/postgres`, [
          `ALTER ROLE postgres PASSWORD '${password}'`,
          `CREATE DATABASE ${database}`,
        ]);
        return {
          url: `postgres://postgres:${encodeURIComponent(password)}@${server}/${database}`,
          port,
          dir,
          version,
          startMs: Math.round(performance.now() - started),
          initdb: made.made,
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

/** Statements run as the superuser through pg (imported here only: the CLI's one need of it). */
async function superuser(url: string, statements: string[]): Promise<void> {
  const { default: pg } = await import('pg');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    for (const statement of statements) await client.query(statement);
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
