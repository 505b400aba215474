// The window that asks for a backup's supervisor passcode when the desk cannot
// be opened at start (Electron has no native text prompt). Same hardening as
// the desk window: sandboxed, context-isolated, the app's CSP, and its three
// IPC channels answer only this window's own page. The work is in
// src/main/backup/recovery.ts.
import { BrowserWindow, ipcMain, type IpcMainInvokeEvent } from 'electron';
import { deskMessage } from '../../shared/i18n/desk-messages';
import type { Result } from '../../shared/result';
import { RECOVERY_CHANNELS, type RecoveryDone } from '../../shared/recovery';
import { recoveryChoices, restoreForRecovery } from '../backup/recovery';
import type { Logger } from '../log/logger';
import { isTrustedSender, secureWebPreferences } from './security';

export interface RecoveryPage {
  /** The recovery page's URL (file:// or the dev server's). */
  url: string;
  preloadPath: string;
}

const forbidden = (): Result<never> => ({
  ok: false,
  error: { code: 'FORBIDDEN', message: deskMessage('refusal.notRecoveryWindow') },
});

/**
 * Shows the recovery window for `dbPath`. Resolves to what was restored, or to
 * null when the person closed it or chose to go back (nothing changed).
 */
export function askForRestore(
  page: RecoveryPage,
  options: { dbPath: string; problem: string; logger?: Logger | undefined },
): Promise<RecoveryDone | null> {
  const win = new BrowserWindow({
    width: 640,
    height: 560,
    minWidth: 480,
    minHeight: 420,
    show: false,
    title: deskMessage('windowTitle.recovery'),
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(page.preloadPath),
  });
  // The title is main's, in the desk's language, not the page's (English) <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  const own = new Set([win.webContents.id]);
  const trusted = (event: IpcMainInvokeEvent) => isTrustedSender(event, page.url, own);
  let restoring = false;

  return new Promise<RecoveryDone | null>((resolve) => {
    let settled = false;
    const settle = (outcome: RecoveryDone | null) => {
      if (settled) return;
      settled = true;
      for (const channel of Object.values(RECOVERY_CHANNELS)) ipcMain.removeHandler(channel);
      if (!win.isDestroyed()) win.destroy();
      resolve(outcome);
    };
    ipcMain.handle(RECOVERY_CHANNELS.choices, (event) =>
      trusted(event) ? { ok: true, data: recoveryChoices(options.dbPath, options.problem) } : forbidden(),
    );
    ipcMain.handle(RECOVERY_CHANNELS.restore, async (event, input: unknown) => {
      if (!trusted(event)) return forbidden();
      // One restore at a time: a double click must not run two.
      if (restoring)
        return { ok: false, error: { code: 'CONFLICT', message: deskMessage('refusal.restoreRunning') } };
      restoring = true;
      try {
        const result = await restoreForRecovery(options.dbPath, input, {
          at: new Date(),
          logger: options.logger,
        });
        // The window closes once the answer is on its way; the desk then opens.
        if (result.ok) setImmediate(() => settle(result.data));
        return result;
      } finally {
        restoring = false;
      }
    });
    ipcMain.handle(RECOVERY_CHANNELS.cancel, (event) => {
      if (!trusted(event)) return forbidden();
      setImmediate(() => settle(null));
      return undefined;
    });
    win.on('closed', () => settle(null));
    win.once('ready-to-show', () => win.show());
    // No navigation, no new windows, no webviews.
    win.webContents.on('will-navigate', (event) => event.preventDefault());
    win.webContents.on('will-redirect', (event) => event.preventDefault());
    win.webContents.on('will-attach-webview', (event) => event.preventDefault());
    win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
    void win.loadURL(page.url);
  });
}
