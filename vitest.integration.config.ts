import { defineConfig } from 'vitest/config';
import { shippedCataloguesPlugin } from './scripts/shippedCatalogues.ts';
import { PROGRAM_TEST_TIMEOUT_MS } from './test/integration/timeouts.ts';

/**
 * Integration tests (npm run test:integration): the ones that start programs (LibreOffice, python-docx,
 * pdftotext, the Open XML validator, the command line, a Vite build, the security lint) and the ones
 * over the shipped content as a whole. test/integration/timeouts.ts says how long they may take.
 */
export default defineConfig({
  plugins: [shippedCataloguesPlugin()],
  test: {
    include: ['test/integration/**/*.test.ts', 'src/**/*.integration.test.ts'],
    environment: 'node',
    setupFiles: ['fake-indexeddb/auto'],
    // Every test and hook may wait on programs; a busy machine is slow, not broken.
    testTimeout: PROGRAM_TEST_TIMEOUT_MS,
    hookTimeout: PROGRAM_TEST_TIMEOUT_MS,
  },
});
