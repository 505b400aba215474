// The storage seam on embedded SQLite (issue 16): better-sqlite3 behind the async `SqlDriver`.
// better-sqlite3 itself is synchronous; what the seam adds is the await between two statements
// of one transaction. Every read and write therefore takes its turn on one in-process queue:
// a write holds the connection from `BEGIN IMMEDIATE` to `COMMIT`/`ROLLBACK`, so no other call
// (a read included) runs on it while the write waits at an await, and no read can see rows a
// write has not committed.
import type BetterSqlite3 from 'better-sqlite3';
import type { SqlDriver, SqlParams, SqlReader, SqlWriter } from './sql-driver';

/**
 * Prepared statements over the one better-sqlite3 connection, cached by their text. Each call
 * runs its statement at once; the promise only carries the answer (and a failure as a rejection).
 */
class SqliteStatements implements SqlWriter {
  readonly dialect = 'sqlite';
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(private readonly db: BetterSqlite3.Database) {}

  statement(sql: string): BetterSqlite3.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  async get<T>(sql: string, params: SqlParams = {}): Promise<T | undefined> {
    return this.statement(sql).get(params) as T | undefined;
  }

  async all<T>(sql: string, params: SqlParams = {}): Promise<T[]> {
    return this.statement(sql).all(params) as T[];
  }

  async run(sql: string, params: SqlParams = {}): Promise<{ changes: number }> {
    return { changes: this.statement(sql).run(params).changes };
  }
}

/**
 * The desk on its SQLite file. `db` is the raw connection, for what only SQLite has (backups,
 * `quick_check`, the shutdown marker, diagnostics): it is not part of `SqlDriver`.
 */
export class SqliteDriver implements SqlDriver {
  readonly dialect = 'sqlite';
  private readonly sql: SqliteStatements;
  // One statement each, reused by every transaction (preparing them per write showed in profiles).
  private readonly begin: BetterSqlite3.Statement;
  private readonly commit: BetterSqlite3.Statement;
  private readonly rollback: BetterSqlite3.Statement;
  /** Calls admitted to the queue and not yet finished (the running one included). */
  private waiting = 0;
  /** Settles when the last admitted call has finished: the next one starts after it. */
  private tail: Promise<void> = Promise.resolve();
  private closed = false;

  constructor(
    readonly db: BetterSqlite3.Database,
    /** Where a write's `at` comes from: core's clock (tests inject theirs). */
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.sql = new SqliteStatements(db);
    this.begin = db.prepare('BEGIN IMMEDIATE');
    this.commit = db.prepare('COMMIT');
    this.rollback = db.prepare('ROLLBACK');
  }

  /**
   * Runs `call` once every call admitted before it has finished. An idle queue starts it at
   * once (no promise hop on the common path of one call at a time).
   */
  private turn<T>(call: () => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('The desk database is closed.'));
    const running = this.waiting === 0 ? call() : this.tail.then(call);
    this.waiting += 1;
    this.tail = running.then(this.done, this.done);
    return running;
  }

  private readonly done = (): void => {
    this.waiting -= 1;
  };

  write<T>(fn: (sql: SqlWriter, at: Date) => Promise<T>): Promise<T> {
    return this.turn(async () => {
      this.begin.run();
      let result: T;
      try {
        result = await fn(this.sql, this.clock());
        this.commit.run();
      } catch (error) {
        // A failed COMMIT (the disk full) leaves the transaction open too.
        if (this.db.inTransaction) this.rollback.run();
        throw error;
      }
      return result;
    });
  }

  /** On the same queue as writes: never while a write transaction is open. */
  read<T>(fn: (sql: SqlReader) => Promise<T>): Promise<T> {
    return this.turn(() => fn(this.sql));
  }

  /**
   * Lets the calls already admitted finish and refuses new ones. The connection stays open:
   * whoever opened it (TypeORM's data source) closes it, after the shutdown marker.
   */
  async close(): Promise<void> {
    this.closed = true;
    await this.tail;
  }
}
