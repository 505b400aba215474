// The Electron shell, and nothing more: lifecycle, the one secure window, and
// IPC wired to the core's dispatch. All desk logic lives in ./core.
import { join } from 'node:path';
import { app, BrowserWindow, crashReporter, ipcMain, session, type IpcMainInvokeEvent } from 'electron';
import { CHANNEL_NAMES } from '../shared/channels';
import { PUSH_CHANNELS, sendPush } from '../shared/events';
import type { Result } from '../shared/result';
import type { Core, Session } from './core';
import type { DatabaseOpenError } from './db/database-file';
import { openDeskWithChoices } from './app/open-desk';
import { installMenu } from './app/menu';
import { helpMenu } from './app/help-menu';
import { createFileLogger } from './log/file-logger';
import { resolveDbPath } from './app/paths';
import { CONTENT_SECURITY_POLICY, isTrustedSender, pageFileUrl, secureWebPreferences } from './app/security';
import { loadWindowState, saveWindowState } from './app/window-state';

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;
const windowIds = new Set<number>();
/** Each window's standing (front desk, signed-in agent, unlocked supervisor), by webContents id. */
const sessions = new Map<number, Session>();
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const pagePath = join(__dirname, '../renderer/index.html');
// The page is loaded by this URL and calls are checked against it (see pageFileUrl).
const appUrl = rendererUrl ?? pageFileUrl(pagePath);

// Native crashes: Electron's crash reporter keeps minidumps in the user-data folder
// (`Crashpad/`); nothing is ever uploaded.
app.setPath('crashDumps', join(app.getPath('userData'), 'Crashpad'));
crashReporter.start({ uploadToServer: false });
/** `<userData>/logs/main.log`, rotated at 5 MB, 5 files kept (see src/main/log/file-logger.ts). */
const logsDir = join(app.getPath('userData'), 'logs');
const logger = createFileLogger({ dir: logsDir, consoleLevel: 'warn' });

const FORBIDDEN: Result<never> = {
  ok: false,
  error: { code: 'FORBIDDEN', message: 'This call did not come from the ReturnDesk window.' },
};

function hardenSession(): void {
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
    });
  });
}

function createWindow(): BrowserWindow {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const bounds = loadWindowState(stateFile);
  const win = new BrowserWindow({
    ...bounds,
    minWidth: 1024,
    minHeight: 680,
    show: false,
    title: 'ReturnDesk',
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  const contentsId = win.webContents.id;
  windowIds.add(contentsId);
  if (core) sessions.set(contentsId, core.openSession());
  if (bounds.maximized) win.maximize();
  win.once('ready-to-show', () => {
    win.show();
    // After a clean shutdown the open skipped the whole-file check: now, off the main thread.
    void core?.checkInBackground();
  });
  win.on('close', () =>
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }),
  );
  win.on('closed', () => {
    windowIds.delete(contentsId);
    sessions.delete(contentsId);
    mainWindow = null;
  });
  // No navigation away from the app, no new windows, no webviews.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(appUrl);
  return win;
}

const CLOSED: Result<never> = {
  ok: false,
  error: { code: 'INTERNAL', message: 'The desk database is closed.' },
};

function wireIpc(): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, input: unknown) =>
      !isTrustedSender(event, appUrl, windowIds)
        ? FORBIDDEN
        : (core?.dispatch(channel, input, { session: sessions.get(event.sender.id) }) ?? CLOSED),
    );
  }
}

function wireCore(desk: Core): void {
  desk.onChange((change) => {
    for (const win of BrowserWindow.getAllWindows()) sendPush(win.webContents, PUSH_CHANNELS.changed, change);
  });
  desk.onIntegrityProblem((problem) => void reopenAfterProblem(problem));
}

let reopening = false;

/**
 * The background check found the open desk damaged: close it (it is then not
 * marked closed cleanly) and open again, which checks the whole file and offers
 * the same choices as a damaged file at start.
 */
async function reopenAfterProblem(problem: DatabaseOpenError): Promise<void> {
  if (reopening || !core) return;
  reopening = true;
  logger.error('background integrity check found the desk damaged', { kind: problem.kind });
  const damaged = core;
  core = null;
  for (const win of BrowserWindow.getAllWindows()) win.destroy();
  await damaged.close();
  core = await openDeskWithChoices(damaged.dbPath, logger);
  reopening = false;
  if (!core) {
    app.exit(1);
    return;
  }
  wireCore(core);
  mainWindow = createWindow();
}

async function start(): Promise<void> {
  logger.info('ReturnDesk started', {
    version: app.getVersion(),
    electron: process.versions.electron ?? null,
    platform: `${process.platform}-${process.arch}`,
  });
  const dbPath = resolveDbPath(process.argv, process.env, app.getPath('userData'));
  core = await openDeskWithChoices(dbPath, logger);
  if (!core) {
    app.exit(1);
    return;
  }
  hardenSession();
  wireIpc();
  wireCore(core);
  installMenu(() => mainWindow, [helpMenu({ dbPath: () => core?.dbPath ?? null, logsDir, logger })]);
  mainWindow = createWindow();
}

// Two processes must never write one database: a second launch focuses the first.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  // A failed start (not only a failed ready) is logged before the app exits.
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('start-up failed', error);
      app.exit(1);
    });
  app.on('activate', () => {
    if (core && BrowserWindow.getAllWindows().length === 0) mainWindow = createWindow();
  });
  app.on('window-all-closed', () => {
    if (!reopening) app.quit();
  });
  let closing = false;
  app.on('will-quit', (event) => {
    if (!core || closing) return;
    closing = true;
    event.preventDefault();
    logger.info('ReturnDesk quitting');
    void core.close().finally(() => app.quit());
  });
}
