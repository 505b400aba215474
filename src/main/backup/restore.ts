// Putting a backup in the desk's place, while no connection holds the desk
// open. The chosen file is checked first; the file it replaces is kept.
import { existsSync, linkSync, copyFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { verifySecret } from '../auth/secrets';
import { classifyDatabaseFile, knownMigrationNames, type DatabaseFileKind } from '../db/database-file';
import { allTables, appliedMigrations, firstValue } from '../db/introspect';
import { SETTING_KEYS } from '../db/repositories/setting-repository';

/**
 * Why a file that is a healthy ReturnDesk database still cannot be restored:
 * it holds no desk (no schema, missing tables), or no supervisor passcode (it
 * would open the first-run screen, where anyone becomes supervisor), or the
 * passcode given for it is wrong.
 */
export type RestoreProblem = 'not-a-desk' | 'no-passcode' | 'wrong-passcode';

/** The chosen file cannot replace the desk; nothing was changed. */
export class RestoreRefusedError extends Error {
  constructor(
    readonly kind: Exclude<DatabaseFileKind, 'ok'> | 'same-file' | RestoreProblem,
    message: string,
  ) {
    super(message);
    this.name = 'RestoreRefusedError';
  }
}

export interface RestoreOptions {
  /** The desk's database; nothing may have it open. */
  dbPath: string;
  /** The backup (or any ReturnDesk database file) to restore. */
  from: string;
  /** Stamps the kept file's name. */
  at: Date;
  /**
   * When set, the supervisor passcode stored in `from` must match it (the
   * start-up restore, where the desk's own passcode cannot be read).
   */
  passcode?: string;
}

export interface RestoreOutcome {
  /** Where the previous database was kept, or null when there was none. */
  replacedFile: string | null;
}

export const replacedFileName = (dbPath: string, at: Date) =>
  `${dbPath}.replaced-${at.toISOString().replace(/[:.]/g, '-')}`;

/**
 * Windows file names ignore case (`C:\Desk\a.sqlite` is `c:\desk\A.SQLITE`); so
 * may macOS's. Two existing paths to one file (case, links) are caught by identity.
 */
function isSameFile(a: string, b: string): boolean {
  if (sep === '\\' ? a.toLowerCase() === b.toLowerCase() : a === b) return true;
  const one = statSync(a, { bigint: true, throwIfNoEntry: false });
  const other = statSync(b, { bigint: true, throwIfNoEntry: false });
  return !!one && !!other && one.ino !== 0n && one.dev === other.dev && one.ino === other.ino;
}

/**
 * The tables each migration creates: a restorable file has every table of the
 * migrations it went through. A new migration adds its line here (a test
 * checks that every known migration has one).
 */
export const TABLES_BY_MIGRATION: Record<string, readonly string[]> = {
  InitialSchema1764115200000: ['agents', 'customers', 'cases', 'case_events'],
  AccessControl1764201600000: ['settings'],
  SignInThrottle1764892800000: ['sign_in_throttle'],
  CaseSearch1764979200000: ['cases_fts'],
  SupervisorDesk1765065600000: ['agent_events'],
  Skills1765152000000: ['categories', 'agent_skills'],
  // A column, no table.
  EventMessages1765238400000: [],
  IntakeKeys1765324800000: ['intake_keys'],
};
/** The first migration that stores a supervisor passcode: anything older cannot be restored. */
const PASSCODE_MIGRATION = 'AccessControl1764201600000';

/** Throws `RestoreRefusedError` unless `from` may replace the desk. Changes nothing. */
export function checkRestoreSource(options: { dbPath: string; from: string; passcode?: string }): void {
  const from = resolve(options.from);
  if (isSameFile(from, resolve(options.dbPath))) {
    throw new RestoreRefusedError('same-file', m('refusal.restoreSameFile'));
  }
  const check = classifyDatabaseFile(from, { forWriting: false });
  if (check.kind === 'missing') {
    throw new RestoreRefusedError('missing', m('refusal.restoreMissing', { path: from }));
  }
  if (check.kind !== 'ok') throw new RestoreRefusedError(check.kind, check.message);
  checkDeskContent(from, options.passcode);
}

/**
 * A restorable file is a whole desk: its migrations are the first ones this
 * version knows, in order; it has their tables; it has a supervisor passcode
 * (and, when `passcode` is given, that one). Read only; throws `RestoreRefusedError`.
 */
export function checkDeskContent(path: string, passcode?: string): void {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const tableList = allTables(db);
    const tables = new Set(tableList);
    const applied = appliedMigrations(db, tableList);
    const known = knownMigrationNames();
    const atKnownMigration = applied.length > 0 && applied.every((name, i) => known[i] === name);
    const missing = applied.flatMap((name) =>
      (TABLES_BY_MIGRATION[name] ?? []).filter((t) => !tables.has(t)),
    );
    if (!atKnownMigration || missing.length > 0) {
      throw new RestoreRefusedError(
        'not-a-desk',
        missing.length > 0
          ? m('refusal.restoreNotDeskMissing', { path, tables: missing.join(', ') })
          : m('refusal.restoreNotDesk', { path }),
      );
    }
    const stored = applied.includes(PASSCODE_MIGRATION)
      ? firstValue(db, `SELECT value FROM settings WHERE key = ?`, SETTING_KEYS.supervisorPasscode)
      : undefined;
    if (typeof stored !== 'string' || !stored.startsWith('scrypt$')) {
      throw new RestoreRefusedError('no-passcode', m('refusal.restoreNoPasscode', { path }));
    }
    if (passcode !== undefined && !verifySecret(passcode, stored)) {
      throw new RestoreRefusedError('wrong-passcode', m('refusal.restoreWrongPasscode'));
    }
  } catch (error) {
    if (error instanceof RestoreRefusedError) throw error;
    throw new RestoreRefusedError('corrupt', m('refusal.restoreUnreadable', { path, reason: String(error) }));
  } finally {
    db.close();
  }
}

/**
 * Checks `from` (readable, ours, not from a newer version, intact), copies it
 * beside the desk with SQLite's backup API, checks the copy, keeps the current
 * file as `<db>.replaced-<time>` and moves the copy into place. At every
 * moment the desk path holds a complete database: the old one or the new one.
 */
export async function restoreDatabase(options: RestoreOptions): Promise<RestoreOutcome> {
  const dbPath = resolve(options.dbPath);
  const from = resolve(options.from);
  checkRestoreSource(options);

  const incoming = `${dbPath}.restoring`;
  removeDatabaseFiles(incoming);
  try {
    const source = new Database(from, {
      readonly: true,
      fileMustExist: true,
    });
    try {
      await source.backup(incoming);
    } finally {
      source.close();
    }
    const copied = classifyDatabaseFile(incoming);
    if (copied.kind !== 'ok')
      throw new RestoreRefusedError(copied.kind === 'missing' ? 'corrupt' : copied.kind, copied.message);
    // The copy is what goes in place: it must be a whole desk too.
    checkDeskContent(incoming);
  } catch (error) {
    removeDatabaseFiles(incoming);
    throw error;
  }

  let replacedFile: string | null = null;
  if (existsSync(dbPath)) {
    replacedFile = replacedFileName(dbPath, options.at);
    keepUnderSecondName(dbPath, replacedFile);
    // An old write-ahead log belongs to the old file: SQLite would replay it onto the restored one.
    if (existsSync(`${dbPath}-wal`)) renameSync(`${dbPath}-wal`, `${replacedFile}-wal`);
    rmSync(`${dbPath}-shm`, { force: true });
  }
  renameSync(incoming, dbPath);
  return { replacedFile };
}

/** A hard link keeps the old file without a moment where the desk path is empty; copying is the fallback. */
function keepUnderSecondName(path: string, second: string): void {
  try {
    linkSync(path, second);
  } catch {
    copyFileSync(path, second);
  }
}

function removeDatabaseFiles(path: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${path}${suffix}`, { force: true });
}

/**
 * Puts the replaced file back after a restored file failed to open; the failed
 * one is kept as `<db>.failed-restore-<time>`.
 */
export function undoRestore(options: { dbPath: string; replacedFile: string; at: Date }): void {
  const failed = `${options.dbPath}.failed-restore-${options.at.toISOString().replace(/[:.]/g, '-')}`;
  for (const suffix of ['', '-wal']) {
    if (existsSync(`${options.dbPath}${suffix}`))
      renameSync(`${options.dbPath}${suffix}`, `${failed}${suffix}`);
  }
  rmSync(`${options.dbPath}-shm`, { force: true });
  for (const suffix of ['', '-wal']) {
    if (existsSync(`${options.replacedFile}${suffix}`)) {
      renameSync(`${options.replacedFile}${suffix}`, `${options.dbPath}${suffix}`);
    }
  }
}
