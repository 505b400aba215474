// The rows of a ReturnDesk database as plain INSERT statements: how a
// migration fixture is frozen, so later versions can rebuild that database.
import type BetterSqlite3 from 'better-sqlite3';
import { allTables, deskTables, virtualTables } from '../db/introspect';
import { SHUTDOWN_SETTING } from '../db/shutdown-marker';

/**
 * The data tables in creation order (parents before children), without SQLite's and TypeORM's
 * own, and without search indexes (FTS5 tables and their shadow tables): triggers rebuild those
 * from the rows, so they are derived data, not data.
 */
export function dataTables(db: BetterSqlite3.Database): string[] {
  const virtual = virtualTables(db);
  return deskTables(db).filter(
    (name) => name !== 'schema_migrations' && !virtual.some((v) => name === v || name.startsWith(`${v}_`)),
  );
}

/**
 * Every table whose rows say what the desk holds, for "nothing changed" checks: all tables,
 * search indexes included, except an FTS table's shadow tables (its own storage, some without
 * a rowid), whose content shows through the FTS table itself.
 */
export function contentTables(db: BetterSqlite3.Database): string[] {
  const virtual = virtualTables(db);
  return allTables(db)
    .sort()
    .filter((name) => !virtual.some((v) => name.startsWith(`${v}_`)));
}

/**
 * A table's rows in insertion order, without the file's own bookkeeping: the
 * clean-shutdown marker (db/shutdown-marker.ts) says how this file was last
 * closed, which is not desk data (a frozen fixture must not carry it).
 */
export const rowsSql = (table: string): string =>
  `SELECT * FROM "${table}"${table === 'settings' ? ` WHERE key <> '${SHUTDOWN_SETTING}'` : ''} ORDER BY rowid`;

const tableRows = (db: BetterSqlite3.Database, table: string): Record<string, unknown>[] =>
  db.prepare<[], Record<string, unknown>>(rowsSql(table)).all();

const literal = (value: unknown): string => {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  if (Buffer.isBuffer(value)) return `X'${value.toString('hex')}'`;
  return `'${String(value).replace(/'/g, "''")}'`;
};

export function dumpRows(db: BetterSqlite3.Database): string {
  const lines: string[] = [];
  for (const table of dataTables(db)) {
    for (const row of tableRows(db, table)) {
      const columns = Object.keys(row);
      lines.push(
        `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns
          .map((c) => literal(row[c]))
          .join(', ')});`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Every row of every data table, keyed by table, for before/after comparisons. */
export function snapshotRows(db: BetterSqlite3.Database): Record<string, Record<string, unknown>[]> {
  return Object.fromEntries(dataTables(db).map((table) => [table, tableRows(db, table)]));
}
