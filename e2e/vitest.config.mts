// End-to-end specs: the built renderer in Debian's chromium, bridged to the real
// core. Separate from the root config (which only includes src/**): these need
// `electron-vite build` first and a chromium on the machine.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  test: {
    name: 'e2e',
    environment: 'node',
    include: ['e2e/**/*.test.ts'],
    // The packaged-app launch test has its own config and command (npm run test:package).
    exclude: ['e2e/package/**'],
    // One chromium at a time: specs share nothing, but CI machines have two cores.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Waiting for the UI to settle is not a speed claim: only two-windows asks for a second, explicitly.
    expect: { poll: { timeout: 10_000 } },
  },
});
