// The renderer built as electron.vite.config.ts builds it (React plugin, the version
// define, the same entries), from this tree or from another commit's sources, into a
// folder of its own: part 7 can then run one build against another in the same window
// (bench/ab-clicks.ts), or an unminified one to profile (bench/profile-clicks.ts).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

export const ROOT = resolve(__dirname, '../..');

/**
 * `ref`'s src/ (and package.json) unpacked under out/ (ignored by git; node_modules still
 * resolve from the tree's root), or this tree when no ref is given. Answers the root.
 */
export function sourcesOf(ref?: string): string {
  if (!ref) return ROOT;
  const dir = join(ROOT, 'out', 'bench-src', ref.replace(/[^\w.-]/g, '_'));
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = join(dir, 'src.tar');
  execFileSync('git', ['-C', ROOT, 'archive', '--format=tar', `--output=${tar}`, ref, 'src', 'package.json']);
  execFileSync('tar', ['-x', '-f', tar, '-C', dir]);
  rmSync(tar);
  return dir;
}

export async function buildRenderer(options: {
  outDir: string;
  minify: boolean;
  root?: string;
}): Promise<void> {
  const root = options.root ?? ROOT;
  const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
  await build({
    configFile: false,
    logLevel: 'warn',
    root: join(root, 'src/renderer'),
    base: './',
    plugins: [react()],
    define: { __APP_VERSION__: JSON.stringify(version) },
    build: {
      outDir: options.outDir,
      emptyOutDir: true,
      minify: options.minify,
      modulePreload: { polyfill: false },
      rollupOptions: {
        input: {
          index: join(root, 'src/renderer/index.html'),
          display: join(root, 'src/renderer/display.html'),
        },
      },
    },
  });
}
