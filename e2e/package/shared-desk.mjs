// Starts a packaged ReturnDesk under plain Node with the recording stand-in (as launch.mjs does),
// pointed at a shared PostgreSQL with `--database-url=` (issue 16). With a reachable server it
// plays a first run (the passcode, an agent, a case), opens Help → About and quits; with one
// that cannot be reached it answers the start-up dialog with the button given (the stand-in
// presses cancel, "Quit", unless told otherwise). Writes what happened as JSON; the assertions
// live in launch.test.ts.
//   node shared-desk.mjs <unpacked app folder> <user-data folder> <report.json> <database URL> [button]
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElectronStandIn } from './electron-stand-in.mjs';

const [appDir, userData, reportFile, databaseUrl, button] = process.argv.slice(2);
if (!appDir || !userData || !reportFile || !databaseUrl)
  throw new Error('usage: shared-desk.mjs <app> <userData> <report.json> <database URL> [button]');

const { module: electron, record, answers } = createElectronStandIn({ appPath: appDir, userData });
if (button !== undefined) answers.messageBoxResponses.push(Number(button));
const load = Module._load;
Module._load = function (request, ...rest) {
  return request === 'electron' ? electron : load.call(this, request, ...rest);
};
const waitFor = async (condition, ms) => {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
  return condition();
};

process.argv = [process.execPath, appDir, `--database-url=${databaseUrl}`];
createRequire(join(appDir, 'package.json'))(appDir);

const report = {
  started: await waitFor(() => record.windows.length > 0 && record.handlers.size > 0, 30_000),
};
const desk = record.windows[0]?.instance;
const loaded = desk?.loaded[0] ?? {};
const sender = {
  senderFrame: { url: loaded.file ? pathToFileURL(loaded.file).href : loaded.url, parent: null },
  sender: { id: desk?.webContents.id ?? -1 },
};
const call = (channel, input) => record.handlers.get(channel)?.(sender, input);
// The first call waits for the desk: open, or given up (the person quit at the dialog, and
// the call is told the desk is closed while the app exits).
report.firstCall = await call('auth.status');
if (!report.firstCall?.ok) await waitFor(() => record.exitCode !== null, 15_000);
if (report.firstCall?.ok) {
  const setup = await call('auth.setup', { passcode: 'shared-passcode' });
  const agent = await call('agents.create', { name: 'Dana Reyes', pin: '1357' });
  const customer = await call('customers.create', { name: 'Ana Lima', email: 'ana@example.com' });
  const logged = await call('cases.create', {
    customerId: customer?.data?.id,
    orderNumber: 'SO-1',
    product: 'Lamp',
    reason: 'damaged',
  });
  report.calls = [setup, agent, customer, logged].map((result) => result?.ok ?? null);
  report.caseStatus = logged?.data?.status ?? null;
  report.backups = await call('backup.list');

  const help = record.menuTemplate?.find((menu) => menu.role === 'help');
  const before = record.messageBoxes.length;
  help?.submenu?.find((item) => item.id === 'about')?.click();
  await waitFor(() => record.messageBoxes.length > before, 5_000);
  report.about = record.messageBoxes[before]?.detail ?? null;

  electron.app.quit();
  report.quit = await waitFor(() => record.quit || record.exitCode !== null, 15_000);
}
report.exitCode = record.exitCode;
report.messageBoxes = record.messageBoxes.map((box) => ({
  title: box.title,
  message: box.message,
  detail: box.detail,
  buttons: box.buttons,
}));
report.errorBoxes = record.errorBoxes;
report.sqliteFile = existsSync(join(userData, 'returndesk.sqlite'));
const log = join(userData, 'logs', 'main.log');
report.log = existsSync(log) ? readFileSync(log, 'utf8') : '';
writeFileSync(reportFile, JSON.stringify(report, null, 2));
process.exit(0);
