// Backups are whole SQLite files in `backups/` beside the database, written
// with SQLite's online backup API while the desk keeps working.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, extname, join } from 'node:path';
import Database from 'better-sqlite3';
import type BetterSqlite3 from 'better-sqlite3';
import type { BackupInfo, BackupKind } from '../../shared/contract';
import { classifyDatabaseFile } from '../db/database-file';

/** Automatic backups kept; older ones are deleted. Manual backups are never deleted by the app. */
export const KEEP_AUTOMATIC_BACKUPS = 14;

export const backupFolder = (dbPath: string): string => join(dirname(dbPath), 'backups');

const stem = (dbPath: string) => basename(dbPath, extname(dbPath));

// returndesk-2026-03-02T09-00-00-000Z.sqlite, or …-manual.sqlite
const NAME = /^(.+)-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z(-manual)?\.sqlite$/;

export function backupName(dbPath: string, at: Date, kind: BackupKind): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  return `${stem(dbPath)}-${stamp}${kind === 'manual' ? '-manual' : ''}.sqlite`;
}

/** Reads a backup's name back; null for anything that is not one of this database's backups. */
export function parseBackupName(
  dbPath: string,
  name: string,
): { createdAt: string; kind: BackupKind } | null {
  const m = NAME.exec(name);
  if (!m || m[1] !== stem(dbPath)) return null;
  const createdAt = `${m[2]}T${m[3]}:${m[4]}:${m[5]}.${m[6]}Z`;
  if (Number.isNaN(Date.parse(createdAt))) return null;
  return { createdAt, kind: m[7] ? 'manual' : 'auto' };
}

/** This database's backups, newest first. */
export function listBackups(dbPath: string): BackupInfo[] {
  const folder = backupFolder(dbPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const found: BackupInfo[] = [];
  for (const name of names) {
    const parsed = parseBackupName(dbPath, name);
    if (!parsed) continue;
    try {
      const stat = statSync(join(folder, name));
      if (stat.isFile()) found.push({ name, ...parsed, sizeBytes: stat.size });
    } catch {
      // Deleted while we looked: not a backup any more.
    }
  }
  return found.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name));
}

/** The automatic backups to delete so that only the newest `keep` remain. Pure. */
export function planRotation(
  backups: readonly BackupInfo[],
  keep: number = KEEP_AUTOMATIC_BACKUPS,
): string[] {
  return backups
    .filter((b) => b.kind === 'auto')
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.name.localeCompare(a.name))
    .slice(Math.max(0, keep))
    .map((b) => b.name);
}

export function rotateBackups(dbPath: string, keep: number = KEEP_AUTOMATIC_BACKUPS): string[] {
  const doomed = planRotation(listBackups(dbPath), keep);
  for (const name of doomed) rmSync(join(backupFolder(dbPath), name), { force: true });
  return doomed;
}

/**
 * Half-written copies left by a crash during a backup, and the `-wal`/`-shm`
 * files that checking a copy left beside it in earlier versions: never listed,
 * removed at the next start. An empty `-wal` beside a finished backup (left by
 * reading a backup that an earlier version wrote in WAL mode) goes too.
 */
export function removeUnfinishedBackups(dbPath: string): void {
  const folder = backupFolder(dbPath);
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return;
  }
  const present = new Set(names);
  for (const name of names) {
    if (name.startsWith('.') && /\.partial(-wal|-shm|-journal)?$/.test(name)) {
      rmSync(join(folder, name), { force: true });
      continue;
    }
    const main = /^(.+\.sqlite)-wal$/.exec(name)?.[1];
    if (main && parseBackupName(dbPath, main) && present.has(main) && sizeOf(join(folder, name)) === 0) {
      rmSync(join(folder, name), { force: true });
      rmSync(join(folder, `${main}-shm`), { force: true });
    }
  }
}

function sizeOf(path: string): number | null {
  try {
    return statSync(path).size;
  } catch {
    return null;
  }
}

export interface BackupOptions {
  dbPath: string;
  kind: BackupKind;
  at: Date;
  /** Pages copied per step; other work runs between steps. Tests make it small. */
  pagesPerStep?: number;
}

/**
 * Copies the open database into `backups/` with SQLite's online backup API:
 * writes on the same connection go on between steps and are carried into the
 * copy. The copy is checked before it takes its final name, so a crash or a
 * failure never leaves a half-written file that looks like a backup.
 */
export async function createBackup(db: BetterSqlite3.Database, options: BackupOptions): Promise<BackupInfo> {
  const folder = backupFolder(options.dbPath);
  mkdirSync(folder, { recursive: true });
  let name = backupName(options.dbPath, options.at, options.kind);
  // Two backups in the same millisecond (tests, a double click): keep both.
  for (let n = 2; existsQuietly(join(folder, name)); n++) {
    name = backupName(options.dbPath, new Date(options.at.getTime() + n - 1), options.kind);
  }
  const finalPath = join(folder, name);
  const partial = join(folder, `.${name}.partial`);
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
  try {
    const step = options.pagesPerStep;
    await db.backup(partial, step ? { progress: () => step } : undefined);
    // The copy carries the desk's WAL mode; a backup is a single file, so it gets a rollback
    // journal instead. Closing this read-write connection also removes the copy's -wal and -shm,
    // and reading the backup later (to check or restore it) leaves none beside it.
    const copy = new Database(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    const check = classifyDatabaseFile(partial, { forWriting: false });
    if (check.kind !== 'ok') throw new Error(`The new backup failed its check: ${check.message}`);
    renameSync(partial, finalPath);
  } catch (error) {
    for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${partial}${suffix}`, { force: true });
    throw error;
  }
  const parsed = parseBackupName(options.dbPath, name)!;
  return { name, ...parsed, sizeBytes: statSync(finalPath).size };
}

function existsQuietly(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
