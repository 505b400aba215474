#!/usr/bin/env node
// Preflight for `npm start`, `npm run dev` and `npm run dist`. Since Electron 45,
// `npm install` no longer fetches Electron's own binary: it comes on demand. This
// says so plainly, with the one command that fetches it, instead of
// electron-vite's "Error: Electron uninstall". It never downloads anything itself.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Why the Electron binary in `electronDir` (node_modules/electron) cannot run, or null when it can. */
export function electronBinaryProblem(electronDir, env = process.env) {
  if (env.ELECTRON_EXEC_PATH) {
    return existsSync(env.ELECTRON_EXEC_PATH)
      ? null
      : `ELECTRON_EXEC_PATH points at ${env.ELECTRON_EXEC_PATH}, which does not exist.`;
  }
  const version = JSON.parse(readFileSync(join(electronDir, 'package.json'), 'utf8')).version;
  const pathFile = join(electronDir, 'path.txt');
  const binary = existsSync(pathFile) ? join(electronDir, 'dist', readFileSync(pathFile, 'utf8')) : null;
  if (binary && existsSync(binary)) return null;
  return [
    `The Electron ${version} binary has not been downloaded on this machine.`,
    'Since Electron 45, `npm install` no longer fetches it. Fetch it once (it needs a network connection):',
    '',
    '    npx install-electron',
    '',
    'Tests, lint, typecheck, build and benchmarks never need it.',
  ].join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const require = createRequire(import.meta.url);
  const problem = electronBinaryProblem(dirname(require.resolve('electron/package.json')));
  if (problem) {
    console.error(`\nReturnDesk cannot start: ${problem}\n`);
    process.exit(1);
  }
}
