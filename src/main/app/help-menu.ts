// Help: what a person helping at the counter asks for first. Which version runs,
// where the logs are, and one file with everything else ("Save diagnostics…").
import { mkdirSync } from 'node:fs';
import { app, dialog, shell, type MenuItemConstructorOptions } from 'electron';
import { diagnosticsFileName, writeDiagnosticsZip } from '../diagnostics/diagnostics-zip';
import { deskMessage as m } from '../../shared/i18n/desk-messages';
import { collectVersions } from '../diagnostics/versions';
import type { Logger } from '../log/logger';
import type { SqlDialect } from '../db/sql-driver';

export interface HelpMenuDeps {
  /**
   * The open desk's database: its engine, and the SQLite file's path (it can change when the
   * person opened another one) or the PostgreSQL server without the password. Null: none open.
   */
  database: () => { kind: SqlDialect; location: string } | null;
  logsDir: string;
  logger: Logger;
}

export function helpMenu(deps: HelpMenuDeps): MenuItemConstructorOptions {
  const versions = () => {
    const database = deps.database();
    return collectVersions({
      appVersion: app.getVersion(),
      dbPath: database?.kind === 'postgres' ? `PostgreSQL ${database.location}` : (database?.location ?? '—'),
    });
  };

  const about = async () => {
    const info = versions();
    await dialog.showMessageBox({
      type: 'info',
      title: m('menu.about'),
      message: `ReturnDesk ${info.app}`,
      detail: m('dialog.aboutDetail', {
        ...info,
        electron: info.electron ?? '—',
        chromium: info.chromium ?? '—',
      }),
      buttons: [m('dialog.ok')],
    });
  };

  const showLogs = async () => {
    mkdirSync(deps.logsDir, { recursive: true });
    const failed = await shell.openPath(deps.logsDir);
    if (failed) deps.logger.warn('could not show the logs folder', { reason: failed });
  };

  const saveDiagnostics = async () => {
    const database = deps.database();
    if (!database) return;
    const now = new Date();
    const picked = await dialog.showSaveDialog({
      title: m('dialog.saveDiagnostics'),
      defaultPath: diagnosticsFileName(now),
      filters: [{ name: m('dialog.zipFiles'), extensions: ['zip'] }],
    });
    if (picked.canceled || !picked.filePath) return;
    try {
      writeDiagnosticsZip(picked.filePath, {
        dbPath: database.kind === 'sqlite' ? database.location : null,
        logsDir: deps.logsDir,
        versions: versions(),
        now,
        logger: deps.logger,
      });
      await dialog.showMessageBox({
        type: 'info',
        title: m('dialog.diagnosticsSaved'),
        message: m('dialog.diagnosticsSavedMessage'),
        detail: m('dialog.diagnosticsSavedDetail', { path: picked.filePath }),
        buttons: [m('dialog.ok')],
      });
    } catch (error) {
      deps.logger.error('saving diagnostics failed', error);
      dialog.showErrorBox(
        m('dialog.diagnosticsFailed'),
        error instanceof Error ? error.message : String(error),
      );
    }
  };

  return {
    role: 'help',
    label: m('menu.help'),
    submenu: [
      // Ids stay the same in every language (the labels do not).
      { id: 'about', label: m('menu.about'), click: () => void about() },
      { id: 'show-logs', label: m('menu.showLogs'), click: () => void showLogs() },
      { type: 'separator' },
      { id: 'save-diagnostics', label: m('menu.saveDiagnostics'), click: () => void saveDiagnostics() },
    ],
  };
}
