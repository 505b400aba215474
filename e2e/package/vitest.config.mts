// The packaged-app launch test (`npm run test:package`): packs the app with
// electron-builder and starts its main bundle under Node. Needs `electron-vite
// build` first; needs neither the Electron binary nor a network.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    name: 'package',
    environment: 'node',
    include: ['e2e/package/**/*.test.ts'],
    testTimeout: 60_000,
    // Packing takes 10-20 s on two cores.
    hookTimeout: 240_000,
  },
});
