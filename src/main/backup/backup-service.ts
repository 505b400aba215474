// The desk's backups as the core offers them: `backup.*` channels, and the
// automatic daily backup driven by the core's clock (no timers of its own).
import { join } from 'node:path';
import type BetterSqlite3 from 'better-sqlite3';
import type { BackupInfo, BackupList, RestoreResult } from '../../shared/contract';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { conflict, invalid, notFound } from '../domain-error';
import {
  backupFolder,
  createBackup,
  KEEP_AUTOMATIC_BACKUPS,
  listBackups,
  parseBackupName,
  removeUnfinishedBackups,
  rotateBackups,
} from './backup-files';
import { RestoreRefusedError } from './restore';
import type { Logger } from '../log/logger';

/** What the `backup.*` handlers can ask of the core. */
export interface BackupService {
  /** A manual backup, now, while writes go on. */
  now(): Promise<BackupInfo>;
  list(): BackupList;
  /** Restores one of the listed backups in the desk's place (the core closes and reopens). */
  restore(name: string): Promise<RestoreResult>;
}

/** Local calendar day: a desk's "day" is the store's, not UTC's. */
const dayOf = (at: Date) => `${at.getFullYear()}-${at.getMonth() + 1}-${at.getDate()}`;

/** An automatic backup is due when the newest one was made on another day (or never). Pure. */
export function isBackupDue(newestAutomatic: string | null, now: Date): boolean {
  return newestAutomatic === null || dayOf(new Date(newestAutomatic)) !== dayOf(now);
}

export interface BackupServiceDeps {
  dbPath: string;
  now: () => Date;
  /** The open connection; backups copy from it while it keeps serving writes. */
  connection: () => BetterSqlite3.Database;
  /** Closes the desk, swaps the file in, reopens; provided by the core. */
  restoreFrom: (path: string) => Promise<RestoreResult>;
  keep?: number;
  pagesPerStep?: number;
  logError: (message: string, error: unknown) => void;
  /** Backups written and restores refused are logged (file names and kinds only). */
  logger?: Logger;
}

export interface CoreBackups extends BackupService {
  /** Starts the automatic backup if one is due; returns at once. */
  maybeAutoBackup(): void;
  /** Resolves when no backup is being written (the core waits for it before closing). */
  idle(): Promise<void>;
}

export function createBackupService(deps: BackupServiceDeps): CoreBackups {
  const keep = deps.keep ?? KEEP_AUTOMATIC_BACKUPS;
  removeUnfinishedBackups(deps.dbPath);
  let newestAutomatic: string | null =
    listBackups(deps.dbPath).find((b) => b.kind === 'auto')?.createdAt ?? null;
  // One backup at a time; the automatic one and a click on "Back up now" queue behind each other.
  let queue: Promise<unknown> = Promise.resolve();

  const enqueue = <T>(job: () => Promise<T>): Promise<T> => {
    const run = queue.then(job, job);
    queue = run.catch(() => undefined);
    return run;
  };

  const backup = (kind: 'auto' | 'manual') =>
    enqueue(() =>
      createBackup(deps.connection(), {
        dbPath: deps.dbPath,
        kind,
        at: deps.now(),
        pagesPerStep: deps.pagesPerStep,
      }).then((info) => {
        deps.logger?.info('backup written', { name: info.name, kind, bytes: info.sizeBytes });
        return info;
      }),
    );

  return {
    async now() {
      try {
        return await backup('manual');
      } catch (error) {
        deps.logError('backup failed', error);
        const reason = error instanceof Error ? error.message : String(error);
        throw conflict(m('refusal.backupFailed', { folder: backupFolder(deps.dbPath), reason }));
      }
    },
    list: () => ({ folder: backupFolder(deps.dbPath), backups: listBackups(deps.dbPath) }),
    async restore(name) {
      if (!parseBackupName(deps.dbPath, name)) {
        throw invalid(m('validation.backupFromList'), { name: m('validation.backupFromList') });
      }
      if (!listBackups(deps.dbPath).some((b) => b.name === name)) {
        throw notFound(m('refusal.noBackup', { name }), { name: m('refusal.backupGoneField') });
      }
      try {
        return await deps.restoreFrom(join(backupFolder(deps.dbPath), name));
      } catch (error) {
        if (error instanceof RestoreRefusedError)
          deps.logger?.warn('restore refused', { name, kind: error.kind });
        if (error instanceof RestoreRefusedError) throw invalid(error.message, { name: error.message });
        throw error;
      }
    },
    maybeAutoBackup() {
      const now = deps.now();
      if (!isBackupDue(newestAutomatic, now)) return;
      newestAutomatic = now.toISOString();
      // A failure is logged and tried again at the next start or the next day, not after every write.
      void backup('auto')
        .then(() => rotateBackups(deps.dbPath, keep))
        .catch((error: unknown) => deps.logError('automatic backup failed', error));
    },
    idle: () => queue.then(() => undefined),
  };
}
