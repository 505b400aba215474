// Whether the desk was closed cleanly last time, recorded in the database itself
// (the `settings` row `desk_shutdown`): 'open' from the first write after open,
// 'closed' as the very last write before a clean close. A file whose row says
// 'open' (a crash, a kill, a power cut), has no row (older versions, a new or
// half-created desk), or was closed as another file (another path or file
// identity: copied in from elsewhere, put back by hand) gets the whole-file check
// at open. Only a file this desk closed cleanly, at this path, skips it.
import { resolve } from 'node:path';
import type { BigIntStats } from 'node:fs';
import { statSync } from 'node:fs';
import type BetterSqlite3 from 'better-sqlite3';
import { isRecord } from '../../shared/is-record';
import { firstValue } from './introspect';

export const SHUTDOWN_SETTING = 'desk_shutdown';

interface Marker {
  state: 'open' | 'closed';
  path: string;
  /** The file's identity (device and inode, or Windows' file index) when it was written. */
  dev: string;
  ino: string;
}

const identity = (stat: Pick<BigIntStats, 'dev' | 'ino'>) => ({
  dev: String(stat.dev),
  ino: String(stat.ino),
});

function write(db: BetterSqlite3.Database, dbPath: string, state: Marker['state'], now: Date): void {
  const marker: Marker = { state, path: resolve(dbPath), ...identity(statSync(dbPath, { bigint: true })) };
  db.prepare(
    `INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
  ).run(SHUTDOWN_SETTING, JSON.stringify(marker), now.toISOString());
}

const hasSettings = (db: BetterSqlite3.Database): boolean =>
  db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'settings'`).get() !== undefined;

/**
 * Marks the file 'open' before anything else writes to it (a no-op until the
 * schema has its settings table: call it again after the migrations).
 */
export function markOpen(db: BetterSqlite3.Database, dbPath: string, now = new Date()): boolean {
  if (!hasSettings(db)) return false;
  write(db, dbPath, 'open', now);
  return true;
}

/**
 * The last write before a clean close, committed with `synchronous = FULL`
 * (whatever the connection ran with) so it is on disk before the file is closed.
 */
export function markClosed(db: BetterSqlite3.Database, dbPath: string, now = new Date()): void {
  if (!hasSettings(db)) return;
  db.pragma('synchronous = FULL');
  write(db, dbPath, 'closed', now);
}

/** True only for a file this desk closed cleanly at this path: it may skip the whole-file check at open. */
export function closedCleanly(
  db: BetterSqlite3.Database,
  dbPath: string,
  stat: Pick<BigIntStats, 'dev' | 'ino'>,
): boolean {
  if (!hasSettings(db)) return false;
  const stored = firstValue(db, `SELECT value FROM settings WHERE key = ?`, SHUTDOWN_SETTING);
  if (typeof stored !== 'string') return false;
  let marker: unknown;
  try {
    marker = JSON.parse(stored);
  } catch {
    return false;
  }
  if (!isRecord(marker)) return false;
  const here = identity(stat);
  return (
    marker.state === 'closed' &&
    marker.path === resolve(dbPath) &&
    marker.dev === here.dev &&
    marker.ino === here.ino
  );
}
