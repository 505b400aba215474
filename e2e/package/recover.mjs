// Starts a packaged ReturnDesk over a desk file that cannot be opened, presses
// "Restore a backup…" in the open-failure dialog, then plays the recovery
// window's page: a forged sender, a wrong passcode, the right one. Writes what
// happened, and every file's hash after each step, as JSON; the assertions
// live in launch.test.ts.
//   node recover.mjs <unpacked app folder> <user-data folder> <report.json> <passcode>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createElectronStandIn } from './electron-stand-in.mjs';

const [appDir, userData, reportFile, passcode] = process.argv.slice(2);
if (!appDir || !userData || !reportFile || !passcode)
  throw new Error('usage: recover.mjs <app> <userData> <report.json> <passcode>');

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
const call = (channel, event, input) => {
  const handler = record.handlers.get(channel);
  return handler ? handler(event, input) : { missingHandler: channel };
};
/** Every file under the user-data folder but the logs, with its content's hash. */
const files = () => {
  const state = {};
  const walk = (dir) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) {
        if (name !== 'logs') walk(path);
      } else state[relative(userData, path)] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(userData);
  return state;
};
const windowInfo = (entry) => {
  const loaded = entry?.instance.loaded[0] ?? {};
  const url = loaded.file ? pathToFileURL(loaded.file).href : loaded.url;
  return {
    url,
    page: url?.startsWith('file:') ? relative(appDir, new URL(url).pathname) : url,
    preload: entry?.options.webPreferences?.preload
      ? relative(appDir, entry.options.webPreferences.preload)
      : null,
    webPreferences: { ...(entry?.options.webPreferences ?? {}), preload: undefined },
    id: entry?.instance.webContents.id ?? -1,
  };
};
const as = (info, frame = {}) => ({
  senderFrame: { url: info.url, parent: null, ...frame },
  sender: { id: info.id },
});

// The person presses "Restore a backup…" in the open-failure dialog.
answers.messageBoxResponses.push(0);
const filesAtStart = files();
process.argv = [process.execPath, appDir];
createRequire(join(appDir, 'package.json'))(appDir);

const report = { filesAtStart };
report.recoveryShown = await waitFor(() => record.handlers.has('recovery.restore'), 30_000);
report.messageBoxes = record.messageBoxes.map((box) => ({ title: box.title, buttons: box.buttons }));
const byPreload = (file) =>
  record.windows.find((w) => w.options.webPreferences?.preload?.endsWith(join('preload', file)));
const recovery = windowInfo(byPreload('recovery.js'));
report.recoveryWindow = {
  page: recovery.page,
  preload: recovery.preload,
  webPreferences: recovery.webPreferences,
};
report.handlersWhileAsking = [...record.handlers.keys()].sort();

report.choices = await call('recovery.choices', as(recovery));
report.forged = {
  'another page in the recovery window': await call(
    'recovery.restore',
    as({ ...recovery, url: pathToFileURL(join(userData, 'evil.html')).href }),
    { name: report.choices.data?.backups[0]?.name, passcode },
  ),
  'a subframe': await call('recovery.restore', as(recovery, { parent: {} }), {
    name: report.choices.data?.backups[0]?.name,
    passcode,
  }),
  'another window': await call('recovery.restore', as({ ...recovery, id: recovery.id + 100 }), {
    name: report.choices.data?.backups[0]?.name,
    passcode,
  }),
};
report.filesAfterForged = files();
const name = report.choices.data?.backups[0]?.name;
report.wrongPasscode = await call('recovery.restore', as(recovery), { name, passcode: `${passcode}-not` });
report.filesAfterWrong = files();
report.noPasscode = await call('recovery.restore', as(recovery), { name });
report.filesAfterNone = files();
report.rightPasscode = await call('recovery.restore', as(recovery), { name, passcode });

// The recovery window closes and the desk opens in the window that waited for it.
report.recoveryClosed = await waitFor(() => byPreload('recovery.js')?.destroyed === true, 30_000);
report.handlersAfter = [...record.handlers.keys()].filter((c) => c.startsWith('recovery.'));
const desk = windowInfo(byPreload('index.js'));
report.deskWindow = { page: desk.page, preload: desk.preload };
report.authStatus = await call('auth.status', as(desk), undefined);
report.deskOpened = report.authStatus?.ok === true;
report.windows = record.windows.length;
report.errorBoxes = record.errorBoxes;
report.exitCode = record.exitCode;
report.filesAfterRestore = files();

electron.app.quit();
report.quit = await waitFor(() => record.quit || record.exitCode !== null, 15_000);
writeFileSync(reportFile, JSON.stringify(report, null, 2));
process.exit(0);
