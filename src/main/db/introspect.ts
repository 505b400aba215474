// What a raw better-sqlite3 connection says about the file it holds: its tables, the
// migrations applied, a PRAGMA's findings. The opener, the restore check, diagnostics
// and the fixture dump all ask these; one place answers, without asserting row shapes.
import type BetterSqlite3 from 'better-sqlite3';

/** The first column of every row, as text (`pluck` gives `unknown`: `String` keeps it honest). */
export const textColumn = (db: BetterSqlite3.Database, sql: string, ...params: unknown[]): string[] =>
  db
    .prepare(sql)
    .pluck()
    .all(...params)
    .map(String);

/** The first column of the first row, or `undefined` when there is no row. */
export const firstValue = (db: BetterSqlite3.Database, sql: string, ...params: unknown[]): unknown =>
  db
    .prepare(sql)
    .pluck()
    .get(...params);

/** Every table of the file, SQLite's own (`sqlite_%`) included, in creation order. */
export const allTables = (db: BetterSqlite3.Database): string[] =>
  textColumn(db, `SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid`);

/** The tables the desk made (migrations, FTS), without SQLite's own. */
export const deskTables = (db: BetterSqlite3.Database): string[] =>
  allTables(db).filter((name) => !name.startsWith('sqlite_'));

/** Full-text search tables: their shadow tables (`<name>_data`, …) are their storage, not data. */
export const virtualTables = (db: BetterSqlite3.Database): string[] =>
  textColumn(db, `SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%'`);

/** The migrations applied, oldest first; none when the file has no migrations table. */
export const appliedMigrations = (db: BetterSqlite3.Database, tables: readonly string[]): string[] =>
  tables.includes('schema_migrations')
    ? textColumn(db, 'SELECT name FROM schema_migrations ORDER BY id')
    : [];

/** A checking PRAGMA's findings (`quick_check(5)`, `integrity_check(20)`): `['ok']` when healthy. */
export const pragmaFindings = (db: BetterSqlite3.Database, pragma: string): string[] =>
  textColumn(db, `PRAGMA ${pragma}`);
