// The storage seam (issue 16): what services, the engine and auth need from a
// database, with one implementation per engine. Embedded SQLite stays the
// default; a shared PostgreSQL lets several counters work one queue.

export type SqlDialect = 'sqlite' | 'postgres';
/** What SQL texts are built for: a reader, a writer, or a dialect alone (texts built once). */
export type OfDialect = Pick<SqlReader, 'dialect'>;

/**
 * SQL that has no form both engines accept (a boolean test that SQLite's partial index must
 * see as written, a date difference): one text per engine, picked by the statements' dialect.
 */
export function dialectSql(sql: OfDialect, forms: Record<SqlDialect, string>): string {
  return forms[sql.dialect];
}

/** Named parameters: `@name` in the SQL text, `{ name: value }` here, on both engines. */
export type SqlParams = Record<string, unknown>;

/** Statements that read. Rows come back with numbers as numbers on both engines. */
export interface SqlReader {
  /** The engine these statements run on, for the few forms that differ (`dialectSql`). */
  readonly dialect: SqlDialect;
  get<T>(sql: string, params?: SqlParams): Promise<T | undefined>;
  all<T>(sql: string, params?: SqlParams): Promise<T[]>;
}

/** Statements inside a write transaction. Generated ids come back through `RETURNING`. */
export interface SqlWriter extends SqlReader {
  run(sql: string, params?: SqlParams): Promise<{ changes: number }>;
}

export interface SqlDriver {
  readonly dialect: SqlDialect;
  /**
   * One write transaction, serialised with every other write to this desk, from any
   * workstation: on SQLite one in-process queue and `BEGIN IMMEDIATE`; on PostgreSQL
   * `pg_advisory_xact_lock(<desk key>)` first, at READ COMMITTED. `at` is the
   * transaction's single instant, taken after the lock: the driver's clock when it was
   * given one (tests), else the database's (`clock_timestamp()` on PostgreSQL, since
   * workstation clocks drift). A throw or a rejection rolls everything back.
   */
  write<T>(fn: (sql: SqlWriter, at: Date) => Promise<T>): Promise<T>;
  /**
   * Reads that all see one committed state: on SQLite never while a write is open
   * (no read sees uncommitted rows); on PostgreSQL one REPEATABLE READ READ ONLY
   * transaction.
   */
  read<T>(fn: (sql: SqlReader) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}
