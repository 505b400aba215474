// The storage seam on a shared PostgreSQL (issue 16): several workstations, one desk.
//
// Why each choice (see docs/ARCHITECTURE.md, "PostgreSQL"):
// - Writes take `pg_advisory_xact_lock(<desk key>)` first, at READ COMMITTED. The issue's
//   prototype (4 processes, 10 agents, ~2,000 commits a run) compared this with SKIP LOCKED
//   (cases left queued while an agent was free, hundreds of fairness inversions) and
//   SERIALIZABLE (a third of transactions retried, p99 of 245–430 ms); the lock had no
//   double assignment, no missed hand-over, no inversion and no retry, at a p99 of ~55 ms.
//   It is SQLite's one-writer `BEGIN IMMEDIATE` across machines: the engine and its SQL
//   stay as they are, each write seeing every write committed before it.
// - `at` is read from the server with `clock_timestamp()` after the lock is held: the
//   workstations' clocks drift, and a time taken before the wait could be older than one
//   a transaction committed ahead of it (the queue's order and free-since would invert).
// - `SET LOCAL lock_timeout`: a write that cannot get the desk (a workstation stuck
//   holding it) fails after a bounded wait, like SQLite's busy_timeout, instead of hanging.
//   The server's `idle_in_transaction_session_timeout` (set per session here too) ends a
//   session that holds the lock and does nothing, so the desk is never held for good.
// - Reads: one REPEATABLE READ READ ONLY transaction, so the statements of one read see
//   one committed state (a page and its total agree), and never take the desk's lock.
// - Numbers as numbers: `count(*)` and `bigint` (int8) and `numeric` come back from pg as
//   strings; here they are parsed to numbers on this pool's own type table (pg's global
//   table is left alone for any other user of pg in the process). Booleans come back as
//   1/0, as SQLite returns them, so the row types of rows.ts hold on both engines.
import pg from 'pg';
import type { SqlDriver, SqlParams, SqlReader, SqlWriter } from '../sql-driver';
import { connectionOf, pgConfig, type PgTarget } from './connection';
import { PositionalCache, positionalValues } from './named-params';

/** `pg_advisory_xact_lock(int4, int4)`'s first half: 'RDK1', the desk's SQLite application_id. */
export const DESK_LOCK_CLASS = 1380207409;
/** The second half: every write to the desk. (The migrations take `MIGRATION_LOCK_ID`.) */
export const WRITE_LOCK_ID = 1;
export const MIGRATION_LOCK_ID = 0;

export interface PgDriverOptions {
  /** Where the desk is: a connection (with its TLS mode) or a `postgres://` URL. */
  connection: PgTarget;
  /** Tests only: the transaction's instant instead of the server's `clock_timestamp()`. */
  now?: () => Date;
  /** How long a write waits for the desk before failing (`lock_timeout`), in ms. */
  lockTimeoutMs?: number;
  /** The server ends a session idle inside a transaction this long, in ms. */
  idleInTransactionTimeoutMs?: number;
  /** Which desk's lock: two desks in one database would each take their own. */
  deskLockId?: number;
  /** More pool settings (size); TLS comes with `connection`. */
  pool?: Omit<
    pg.PoolConfig,
    'connectionString' | 'types' | 'host' | 'port' | 'database' | 'user' | 'password' | 'ssl'
  >;
}

const INT8 = 20;
const NUMERIC = 1700;
const BOOL = 16;

/** A type table for one pool: int8 and numeric as numbers, booleans as 1/0. */
export function numberTypes(): pg.CustomTypesConfig {
  const types = new pg.TypeOverrides();
  types.setTypeParser(INT8, 'text', (value: string) => {
    const parsed = Number(value);
    if (!Number.isSafeInteger(parsed)) throw new RangeError(`bigint ${value} is beyond a safe number`);
    return parsed;
  });
  types.setTypeParser(NUMERIC, 'text', (value: string) => Number(value));
  types.setTypeParser(BOOL, 'text', (value: string) => (value === 't' ? 1 : 0));
  return types;
}

export class PgDriver implements SqlDriver {
  readonly dialect = 'postgres';
  private readonly pool: pg.Pool;
  private readonly positional = new PositionalCache();
  private readonly lockTimeoutMs: number;
  private readonly deskLockId: number;
  /** This process's writes in the order they came (see `write`). */
  private writes: Promise<void> = Promise.resolve();

  constructor(private readonly options: PgDriverOptions) {
    this.lockTimeoutMs = integer(options.lockTimeoutMs ?? 5000, 'lockTimeoutMs');
    this.deskLockId = integer(options.deskLockId ?? WRITE_LOCK_ID, 'deskLockId');
    this.pool = new pg.Pool({
      max: 4,
      application_name: 'ReturnDesk',
      idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs ?? 60_000,
      ...options.pool,
      ...pgConfig(connectionOf(options.connection)),
      types: numberTypes(),
    });
    // An idle client that loses its connection emits here; without a listener that is an
    // uncaught error. The pool drops the client and the next call connects anew.
    this.pool.on('error', () => undefined);
  }

  /**
   * This process's writes, one after another, as on SQLite: the desk's lock already makes
   * every workstation's writes take turns, and within one the turn is then the order the calls
   * came in: no connection is held waiting on the lock behind a sibling, and one call's answer
   * is back (no round trip left) while the next is still on its way to the server.
   */
  write<T>(fn: (sql: SqlWriter, at: Date) => Promise<T>): Promise<T> {
    const turn = this.writes.then(() => this.writeNow(fn));
    this.writes = turn.then(
      () => undefined,
      () => undefined,
    );
    return turn;
  }

  private async writeNow<T>(fn: (sql: SqlWriter, at: Date) => Promise<T>): Promise<T> {
    return this.transaction(
      // One round trip, in order: the lock is held before the clock is read.
      `BEGIN ISOLATION LEVEL READ COMMITTED;
       SET LOCAL lock_timeout = ${this.lockTimeoutMs};
       SELECT pg_advisory_xact_lock(${DESK_LOCK_CLASS}, ${this.deskLockId});
       ${this.options.now ? '' : 'SELECT clock_timestamp() AS at;'}`,
      (results, sql) => {
        const at = this.options.now ? this.options.now() : readInstant(results);
        return fn(sql, at);
      },
    );
  }

  async read<T>(fn: (sql: SqlReader) => Promise<T>): Promise<T> {
    return this.transaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', (_results, sql) => fn(sql));
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(
    begin: string,
    fn: (results: pg.QueryResult | pg.QueryResult[], sql: SqlWriter) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    const scope = new TransactionScope(client, this.positional);
    let broken: Error | undefined;
    try {
      // Several statements in one text answer with one result each (pg's types say one).
      const results: pg.QueryResult | pg.QueryResult[] = await client.query(begin);
      const value = await fn(results, scope);
      scope.end();
      await client.query('COMMIT');
      return value;
    } catch (error) {
      scope.end();
      try {
        await client.query('ROLLBACK');
      } catch (rollbackError) {
        // The connection is gone (or unusable): the server rolls back; this client is not reused.
        broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
      }
      throw error;
    } finally {
      client.release(broken);
    }
  }
}

/** The statements of one transaction, refused once it has ended (a call left un-awaited). */
class TransactionScope implements SqlWriter {
  readonly dialect = 'postgres';
  private open = true;

  constructor(
    private readonly client: pg.PoolClient,
    private readonly positional: PositionalCache,
  ) {}

  end(): void {
    this.open = false;
  }

  private async query<R extends pg.QueryResultRow>(
    sql: string,
    params?: SqlParams,
  ): Promise<pg.QueryResult<R>> {
    if (!this.open) throw new Error('This transaction has ended: its statements must be awaited inside it.');
    const positional = this.positional.get(sql);
    return this.client.query<R>(positional.text, positionalValues(positional, params));
  }

  async get<T>(sql: string, params?: SqlParams): Promise<T | undefined> {
    return (await this.query(sql, params)).rows[0] as T | undefined;
  }

  async all<T>(sql: string, params?: SqlParams): Promise<T[]> {
    return (await this.query(sql, params)).rows as T[];
  }

  async run(sql: string, params?: SqlParams): Promise<{ changes: number }> {
    return { changes: (await this.query(sql, params)).rowCount ?? 0 };
  }
}

/** The instant the write's opening statements read: the last one's single row. */
function readInstant(results: pg.QueryResult | pg.QueryResult[]): Date {
  const last = Array.isArray(results) ? results.at(-1) : results;
  const at: unknown = last?.rows[0]?.at;
  if (!(at instanceof Date)) throw new Error('The write did not read clock_timestamp()');
  return at;
}

function integer(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a whole number`);
  return value;
}
