import { defineConfig } from 'vitest/config';

/** End-to-end tests: one file at a time (each starts a browser), generous timeouts. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
