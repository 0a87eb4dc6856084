import { defineConfig } from 'vitest/config';

// Three tiers (STYLE §9): unit = pure rules; medium = services on a real database (SQLite and PostgreSQL);
// e2e = the CLI and the HTTP API as a user drives them; browser = the web UI in a real browser.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts', 'web/src/**/*.unit.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'medium',
          include: ['src/**/*.medium.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 180_000,
          globalSetup: ['test/helpers/global-setup.ts'],
        },
      },
      {
        // The web UI in Debian's Chromium (playwright-core) against the real server: test/helpers/browser.ts.
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
