// Help: what a person helping at the counter asks for first. Which version runs,
// where the logs are, and one file with everything else ("Save diagnostics…").
import { mkdirSync } from 'node:fs';
import { app, dialog, shell, type MenuItemConstructorOptions } from 'electron';
import { diagnosticsFileName, writeDiagnosticsZip } from '../diagnostics/diagnostics-zip';
import { collectVersions, describeVersions } from '../diagnostics/versions';
import type { Logger } from '../log/logger';

export interface HelpMenuDeps {
  /** The open desk's database file (it can change when the person opened another one). */
  dbPath: () => string | null;
  logsDir: string;
  logger: Logger;
}

export function helpMenu(deps: HelpMenuDeps): MenuItemConstructorOptions {
  const versions = () => collectVersions({ appVersion: app.getVersion(), dbPath: deps.dbPath() ?? '—' });

  const about = async () => {
    const info = versions();
    await dialog.showMessageBox({
      type: 'info',
      title: 'About ReturnDesk',
      message: `ReturnDesk ${info.app}`,
      detail: describeVersions(info),
      buttons: ['OK'],
    });
  };

  const showLogs = async () => {
    mkdirSync(deps.logsDir, { recursive: true });
    const failed = await shell.openPath(deps.logsDir);
    if (failed) deps.logger.warn('could not show the logs folder', { reason: failed });
  };

  const saveDiagnostics = async () => {
    const dbPath = deps.dbPath();
    if (!dbPath) return;
    const now = new Date();
    const picked = await dialog.showSaveDialog({
      title: 'Save diagnostics',
      defaultPath: diagnosticsFileName(now),
      filters: [{ name: 'Zip archive', extensions: ['zip'] }],
    });
    if (picked.canceled || !picked.filePath) return;
    try {
      writeDiagnosticsZip(picked.filePath, {
        dbPath,
        logsDir: deps.logsDir,
        versions: versions(),
        now,
        logger: deps.logger,
      });
      await dialog.showMessageBox({
        type: 'info',
        title: 'Diagnostics saved',
        message: 'The diagnostics file is saved.',
        detail: `${picked.filePath}\n\nIt holds the logs, the versions and the database's statistics: no customer, case or agent data, no passcode or PIN.`,
        buttons: ['OK'],
      });
    } catch (error) {
      deps.logger.error('saving diagnostics failed', error);
      dialog.showErrorBox(
        'The diagnostics file could not be saved',
        error instanceof Error ? error.message : String(error),
      );
    }
  };

  return {
    role: 'help',
    submenu: [
      { label: 'About ReturnDesk', click: () => void about() },
      { label: 'Show logs folder', click: () => void showLogs() },
      { type: 'separator' },
      { label: 'Save diagnostics…', click: () => void saveDiagnostics() },
    ],
  };
}
