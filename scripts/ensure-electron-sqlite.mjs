#!/usr/bin/env node
// Makes sure `.electron-native/better_sqlite3.node` is better-sqlite3 built for
// the installed Electron's ABI, beside (never instead of) the Node build in
// node_modules that tests and benchmarks use. It fetches better-sqlite3's own
// published Electron prebuild with prebuild-install, in a temporary copy of the
// package, so node_modules/better-sqlite3/build is never touched.
import { execFileSync } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));

const sqliteDir = dirname(require.resolve('better-sqlite3/package.json'));
const sqliteVersion = readJson(join(sqliteDir, 'package.json')).version;
const electronVersion = readJson(require.resolve('electron/package.json')).version;
const platform = process.env.npm_config_platform || process.platform;
const arch = process.env.npm_config_arch || process.arch;
const wanted = { betterSqlite3: sqliteVersion, electron: electronVersion, platform, arch };

const outDir = join(root, '.electron-native');
const binary = join(outDir, 'better_sqlite3.node');
const stampFile = join(outDir, 'stamp.json');

const stampMatches = () => {
  if (!existsSync(binary) || !existsSync(stampFile)) return false;
  const stamp = readJson(stampFile);
  return Object.entries(wanted).every(([key, value]) => stamp[key] === value);
};

if (stampMatches()) process.exit(0);

const label = `better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (${platform}-${arch})`;
console.log(`Fetching ${label} into .electron-native/ …`);
const work = mkdtempSync(join(tmpdir(), 'returndesk-native-'));
try {
  copyFileSync(join(sqliteDir, 'package.json'), join(work, 'package.json'));
  const prebuildInstall = require.resolve('prebuild-install/bin.js');
  execFileSync(
    process.execPath,
    [
      prebuildInstall,
      '--runtime',
      'electron',
      '--target',
      electronVersion,
      '--platform',
      platform,
      '--arch',
      arch,
    ],
    { cwd: work, stdio: 'inherit' },
  );
  const built = join(work, 'build', 'Release', 'better_sqlite3.node');
  if (!existsSync(built)) throw new Error('prebuild-install finished without a binary');
  mkdirSync(outDir, { recursive: true });
  copyFileSync(built, binary);
  writeFileSync(stampFile, `${JSON.stringify(wanted, null, 2)}\n`);
  console.log(`Ready: ${binary}`);
} catch (error) {
  console.error(
    [
      '',
      `ReturnDesk needs ${label}, and it could not be fetched.`,
      `It is downloaded once from better-sqlite3's GitHub releases; this machine may be offline.`,
      `Connect to the network and run "npm start" again, or place that binary at:`,
      `  ${binary}`,
      `(and a matching ${stampFile}). Tests do not need it: "npm test" uses the Node build.`,
      '',
      `Detail: ${error instanceof Error ? error.message : String(error)}`,
    ].join('\n'),
  );
  process.exitCode = 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
