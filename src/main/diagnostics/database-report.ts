// What the diagnostics file says about the database: sizes, row counts per table,
// SQLite's full integrity check and the migrations applied. Never a row's content.
// Read through its own read-only connection, so the desk keeps working meanwhile.
import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { deskTables, firstValue, pragmaFindings } from '../db/introspect';

export interface DatabaseReport {
  file: string;
  sizeBytes: number;
  /** The write-ahead log beside it (commits not yet folded into the file). */
  walBytes: number;
  /** `PRAGMA integrity_check`: `['ok']` when healthy, else SQLite's findings (page numbers, index names). */
  integrityCheck: string[];
  tables: { name: string; rows: number }[];
  migrations: { name: string; timestamp: number }[];
}

/** A setting as the diagnostics file shows it: secrets (hashes) left out, their presence kept. */
export interface SettingReport {
  key: string;
  value: string;
  updatedAt: string;
}

/** Keys whose values are secrets (the supervisor passcode's hash, any PIN or token): never exported. */
export const isSecretSetting = (key: string) => /hash|secret|passcode|pin|token|salt|key$/i.test(key);
export const SECRET_LEFT_OUT = '(secret: left out)';

const sizeOf = (path: string) => statSync(path, { throwIfNoEntry: false })?.size ?? 0;

export function readDatabaseReport(dbPath: string): { database: DatabaseReport; settings: SettingReport[] } {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const tableNames = deskTables(db).sort();
    // Names come from sqlite_master, quoted as identifiers: counts only.
    const tables = tableNames.map((name) => ({
      name,
      rows: Number(firstValue(db, `SELECT COUNT(*) FROM "${name.replaceAll('"', '""')}"`)),
    }));
    const migrations = tableNames.includes('schema_migrations')
      ? db
          .prepare<[], { name: string; timestamp: number }>(
            `SELECT name, timestamp FROM schema_migrations ORDER BY id`,
          )
          .all()
      : [];
    const settings = tableNames.includes('settings')
      ? db
          .prepare<[], { key: string; value: string; updated_at: string }>(
            `SELECT key, value, updated_at FROM settings ORDER BY key`,
          )
          .all()
      : [];
    const integrityCheck = pragmaFindings(db, 'integrity_check(20)');
    return {
      database: {
        file: dbPath,
        sizeBytes: sizeOf(dbPath),
        walBytes: sizeOf(`${dbPath}-wal`),
        integrityCheck,
        tables,
        migrations: migrations.map((m) => ({ name: m.name, timestamp: Number(m.timestamp) })),
      },
      settings: settings.map((s) => ({
        key: s.key,
        value: isSecretSetting(s.key) ? SECRET_LEFT_OUT : s.value,
        updatedAt: s.updated_at,
      })),
    };
  } finally {
    db.close();
  }
}

/** The SQLite library the app runs (better-sqlite3's bundled build). */
export function sqliteVersion(): string {
  const db = new Database(':memory:');
  try {
    return String(firstValue(db, 'SELECT sqlite_version()'));
  } finally {
    db.close();
  }
}
