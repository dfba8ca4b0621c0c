import { defineConfig } from 'vitest/config';
import { shippedCataloguesPlugin } from './scripts/shippedCatalogues.ts';

export default defineConfig({
  plugins: [shippedCataloguesPlugin()],
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/integration/**/*.test.ts'],
    environment: 'node',
    // IndexedDB for the database tests, installed before any module captures the global.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
