// What is at the database path, decided before anything writes to it: a
// damaged, foreign, newer or unreadable file must never be opened as if it
// were a new desk (TypeORM would happily create tables in it, or beside it).
import { accessSync, closeSync, constants, openSync, readSync, statSync, type BigIntStats } from 'node:fs';
import Database from 'better-sqlite3';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { errorCode } from '../error-code';
import { appliedMigrations, deskTables, pragmaFindings } from './introspect';
import { MIGRATIONS } from './migrations';
import { closedCleanly } from './shutdown-marker';

/** `PRAGMA application_id` of a ReturnDesk database ('RDK1'), set by the first migration. */
export const RETURNDESK_APPLICATION_ID = 1380207409;

const SQLITE_MAGIC = 'SQLite format 3\0';

export const DATABASE_PROBLEMS = ['corrupt', 'not-returndesk', 'newer-version', 'unreadable'] as const;
export type DatabaseProblem = (typeof DATABASE_PROBLEMS)[number];

/**
 * `ok`: a ReturnDesk database this version can open. `missing`: nothing there
 * yet (no file, an empty file, or an empty database): a new desk starts there.
 */
export type DatabaseFileKind = 'ok' | 'missing' | DatabaseProblem;

export interface DatabaseFileReport {
  kind: DatabaseFileKind;
  /** A sentence for the person at the desk. */
  message: string;
  /** Whether SQLite's whole-file `quick_check` ran (it is skipped only after a clean shutdown, when asked). */
  fullCheck: boolean;
  /**
   * With `fullCheck: 'after-unclean-shutdown-off-thread'`: the file was not closed
   * cleanly and its whole-file check is still to run (the caller runs it in a worker).
   */
  fullCheckDue?: boolean;
}

/** Opening refused: the file is kept as it is, and the shell offers the choices. */
export class DatabaseOpenError extends Error {
  constructor(
    readonly kind: DatabaseProblem,
    message: string,
    readonly dbPath: string,
  ) {
    super(message);
    this.name = 'DatabaseOpenError';
  }
}

/** The migration names this version knows, oldest first. */
export const knownMigrationNames = (): string[] => MIGRATIONS.map((M) => new M().name ?? M.name);

const report = (kind: DatabaseFileKind, message: string, fullCheck = false): DatabaseFileReport => ({
  kind,
  message,
  fullCheck,
});

export interface ClassifyOptions {
  /** The app will write to it (the desk itself); false for a backup to restore from. */
  forWriting?: boolean;
  /**
   * When SQLite's whole-file `quick_check` runs: 'always' (backups, restores), or
   * 'after-unclean-shutdown' (the desk's own open: skipped when the file says this
   * desk closed it cleanly at this path; the core then checks it in the background).
   */
  fullCheck?: 'always' | 'after-unclean-shutdown' | 'after-unclean-shutdown-off-thread';
}

/**
 * Looks at the file without changing it: header, owner, schema version, then
 * SQLite's quick integrity check. Never throws.
 */
export function classifyDatabaseFile(path: string, options: ClassifyOptions = {}): DatabaseFileReport {
  const forWriting = options.forWriting ?? true;
  let size: number;
  let stat: BigIntStats;
  try {
    stat = statSync(path, { bigint: true });
    if (!stat.isFile()) return report('unreadable', m('dbFile.notAFile', { path }));
    size = Number(stat.size);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return report('missing', m('dbFile.none', { path }));
    return report('unreadable', m('dbFile.cannotLook', { path, reason: describe(error) }));
  }
  if (size === 0) return report('missing', m('dbFile.empty', { path }));

  let header: Buffer;
  try {
    accessSync(path, forWriting ? constants.R_OK | constants.W_OK : constants.R_OK);
    header = readHeader(path);
  } catch (error) {
    const access = forWriting ? 'write' : 'read';
    return report('unreadable', m('dbFile.cannotAccess', { access, path, reason: describe(error) }));
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) {
    return report('corrupt', m('dbFile.notDatabase', { path }));
  }

  let db: Database.Database | undefined;
  try {
    db = new Database(path, {
      fileMustExist: true,
      readonly: !forWriting,
    });
    const mode = options.fullCheck ?? 'always';
    const wanted = () => mode === 'always' || !closedCleanly(db!, path, stat);
    if (mode !== 'after-unclean-shutdown-off-thread') return inspect(db, path, wanted);
    // Everything but the whole-file read; the caller runs that in a worker thread.
    const found = inspect(db, path, () => false);
    return found.kind === 'ok' && wanted() ? { ...found, fullCheckDue: true } : found;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code === 'SQLITE_CORRUPT_INDEX') {
      return report('corrupt', m('dbFile.damaged', { path, reason: describe(error) }));
    }
    return report('unreadable', m('dbFile.cannotAccess', { access: 'read', path, reason: describe(error) }));
  } finally {
    db?.close();
  }
}

function inspect(db: Database.Database, path: string, wantsFullCheck: () => boolean): DatabaseFileReport {
  const applicationId = Number(db.pragma('application_id', { simple: true }));
  const tables = deskTables(db);
  const applied = appliedMigrations(db, tables);

  if (applicationId !== RETURNDESK_APPLICATION_ID) {
    // An empty database, or one ReturnDesk began to set up but never migrated, is a new desk.
    const empty = tables.every((t) => t === 'schema_migrations') && applied.length === 0;
    if (applicationId === 0 && empty) return report('missing', m('dbFile.noDataYet', { path }));
    return report('not-returndesk', m('dbFile.foreign', { path }));
  }

  const known = new Set(knownMigrationNames());
  const unknown = applied.filter((name) => !known.has(name));
  if (unknown.length > 0) {
    return report('newer-version', m('dbFile.newer', { path, changes: unknown.join(', ') }));
  }

  if (!wantsFullCheck()) return report('ok', m('dbFile.closedCleanly', { path }));
  const problems = quickCheck(db);
  if (problems[0] !== 'ok')
    return report('corrupt', m('dbFile.damaged', { path, reason: problems.join('; ') }), true);
  return report('ok', m('dbFile.healthy', { path }), true);
}

/** SQLite's whole-file quick check: `['ok']`, or up to five problems. */
export function quickCheck(db: Database.Database): string[] {
  return pragmaFindings(db, 'quick_check(5)');
}

function readHeader(path: string): Buffer {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(100);
    readSync(fd, header, 0, 100, 0);
    return header;
  } finally {
    closeSync(fd);
  }
}

/**
 * Throws `DatabaseOpenError` unless the file is one ReturnDesk may open (or a
 * new one it may create).
 */
export function assertDatabaseFileUsable(path: string, options: ClassifyOptions = {}): DatabaseFileReport {
  const found = classifyDatabaseFile(path, options);
  if (found.kind !== 'ok' && found.kind !== 'missing')
    throw new DatabaseOpenError(found.kind, found.message, path);
  return found;
}

const describe = (error: unknown): string =>
  (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
