// Packs the app the way a release would (`electron-builder --dir`), offline: a
// stand-in folder takes the place of Electron's own binary distribution, which
// cannot be downloaded here. Then lays the packed app out as plain files
// (app.asar extracted, app.asar.unpacked over it) so Node can start it.
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { extractAll } from '@electron/asar';

const require = createRequire(import.meta.url);

const PLATFORM_FLAG: Partial<Record<NodeJS.Platform, string>> = {
  linux: '--linux',
  win32: '--win',
  darwin: '--mac',
};

export interface PackedApp {
  /** The packed app's `resources` folder, as electron-builder left it. */
  resourcesDir: string;
  /** The app as Electron sees it at run time: app.asar's files, with the unpacked ones laid over. */
  appDir: string;
}

/** electron-builder's `electronDist`: the few files it copies or reads from an Electron folder. */
function standInElectronDist(dir: string): string {
  const electronDir = join(require.resolve('electron/package.json'), '..');
  const { version } = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')) as {
    version: string;
  };
  mkdirSync(join(dir, 'resources'), { recursive: true });
  const binary = join(dir, process.platform === 'win32' ? 'electron.exe' : 'electron');
  writeFileSync(
    binary,
    '#!/bin/sh\necho "stand-in for the Electron binary: it cannot run the app" >&2\nexit 1\n',
  );
  chmodSync(binary, 0o755);
  writeFileSync(join(dir, 'version'), version);
  copyFileSync(join(electronDir, 'LICENSE'), join(dir, 'LICENSE'));
  writeFileSync(join(dir, 'LICENSES.chromium.html'), '<!doctype html><title>stand-in</title>');
  return dir;
}

function findFile(dir: string, name: string): string | null {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory() && !entry.name.endsWith('.asar.unpacked')) {
      const found = findFile(path, name);
      if (found) return found;
    }
  }
  return null;
}

export function packApp(root: string, workDir: string): PackedApp {
  const flag = PLATFORM_FLAG[process.platform];
  if (!flag) throw new Error(`No electron-builder target for ${process.platform}`);
  const electronDist = standInElectronDist(join(workDir, 'electron-dist'));
  const output = join(workDir, 'packed');
  execFileSync(
    process.execPath,
    [
      require.resolve('electron-builder/cli.js'),
      '--dir',
      flag,
      `--${process.arch}`,
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${output}`,
    ],
    {
      cwd: root,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    },
  );
  const asar = findFile(output, 'app.asar');
  if (!asar) throw new Error(`electron-builder left no app.asar in ${output}`);
  const appDir = join(workDir, 'app');
  extractAll(asar, appDir);
  const unpacked = `${asar}.unpacked`;
  if (statSync(unpacked, { throwIfNoEntry: false })?.isDirectory())
    cpSync(unpacked, appDir, { recursive: true });
  return { resourcesDir: join(asar, '..'), appDir };
}

/** Every file under `dir`, with its size. */
export function filesUnder(dir: string): { path: string; bytes: number }[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return { path, bytes: statSync(path).size };
    });
}
