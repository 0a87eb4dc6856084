import { defineConfig } from 'vitest/config';

// Three tiers (STYLE §9): unit = pure rules; medium = services on a real database (SQLite and PostgreSQL);
// e2e = the CLI and the HTTP API as a user drives them.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['src/**/*.unit.test.ts'], environment: 'node' } },
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
    ],
  },
});
