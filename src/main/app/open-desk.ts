// Opening the desk database at start-up, and what to do when it cannot be
// opened: never a silent new database over a damaged file; the person chooses.
import { basename } from 'node:path';
import { app, dialog } from 'electron';
import type { RecoveryDone } from '../../shared/recovery';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { openCore, type Core, type CoreOptions } from '../core';
import { DatabaseOpenError } from '../db/database-file';
import type { Logger } from '../log/logger';
import { saveWithDialog } from './save-dialog';
import {
  classifyConnectionError,
  describeChoice,
  testConnection,
  type ConnectionProblem,
  type PostgresChoice,
  type Resolution,
} from './database-choice';
import { describeConnection } from '../db/postgres/connection';

export interface OpenDeskOptions {
  logger?: Logger | undefined;
  /**
   * Asks which backup to restore and for that backup's supervisor passcode (the
   * recovery window, src/main/app/recovery-window.ts); resolves to what was
   * restored, or null when the person went back without restoring.
   */
  askForRestore(options: { dbPath: string; problem: string }): Promise<RecoveryDone | null>;
  /** The file was not closed cleanly and its whole-file check starts (see `openCore`). */
  onFullCheck?: () => void;
  /** The counter's ports and the demo desk's clock (issue 15). */
  counter?: Pick<CoreOptions, 'printer' | 'demo' | 'openDemo' | 'now' | 'databasePort'>;
  /** This workstation's own SQLite file: where "Use this workstation's own desk" goes. */
  ownDbPath: string;
}

/**
 * Resolves to the open core, or null when the person chose to quit. Also the way
 * back after the background check finds the open desk damaged: the shell closes
 * the core (which then does not record a clean shutdown) and calls this again, so
 * the open checks the whole file and the same choices are offered.
 */
export async function openDeskWithChoices(dbPath: string, options: OpenDeskOptions): Promise<Core | null> {
  const { logger } = options;
  let path = dbPath;
  for (;;) {
    try {
      return await openCore({
        dbPath: path,
        autoBackup: true,
        logger,
        onFullCheck: options.onFullCheck,
        saveFile: saveWithDialog,
        ...options.counter,
        systemLocale: app.getLocale(),
      });
    } catch (error) {
      if (error instanceof DatabaseOpenError) logger?.warn('database refused at start', { kind: error.kind });
      if (!(error instanceof DatabaseOpenError)) {
        logger?.error('database could not be opened', error);
        dialog.showErrorBox(m('dialog.cannotOpenTitle'), `${path}\n\n${String(error)}`);
        return null;
      }
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: m('dialog.cannotOpenTitle'),
        message: error.message,
        detail: m('dialog.cannotOpenDetail', { path }),
        buttons: [m('dialog.restoreBackup'), m('dialog.openAnother'), m('menu.quit')],
        defaultId: 0,
        cancelId: 2,
      });
      if (response === 0) {
        // A restore replaces the whole desk: only with the backup's own supervisor passcode.
        const restored = await options.askForRestore({ dbPath: path, problem: error.message });
        if (restored) logger?.info('desk restored at start', { name: restored.restored });
      } else if (response === 1) {
        const picked = await dialog.showOpenDialog({
          title: m('dialog.openDatabase'),
          filters: [{ name: m('dialog.databaseFiles'), extensions: ['sqlite', 'db'] }],
          properties: ['openFile', 'promptToCreate'],
        });
        if (!picked.canceled && picked.filePaths[0]) path = picked.filePaths[0];
      } else {
        return null;
      }
    }
  }
}

/** The shared desk's own options (a SQLite file's recovery and automatic backups do not apply). */
const sharedOptions = (
  options: OpenDeskOptions,
): Omit<CoreOptions, 'dbPath' | 'databaseUrl' | 'database'> => ({
  logger: options.logger,
  saveFile: saveWithDialog,
  ...options.counter,
  systemLocale: app.getLocale(),
});

/**
 * A shared PostgreSQL desk (issue 16): the connection is tried first with a short timeout (an
 * unreachable server would otherwise hold the start for minutes), then the desk opens. When
 * either fails the person chooses: try again, this workstation's own desk (`ownDbPath`, with
 * the SQLite file's own choices), or quit. Never a silent switch to the other desk.
 * Resolves to the open core, or null when the person chose to quit.
 */
export async function openSharedDesk(
  choice: PostgresChoice,
  ownDbPath: string,
  options: OpenDeskOptions,
): Promise<Core | null> {
  const { logger } = options;
  const where = describeConnection(choice.connection);
  for (;;) {
    let problem: ConnectionProblem;
    const tried = await testConnection(choice.connection);
    if (tried.ok) {
      try {
        // The core logs the open itself: `database opened postgres="postgres://user@host…"`.
        return await openCore({ database: choice.connection, ...sharedOptions(options) });
      } catch (error) {
        problem = classifyConnectionError(error, choice.connection);
      }
    } else {
      problem = tried.problem;
    }
    logger?.warn('shared desk could not be opened at start', {
      postgres: where,
      problem: problem.code,
      detail: problem.detail,
    });
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: m('dialog.sharedCannotOpenTitle'),
      message: problem.message,
      detail: m('dialog.sharedCannotOpenDetail', { where }),
      buttons: [m('dialog.tryAgain'), m('dialog.useOwnDesk'), m('menu.quit')],
      defaultId: 0,
      cancelId: 2,
    });
    if (response === 1) {
      logger?.warn('the person chose this workstation’s own desk instead of the shared one', {
        postgres: where,
      });
      return openDeskWithChoices(ownDbPath, options);
    }
    if (response !== 0) return null;
  }
}

/**
 * Opens the desk `resolveDatabaseChoice` chose. A choice that cannot be used (a bad URL, a
 * damaged saved choice, a password this workstation cannot open) is shown, and the person
 * picks this workstation's own desk or quits.
 */
export async function openChosenDesk(resolution: Resolution, options: OpenDeskOptions): Promise<Core | null> {
  const { logger } = options;
  if (!resolution.ok) {
    logger?.warn('database choice cannot be used', { problem: resolution.error.problem });
    const { response } = await dialog.showMessageBox({
      type: 'error',
      title: m('dialog.choiceProblemTitle'),
      message: resolution.error.message,
      detail: m('dialog.choiceProblemDetail'),
      buttons: [m('dialog.useOwnDesk'), m('menu.quit')],
      defaultId: 0,
      cancelId: 1,
    });
    if (response !== 0) return null;
    return openDeskWithChoices(resolution.fallback.dbPath, options);
  }
  const { choice } = resolution;
  // Which one and why; never a password (a file's name only, as the open's own line).
  logger?.info('database chosen', {
    kind: choice.kind,
    source: choice.source,
    ...(choice.kind === 'postgres'
      ? { postgres: describeChoice(choice) }
      : { file: basename(choice.dbPath) }),
  });
  if (choice.kind === 'sqlite') return openDeskWithChoices(choice.dbPath, options);
  return openSharedDesk(choice, options.ownDbPath, options);
}
