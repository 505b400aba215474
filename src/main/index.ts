// The Electron shell, and nothing more: lifecycle, the one secure window, and
// IPC wired to the core's dispatch. All desk logic lives in ./core.
import { join } from 'node:path';
import {
  app,
  BrowserWindow,
  crashReporter,
  ipcMain,
  Notification,
  safeStorage,
  session,
  type IpcMainInvokeEvent,
} from 'electron';
import { CHANNEL_NAMES } from '../shared/channels';
import { PUSH_CHANNELS, sendPush, type DeskState } from '../shared/events';
import { deskMessage, onDeskLanguage, setDeskLanguage } from '../shared/i18n/desk-messages';
import { matchLanguage } from '../shared/i18n/languages';
import type { Result } from '../shared/result';
import type { Core, Session } from './core';
import type { DatabaseOpenError } from './db/database-file';
import { openChosenDesk, openDeskWithChoices, type OpenDeskOptions } from './app/open-desk';
import { resolveDatabaseChoice, type Resolution } from './app/database-choice';
import { createDatabaseShell, moveDesk, probeDatabase } from './app/database-shell';
import { electronSecretBox } from './app/secret-box';
import { askForRestore } from './app/recovery-window';
import { installMenu } from './app/menu';
import { helpMenu } from './app/help-menu';
import { createFileLogger } from './log/file-logger';
import { isDemo, resolveDbPath } from './app/paths';
import { counterMenu, electronPrinter, openDisplayWindow, relaunchAsDemo } from './app/counter-shell';
import { DEMO_INFO, DemoClock, seedDemoDesk } from './demo/demo-desk';
import { CONTENT_SECURITY_POLICY, isTrustedSender, pageFileUrl, secureWebPreferences } from './app/security';
import { loadWindowState, saveWindowState } from './app/window-state';
import { notifyAssignment } from './app/notifications';

let core: Core | null = null;
/** The desk as it opens: calls that arrive meanwhile wait for it (null: it did not open). */
let deskReady: Promise<Core | null> = Promise.resolve(null);
/** Told to every window when its page loads and on each change (see DeskState). */
let deskState: DeskState = 'opening';
let reopening = false;
/** The desk is being opened: closing the recovery window must not quit the app. */
let opening = false;
let mainWindow: BrowserWindow | null = null;
const windowIds = new Set<number>();
/** The waiting-area display's window (issue 15): its own page and a `display` session. */
let displayWindow: BrowserWindow | null = null;
const displayIds = new Set<number>();
/** `--demo`: the demo desk, its own file, seeded on first open (src/main/demo). */
const demo = isDemo(process.argv);
const demoClock = new DemoClock();
/** Each window's standing (front desk, signed-in agent, unlocked supervisor), by webContents id. */
const sessions = new Map<number, Session>();
const rendererUrl = process.env.ELECTRON_RENDERER_URL;
const pagePath = join(__dirname, '../renderer/index.html');
// The page is loaded by this URL and calls are checked against it (see pageFileUrl).
const appUrl = rendererUrl ?? pageFileUrl(pagePath);
/** The waiting-area display's page (a second renderer entry, like the recovery window's). */
const displayUrl = rendererUrl
  ? new URL('display.html', `${rendererUrl}/`).href
  : pageFileUrl(join(__dirname, '../renderer/display.html'));
/** The recovery window's page, shown when the desk cannot be opened (see app/recovery-window.ts). */
const recoveryPage = {
  url: rendererUrl
    ? new URL('recovery.html', `${rendererUrl}/`).href
    : pageFileUrl(join(__dirname, '../renderer/recovery.html')),
  preloadPath: join(__dirname, '../preload/recovery.js'),
};

// Native crashes: Electron's crash reporter keeps minidumps in the user-data folder
// (`Crashpad/`); nothing is ever uploaded.
app.setPath('crashDumps', join(app.getPath('userData'), 'Crashpad'));
crashReporter.start({ uploadToServer: false });
/** `<userData>/logs/main.log`, rotated at 5 MB, 5 files kept (see src/main/log/file-logger.ts). */
const logsDir = join(app.getPath('userData'), 'logs');
const logger = createFileLogger({ dir: logsDir, consoleLevel: 'warn' });
/** Seals the shared database's password with the system's keychain (`safeStorage`, once ready). */
const secretBox = electronSecretBox(safeStorage);
/** Which database this run resolved at start (what opened may be the fallback: see `opened`). */
let resolution: Resolution | null = null;
/** Admin → Database (issue 16): the saved choice, the sealed password, the move and a restart. */
const databasePort = createDatabaseShell({
  userData: app.getPath('userData'),
  box: secretBox,
  opened: () => {
    if (!core) return null;
    if (core.dialect === 'sqlite') return { kind: 'sqlite', dbPath: core.dbPath, demo };
    if (resolution?.ok !== true || resolution.choice.kind !== 'postgres') return null;
    const { connection, source } = resolution.choice;
    return { kind: 'postgres', connection, source, liveUpdates: core.liveUpdates()?.connected ?? false };
  },
  probe: probeDatabase,
  move: (from, to) => moveDesk(from, to, logger),
  // After the window has its answer: the same app, started again on the saved choice.
  restart: () =>
    setTimeout(() => {
      app.relaunch();
      app.quit();
    }, 300),
  logger,
});
const openOptions: OpenDeskOptions = {
  logger,
  // "Use this workstation's own desk" when a shared one cannot be opened (and the default).
  ownDbPath: resolveDbPath(process.argv, process.env, app.getPath('userData')),
  // After an unclean shutdown the whole file is checked before the desk opens: the window says so.
  onFullCheck: () => setDeskState('checking'),
  askForRestore: ({ dbPath, problem }) => askForRestore(recoveryPage, { dbPath, problem, logger }),
  counter: {
    printer: electronPrinter(() => mainWindow),
    openDemo: relaunchAsDemo,
    databasePort,
    ...(demo && { demo: DEMO_INFO, now: demoClock.now }),
  },
};

const forbidden = (): Result<never> => ({
  ok: false,
  error: { code: 'FORBIDDEN', message: deskMessage('refusal.notDeskWindow') },
});

/** The main window's title, in the desk's language. */
const deskTitle = (): string => (demo ? deskMessage('windowTitle.demo') : 'ReturnDesk');

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
    title: deskTitle(),
    backgroundColor: '#f6f7f9',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.js')),
  });
  // The title is main's, in the desk's language, not the page's (English) <title>.
  win.on('page-title-updated', (event) => event.preventDefault());
  const contentsId = win.webContents.id;
  windowIds.add(contentsId);
  if (bounds.maximized) win.maximize();
  // The window shows while the desk opens; its page hears where the desk stands.
  win.webContents.on('did-finish-load', () => sendPush(win.webContents, PUSH_CHANNELS.deskState, deskState));
  win.once('ready-to-show', () => {
    win.show();
    // After a clean shutdown the open skipped the whole-file check: now, off the main thread.
    void deskReady.then((desk) => desk?.checkInBackground());
  });
  win.on('close', () =>
    saveWindowState(stateFile, { ...win.getNormalBounds(), maximized: win.isMaximized() }),
  );
  win.on('closed', () => {
    windowIds.delete(contentsId);
    sessions.delete(contentsId);
    mainWindow = null;
    // The customers' screen goes with the desk's window.
    displayWindow?.close();
  });
  // No navigation away from the app, no new windows, no webviews.
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(() => ({ action: 'deny' }));
  void win.loadURL(appUrl);
  return win;
}

const closed = (): Result<never> => ({
  ok: false,
  error: { code: 'INTERNAL', message: deskMessage('refusal.deskClosed') },
});

function setDeskState(state: DeskState): void {
  deskState = state;
  for (const win of BrowserWindow.getAllWindows()) sendPush(win.webContents, PUSH_CHANNELS.deskState, state);
}

/** Each window's session, opened on its first call to this desk (the display's as `display`). */
function sessionFor(contentsId: number, desk: Core): Session {
  let found = sessions.get(contentsId);
  if (!found)
    sessions.set(contentsId, (found = desk.openSession(displayIds.has(contentsId) ? 'display' : 'desk')));
  return found;
}

/** Counter → Open waiting-area display: one such window, on the second screen when there is one. */
function openDisplay(): void {
  if (displayWindow) {
    displayWindow.focus();
    return;
  }
  displayWindow = openDisplayWindow({
    url: displayUrl,
    preloadPath: join(__dirname, '../preload/index.js'),
    register: (id) => displayIds.add(id),
    unregister: (id) => {
      displayIds.delete(id);
      sessions.delete(id);
      displayWindow = null;
    },
  });
}

function wireIpc(): void {
  for (const channel of CHANNEL_NAMES) {
    ipcMain.handle(channel, async (event: IpcMainInvokeEvent, input: unknown) => {
      // The desk's window from its page, or the display's window from the display page.
      if (!isTrustedSender(event, appUrl, windowIds) && !isTrustedSender(event, displayUrl, displayIds))
        return forbidden();
      // While the desk opens (or is checked after an unclean shutdown) calls wait for it.
      const desk = core ?? (await deskReady);
      if (!desk || !(windowIds.has(event.sender.id) || displayIds.has(event.sender.id))) return closed();
      return desk.dispatch(channel, input, { session: sessionFor(event.sender.id, desk) });
    });
  }
}

/**
 * Opens the desk with the window already showing, which hears 'checking' and then 'open'.
 * `open` opens it: the chosen desk at start (SQLite or a shared PostgreSQL), or a SQLite file.
 */
async function openDesk(open: () => Promise<Core | null>): Promise<Core | null> {
  setDeskState('opening');
  opening = true;
  mainWindow = createWindow();
  // The demo desk is filled on its first open, before any call reaches it.
  deskReady = open().then(async (opened) => {
    if (opened && demo && (await seedDemoDesk(opened, demoClock))) logger.info('demo desk seeded');
    return opened;
  });
  try {
    core = await deskReady;
  } finally {
    opening = false;
  }
  if (core) {
    wireCore(core);
    setDeskState(core.liveUpdates()?.connected === false ? 'offline' : 'open');
    // The window was closed while the desk opened: that was a quit.
    if (BrowserWindow.getAllWindows().length === 0) app.quit();
  }
  return core;
}

function wireCore(desk: Core): void {
  desk.onChange((change) => {
    for (const win of BrowserWindow.getAllWindows()) sendPush(win.webContents, PUSH_CHANNELS.changed, change);
  });
  desk.onIntegrityProblem((problem) => void reopenAfterProblem(problem));
  // A shared desk that stops hearing the other counters says so in every window until it
  // hears them again (the core reconnects by itself, then every window reloads).
  desk.onLiveUpdates((connected) => {
    if (deskState === 'open' || deskState === 'offline') setDeskState(connected ? 'open' : 'offline');
  });
  // A case reached an agent: a desktop notification (none where the system has none).
  desk.onAssigned((notice) =>
    notifyAssignment(Notification, notice, () => {
      if (mainWindow?.isMinimized()) mainWindow.restore();
      mainWindow?.focus();
    }),
  );
}

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
  deskReady = Promise.resolve(null);
  for (const win of BrowserWindow.getAllWindows()) win.destroy();
  await damaged.close();
  const reopened = await openDesk(() => openDeskWithChoices(damaged.dbPath, openOptions));
  reopening = false;
  if (!reopened) app.exit(1);
}

async function start(): Promise<void> {
  logger.info('ReturnDesk started', {
    version: app.getVersion(),
    electron: process.versions.electron ?? null,
    platform: `${process.platform}-${process.arch}`,
  });
  // Which database: --database-url=, RETURNDESK_DATABASE_URL, the saved choice, else the SQLite
  // file (src/main/app/database-choice.ts). The saved password is opened with safeStorage.
  const choice = resolveDatabaseChoice({
    argv: process.argv,
    env: process.env,
    userData: app.getPath('userData'),
    box: secretBox,
  });
  resolution = choice;
  // Before any window and any call: the window shows while the desk opens, and calls wait for it.
  hardenSession();
  wireIpc();
  // Until the desk is open (and says its own), main speaks the workstation's language.
  setDeskLanguage(matchLanguage(app.getLocale()));
  const menus = () => {
    installMenu(
      () => mainWindow,
      () => [
        counterMenu(openDisplay),
        helpMenu({
          database: () => (core ? { kind: core.dialect, location: core.location } : null),
          logsDir,
          logger,
        }),
      ],
    );
  };
  menus();
  // The menus and window titles are built from their text: again whenever the desk's language changes.
  onDeskLanguage(() => {
    menus();
    mainWindow?.setTitle(deskTitle());
    displayWindow?.setTitle(deskMessage('windowTitle.display'));
  });
  if (!(await openDesk(() => openChosenDesk(choice, openOptions)))) app.exit(1);
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
    if (!reopening && !opening) app.quit();
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
