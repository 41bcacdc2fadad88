import { defineConfig } from 'vitest/config';

// Two projects: unit tests need nothing running; integration tests talk to the local stack (npm run stack:start).
// Playwright specs live under tests/e2e and tests/a11y and are never collected here.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node' } },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          // One database is shared: files run one after another so their fixtures never race.
          fileParallelism: false,
          testTimeout: 20_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
