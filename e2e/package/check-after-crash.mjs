// Starts a packaged ReturnDesk over a desk file a crash left marked 'open', and
// plays the page as Chromium would: it loads at once and makes its first call
// while the desk is still being opened. Records what the window was told (the
// desk.state pushes) and when that first call was answered, as JSON; the
// assertions live in launch.test.ts.
//   node check-after-crash.mjs <unpacked app folder> <user-data folder> <report.json>
import { readFileSync, existsSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElectronStandIn } from './electron-stand-in.mjs';

const [appDir, userData, reportFile] = process.argv.slice(2);
if (!appDir || !userData || !reportFile)
  throw new Error('usage: check-after-crash.mjs <app> <userData> <report.json>');

const { module: electron, record } = createElectronStandIn({ appPath: appDir, userData });
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
const waitFor = async (condition, ms) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 5));
  return condition();
};

process.argv = [process.execPath, appDir];
createRequire(join(appDir, 'package.json'))(appDir);

const report = {
  windowShown: await waitFor(() => record.windows.length > 0 && record.handlers.has('auth.status'), 30_000),
};
const window = record.windows[0]?.instance;
const loaded = window?.loaded[0] ?? {};
const pageUrl = loaded.file ? pathToFileURL(loaded.file).href : loaded.url;
const trusted = { senderFrame: { url: pageUrl, parent: null }, sender: { id: window?.webContents.id ?? -1 } };
const states = () => window.webContents.sent.filter((m) => m.channel === 'desk.state').map((m) => m.payload);

// The page has loaded (Chromium would say so now) and asks who it is at once.
window.webContents.emit('did-finish-load');
report.statesWhenLoaded = states();
let answeredAfter = null;
const first = Promise.resolve(record.handlers.get('auth.status')(trusted, undefined)).then((result) => {
  answeredAfter = states();
  return result;
});
report.firstCall = await first;
report.statesWhenAnswered = answeredAfter;
report.states = states();
report.errorBoxes = record.errorBoxes;
report.messageBoxes = record.messageBoxes.length;
const logFile = join(userData, 'logs', 'main.log');
report.log = existsSync(logFile) ? readFileSync(logFile, 'utf8') : '';

electron.app.quit();
report.quit = await waitFor(() => record.quit || record.exitCode !== null, 15_000);
writeFileSync(reportFile, JSON.stringify(report, null, 2));
process.exit(0);
