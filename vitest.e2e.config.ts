import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * End-to-end tests: real Chromium and Firefox ESR with the built extension, against the fake
 * internet (tests/harness). Build first (`npm run build:all`); the global setup fails with a clear
 * message when .output/chrome-mv3 or .output/firefox-mv3 is missing. E2E_BROWSERS=chromium (or
 * firefox) limits the run to one browser.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^(@@|~~|@|~)\//, replacement: `${root}` },
    ],
  },
  test: {
    include: ['tests/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    globalSetup: ['tests/harness/e2e-global-setup.ts'],
    // One browser at a time: the suites share the machine (and Firefox profiles are heavy).
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 30_000,
    retry: 0,
  },
});
