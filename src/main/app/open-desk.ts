// Opening the desk database at start-up, and what to do when it cannot be
// opened: never a silent new database over a damaged file; the person chooses.
import { basename } from 'node:path';
import { dialog } from 'electron';
import { backupFolder } from '../backup/backup-files';
import { restoreDatabase, RestoreRefusedError } from '../backup/restore';
import { openCore, type Core } from '../core';
import { DatabaseOpenError } from '../db/database-file';
import type { Logger } from '../log/logger';
import { saveWithDialog } from './save-dialog';

const SQLITE_FILES = [{ name: 'ReturnDesk database', extensions: ['sqlite', 'db'] }];

/**
 * Resolves to the open core, or null when the person chose to quit. Also the way
 * back after the background check finds the open desk damaged: the shell closes
 * the core (which then does not record a clean shutdown) and calls this again, so
 * the open checks the whole file and the same choices are offered.
 */
export async function openDeskWithChoices(dbPath: string, logger?: Logger): Promise<Core | null> {
  let path = dbPath;
  for (;;) {
    try {
      return await openCore({ dbPath: path, autoBackup: true, logger, saveFile: saveWithDialog });
    } catch (error) {
      if (error instanceof DatabaseOpenError) logger?.warn('database refused at start', { kind: error.kind });
      if (!(error instanceof DatabaseOpenError)) {
        logger?.error('database could not be opened', error);
        dialog.showErrorBox('ReturnDesk cannot open its database', `${path}\n\n${String(error)}`);
        return null;
      }
      const { response } = await dialog.showMessageBox({
        type: 'error',
        title: 'ReturnDesk cannot open its database',
        message: error.message,
        detail: `${path}\n\nThe file has not been changed.`,
        buttons: ['Restore a backup…', 'Open another file…', 'Quit'],
        defaultId: 0,
        cancelId: 2,
      });
      if (response === 0) {
        const picked = await dialog.showOpenDialog({
          title: 'Restore a backup',
          defaultPath: backupFolder(path),
          filters: SQLITE_FILES,
          properties: ['openFile'],
        });
        const from = picked.filePaths[0];
        if (picked.canceled || !from) continue;
        try {
          await restoreDatabase({ dbPath: path, from, at: new Date() });
          logger?.info('restore done at start', { from: basename(from) });
        } catch (refused) {
          if (!(refused instanceof RestoreRefusedError)) throw refused;
          logger?.warn('restore refused', { kind: refused.kind });
          dialog.showErrorBox('That backup cannot be restored', refused.message);
        }
      } else if (response === 1) {
        const picked = await dialog.showOpenDialog({
          title: 'Open a ReturnDesk database',
          filters: SQLITE_FILES,
          properties: ['openFile', 'promptToCreate'],
        });
        if (!picked.canceled && picked.filePaths[0]) path = picked.filePaths[0];
      } else {
        return null;
      }
    }
  }
}
