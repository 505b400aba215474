// Starts a packaged ReturnDesk under plain Node with the recording stand-in (as launch.mjs does)
// and plays the counter features of issue 15 through the shell: Counter → Open waiting-area
// display (placed on the stand-in's second screen), calls as the display's page and as forged
// senders, printing the desk window's slip and saving it as PDF; with `demo`, started as
// `--demo`. Writes what happened as JSON; the assertions live in launch.test.ts.
//   node counter.mjs <unpacked app folder> <user-data folder> <report.json> [demo]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createElectronStandIn } from './electron-stand-in.mjs';

const [appDir, userData, reportFile, mode] = process.argv.slice(2);
if (!appDir || !userData || !reportFile)
  throw new Error('usage: counter.mjs <app> <userData> <report.json> [demo]');
const demo = mode === 'demo';

const { module: electron, record, answers } = createElectronStandIn({ appPath: appDir, userData });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
const waitFor = async (condition, ms) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return condition();
};
const pageUrlOf = (win) => {
  const loaded = win?.loaded[0] ?? {};
  return loaded.file ? pathToFileURL(loaded.file).href : loaded.url;
};
const asSender = (win, url = pageUrlOf(win)) => ({
  senderFrame: { url, parent: null },
  sender: { id: win?.webContents.id ?? -1 },
});
const callAs = (channel, event, input) => {
  const handler = record.handlers.get(channel);
  return handler ? handler(event, input) : { missingHandler: channel };
};

process.argv = [process.execPath, appDir, ...(demo ? ['--demo'] : [])];
createRequire(join(appDir, 'package.json'))(appDir);

const report = {
  started: await waitFor(() => record.windows.length > 0 && record.handlers.size > 0, 30_000),
};
const desk = record.windows[0]?.instance;
const deskCall = (channel, input) => callAs(channel, asSender(desk), input);
// The desk's first call waits for it to open (and, on the demo desk, to be filled).
report.deskStatus = await deskCall('auth.status');

if (demo) {
  report.demo = {
    title: record.windows[0]?.options.title,
    dbFile: existsSync(join(userData, 'returndesk-demo.sqlite')),
    storeDbFile: existsSync(join(userData, 'returndesk.sqlite')),
    info: await deskCall('demo.info'),
    board: await callAs('display.board', asSender(desk)),
  };
} else {
  // A first run: the supervisor sets the passcode, an agent and two cases (one waits).
  await deskCall('auth.setup', { passcode: 'counter-passcode' });
  await deskCall('agents.create', { name: 'Dana Reyes', title: 'Counter 1', pin: '1357' });
  const customer = await deskCall('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  const logged = [];
  for (const orderNumber of ['SO-1', 'SO-2'])
    logged.push(
      await deskCall('cases.create', {
        customerId: customer.data.id,
        orderNumber,
        product: 'Lamp',
        reason: 'damaged',
      }),
    );

  // Counter → Open waiting-area display.
  const counterMenu = record.menuTemplate?.find((menu) => menu.id === 'counter');
  counterMenu?.submenu?.find((item) => item.id === 'open-display')?.click();
  await waitFor(() => record.windows.length > 1, 5_000);
  const displayEntry = record.windows[1];
  const display = displayEntry?.instance;
  const displayUrl = pageUrlOf(display);
  const displayFile = displayUrl?.startsWith('file:') ? fileURLToPath(displayUrl) : null;
  const prefs = displayEntry?.options.webPreferences ?? {};
  // A second click focuses the same window rather than opening another.
  counterMenu?.submenu?.find((item) => item.id === 'open-display')?.click();
  report.display = {
    windows: record.windows.length,
    bounds: displayEntry && {
      x: displayEntry.options.x,
      y: displayEntry.options.y,
      width: displayEntry.options.width,
      height: displayEntry.options.height,
    },
    fullscreen: displayEntry?.options.fullscreen ?? null,
    page: displayFile ? relative(appDir, displayFile) : (displayUrl ?? null),
    preload: prefs.preload ? relative(appDir, prefs.preload) : null,
    webPreferences: { ...prefs, preload: undefined },
    windowOpenDenied: display?.webContents.windowOpenHandler?.({ url: 'https://evil.example' }) ?? null,
    board: await callAs('display.board', asSender(display)),
    // The display's session reads the board only.
    refused: {
      'cases.list': await callAs('cases.list', asSender(display), {}),
      'customers.search': await callAs('customers.search', asSender(display), { query: 'Ana' }),
      'auth.unlock': await callAs('auth.unlock', asSender(display), { passcode: 'counter-passcode' }),
    },
    forged: {
      // The display's window claiming to be the desk's page, and the desk's window the display's.
      'display window, desk page URL': await callAs('display.board', asSender(display, pageUrlOf(desk))),
      'a web page in the display window': await callAs(
        'display.board',
        asSender(display, 'https://evil.example/display.html'),
      ),
      'a subframe of the display': await callAs('display.board', {
        senderFrame: { url: displayUrl, parent: {} },
        sender: { id: display?.webContents.id ?? -1 },
      }),
    },
    // The desk window still has its desk session, and reads the board too.
    deskReadsBoard: await deskCall('display.board'),
    deskListsCases: await deskCall('cases.list', {}),
  };

  // The slip: printed through the dialog, then straight to the default printer, then as a PDF.
  const waiting = logged[1].data;
  const printed = [await deskCall('slips.print', { id: waiting.id })];
  await deskCall('counter.setSettings', { printDirect: true });
  printed.push(await deskCall('slips.print', { id: waiting.id }));
  const pdfPath = join(dirname(reportFile), 'slip.pdf');
  answers.savePath = pdfPath;
  const saved = await deskCall('slips.savePdf', { id: waiting.id });
  report.slip = {
    printed,
    prints: record.prints.map((p) => ({ desk: p.contentsId === desk?.webContents.id, options: p.options })),
    pdfs: record.pdfs.map((p) => ({ desk: p.contentsId === desk?.webContents.id, options: p.options })),
    saved,
    saveDialog: record.saveDialogs.at(-1) ?? null,
    pdf: existsSync(pdfPath) ? readFileSync(pdfPath, 'utf8') : null,
  };

  // The desk window closes: the display goes with it.
  desk?.destroy();
  report.displayClosedWithDesk = display?.isDestroyed() ?? null;
}

electron.app.quit();
report.quit = await waitFor(() => record.quit || record.exitCode !== null, 15_000);
report.errorBoxes = record.errorBoxes;
writeFileSync(reportFile, JSON.stringify(report, null, 2));
process.exit(0);
