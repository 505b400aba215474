// Starts a packaged ReturnDesk under plain Node, as Electron would start it, with
// the recording stand-in in place of the `electron` module; then plays the OS and
// the page: calls IPC handlers as the trusted window and as forged senders, asks
// the app to quit, and writes what happened as JSON. The assertions live in
// launch.test.ts; this file only observes.
//   node launch.mjs <unpacked app folder> <user-data folder> <report.json>
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createElectronStandIn } from './electron-stand-in.mjs';

const [appDir, userData, reportFile] = process.argv.slice(2);
if (!appDir || !userData || !reportFile) throw new Error('usage: launch.mjs <app> <userData> <report.json>');

// A Spanish workstation: the desk's language (setting `system`) follows its locale.
const {
  module: electron,
  record,
  answers,
} = createElectronStandIn({ appPath: appDir, userData, locale: 'es-MX' });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};

const inApp = (file) => {
  const rel = relative(appDir, file);
  return !rel.startsWith('..') && !rel.startsWith('/') && existsSync(file);
};
const waitFor = async (condition, ms) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return condition();
};
const callAs = (channel, event, input) => {
  const handler = record.handlers.get(channel);
  return handler ? handler(event, input) : { missingHandler: channel };
};

// Electron runs the `main` of the app's package.json: so does this.
process.argv = [process.execPath, appDir];
createRequire(join(appDir, 'package.json'))(appDir);

const report = {
  started: await waitFor(
    () => record.windows.length > 0 || record.exitCode !== null || record.errorBoxes.length > 0,
    30_000,
  ),
};
// The start-up's own writes (first-run migrations) finish before the window; give stragglers a tick.
await new Promise((r) => setTimeout(r, 50));

const window = record.windows[0]?.instance;
const prefs = record.windows[0]?.options.webPreferences ?? {};
const loaded = window?.loaded[0] ?? {};
// The page Chromium would show, and the URL its frame would report on every call.
const pageUrl = loaded.file ? pathToFileURL(loaded.file).href : loaded.url;
const pageFile = pageUrl?.startsWith('file:') ? fileURLToPath(pageUrl) : null;
const contentsId = window?.webContents.id ?? -1;
const trusted = { senderFrame: { url: pageUrl, parent: null }, sender: { id: contentsId } };
const forged = {
  'another local page': {
    senderFrame: { url: pathToFileURL(join(userData, 'evil.html')).href, parent: null },
    sender: { id: contentsId },
  },
  'a web page': {
    senderFrame: { url: 'https://evil.example/index.html', parent: null },
    sender: { id: contentsId },
  },
  'a subframe of the app page': { senderFrame: { url: pageUrl, parent: {} }, sender: { id: contentsId } },
  'a window the app did not create': {
    senderFrame: { url: pageUrl, parent: null },
    sender: { id: contentsId + 100 },
  },
  'no frame': { senderFrame: null, sender: { id: contentsId } },
};

// The page has loaded (Chromium would say so): the shell tells it where the desk stands.
window?.webContents.emit('did-finish-load');
const deskStates = (window?.webContents.sent ?? [])
  .filter((message) => message.channel === 'desk.state')
  .map((message) => message.payload);

let csp = null;
record.headerHook?.(
  { responseHeaders: {} },
  (response) => (csp = response.responseHeaders?.['Content-Security-Policy'] ?? null),
);

Object.assign(report, {
  errorBoxes: record.errorBoxes,
  messageBoxes: record.messageBoxes.map((box) => ({ title: box.title, message: box.message })),
  exitCode: record.exitCode,
  singleInstanceLock: record.singleInstanceLockRequested,
  menuInstalled: record.menuInstalled,
  permissionHandlers: record.permissionHandlers,
  csp,
  windows: record.windows.length,
  deskStates,
  webPreferences: { ...prefs, preload: undefined },
  preload: prefs.preload ? { path: relative(appDir, prefs.preload), insideApp: inApp(prefs.preload) } : null,
  page: pageFile
    ? { path: relative(appDir, pageFile), insideApp: inApp(pageFile) }
    : { url: pageUrl ?? null },
  windowOpenDenied: window?.webContents.windowOpenHandler?.({ url: 'https://evil.example' }) ?? null,
  handlers: [...record.handlers.keys()].sort(),
  nativeModules: Object.keys(Module._cache)
    .filter((file) => file.endsWith('.node'))
    .map((file) => ({ path: relative(appDir, file), insideApp: inApp(file) })),
  modulesOutsideApp: Object.keys(Module._cache).filter((file) => !inApp(file)),
  trustedCall: await callAs('auth.status', trusted, undefined),
  forgedCalls: Object.fromEntries(
    await Promise.all(
      Object.entries(forged).map(async ([who, event]) => [
        who,
        await callAs('auth.status', event, undefined),
      ]),
    ),
  ),
});

// A case reaches an agent: the shell shows a desktop notification, and none where the system
// has no notifications. The page sets the desk up, adds an agent and logs two cases.
const call = (channel, input) => callAs(channel, trusted, input);
const notificationCalls = [
  await call('auth.setup', { passcode: 'stand-in passcode' }),
  await call('agents.create', { name: 'Bea Stone', pin: '2468' }),
  await call('customers.create', { name: 'Ana Lima', email: 'ana@example.com' }),
];
const customerId = notificationCalls[2].data?.id;
const logCase = (orderNumber) =>
  call('cases.create', { customerId, orderNumber, product: 'Radio', reason: 'defective' });
notificationCalls.push(await logCase('SO-1'));
await waitFor(() => record.notifications.length > 0, 5_000);
const shownFirst = record.notifications.map((n) => n.options);
record.notifications[0]?.instance.emit('click');
// Resolved, then a second case, on a desktop without notifications.
const bea = notificationCalls[1].data;
notificationCalls.push(
  await call('cases.resolve', { id: notificationCalls[3].data?.id, agentId: bea?.id, outcome: 'refund' }),
);
electron.Notification.supported = false;
notificationCalls.push(await logCase('SO-2'));
// The desk's language follows the workstation's locale (the stand-in's `app.getLocale()`).
report.language = await call('settings.language');
report.notifications = {
  calls: notificationCalls.map((result) => result.ok),
  secondCase: notificationCalls[5].data?.status ?? null,
  shown: shownFirst,
  afterUnsupported: record.notifications.length,
};

// The person opens the Help menu: About, Show logs folder, then Save diagnostics… into a file they pick.
const help = record.menuTemplate?.find((menu) => menu.role === 'help');
const helpItem = (id) => help?.submenu?.find((item) => item.id === id);
const boxesBefore = record.messageBoxes.length;
helpItem('about')?.click();
await waitFor(() => record.messageBoxes.length > boxesBefore, 5_000);
const aboutBox = record.messageBoxes[boxesBefore] ?? null;
helpItem('show-logs')?.click();
await waitFor(() => record.openedPaths.length > 0, 5_000);
const diagnosticsZip = join(dirname(reportFile), 'diagnostics.zip');
answers.savePath = diagnosticsZip;
helpItem('save-diagnostics')?.click();
await waitFor(() => existsSync(diagnosticsZip) && record.messageBoxes.length > boxesBefore + 1, 10_000);
report.help = {
  items: help?.submenu?.filter((item) => item.label).map((item) => item.label) ?? [],
  about: aboutBox && { title: aboutBox.title, message: aboutBox.message, detail: aboutBox.detail },
  openedPaths: record.openedPaths.map((path) => relative(userData, path)),
  saveDialogs: record.saveDialogs.length,
  diagnosticsZip: existsSync(diagnosticsZip) ? diagnosticsZip : null,
  errorBoxes: record.errorBoxes.length,
};
report.crashReporter = record.crashReporter;
report.crashDumps = record.paths.crashDumps ? relative(userData, record.paths.crashDumps) : null;

const dbPath = join(userData, 'returndesk.sqlite');
report.databaseFile = existsSync(dbPath);
report.walWhileOpen = existsSync(`${dbPath}-wal`);
electron.app.quit();
report.quit = await waitFor(() => record.quit || record.exitCode !== null, 15_000);
// SQLite removes the WAL file when the last connection closes cleanly.
report.walAfterQuit = existsSync(`${dbPath}-wal`);
const logsDir = join(userData, 'logs');
report.logs = existsSync(logsDir)
  ? {
      files: readdirSync(logsDir).sort(),
      text: existsSync(join(logsDir, 'main.log')) ? readFileSync(join(logsDir, 'main.log'), 'utf8') : '',
    }
  : null;

writeFileSync(reportFile, JSON.stringify(report, null, 2));
process.exit(0);
