// Opening the desk database at start-up, and what to do when it cannot be
// opened: never a silent new database over a damaged file; the person chooses.
import { app, dialog } from 'electron';
import type { RecoveryDone } from '../../shared/recovery';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { openCore, type Core, type CoreOptions } from '../core';
import { DatabaseOpenError } from '../db/database-file';
import type { Logger } from '../log/logger';
import { saveWithDialog } from './save-dialog';

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
  counter?: Pick<CoreOptions, 'printer' | 'demo' | 'openDemo' | 'now'>;
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
