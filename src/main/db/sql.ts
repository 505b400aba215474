import type BetterSqlite3 from 'better-sqlite3';

type Params = Record<string, unknown>;

/**
 * Prepared statements over the one better-sqlite3 connection, cached by their
 * text. Every call is synchronous: a transaction run through `transaction`
 * cannot interleave with any other JavaScript, which is what serialises writes.
 */
export class Sql {
  private readonly statements = new Map<string, BetterSqlite3.Statement>();

  constructor(readonly db: BetterSqlite3.Database) {
    this.immediate = db.transaction((fn: () => unknown) => fn()).immediate;
  }

  private statement(sql: string): BetterSqlite3.Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  get<T>(sql: string, params: Params = {}): T | undefined {
    return this.statement(sql).get(params) as T | undefined;
  }

  all<T>(sql: string, params: Params = {}): T[] {
    return this.statement(sql).all(params) as T[];
  }

  run(sql: string, params: Params = {}): { changes: number; lastInsertRowid: number } {
    const info = this.statement(sql).run(params);
    return { changes: info.changes, lastInsertRowid: Number(info.lastInsertRowid) };
  }

  // One wrapper for every transaction: better-sqlite3's `db.transaction(fn)` builds four
  // wrapper functions and their properties on each call (seen in the create profile).
  private readonly immediate: (fn: () => unknown) => unknown;

  /** Runs `fn` in one IMMEDIATE transaction; a throw rolls everything back. */
  transaction<T>(fn: () => T): T {
    return this.immediate(fn) as T;
  }
}
