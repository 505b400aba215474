import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const { version } = JSON.parse(readFileSync(resolve(__dirname, 'package.json'), 'utf8')) as {
  version: string;
};

export default defineConfig({
  main: {
    build: {
      // better-sqlite3 and typeorm stay in node_modules: native code and dynamic requires.
      externalizeDeps: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/main/index.ts') } },
    },
  },
  preload: {
    // The sandboxed preload may only require 'electron': bundle everything else.
    build: {
      externalizeDeps: false,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/preload/index.ts'),
          recovery: resolve(__dirname, 'src/preload/recovery.ts'),
        },
        external: ['electron'],
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    // Admin shows the version (src/renderer/src/components/AppVersion.tsx).
    define: { __APP_VERSION__: JSON.stringify(version) },
    // Minified: less to parse at start-up (electron-vite leaves it off by default).
    build: {
      minify: true,
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/renderer/index.html'),
          recovery: resolve(__dirname, 'src/renderer/recovery.html'),
          // The waiting-area display (issue 15): a second window for the customers' monitor.
          display: resolve(__dirname, 'src/renderer/display.html'),
        },
      },
    },
  },
});
