import { readFileSync } from 'node:fs';
import { configDefaults, defineConfig } from 'vitest/config';
import { shippedCataloguesPlugin } from './scripts/shippedCatalogues.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Unit tests (npm run test:unit): the quick loop. Nothing here may start a program (LibreOffice,
 * python-docx, pdftotext, Chromium, a build): such a test belongs in test/integration, or, beside its
 * code, named *.integration.test.ts; both run with vitest.integration.config.ts.
 */
export default defineConfig({
  plugins: [shippedCataloguesPlugin()],
  // As the renderer build defines it (vite.renderer.config.ts), for modules that print the app's version.
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    exclude: [...configDefaults.exclude, 'src/**/*.integration.test.ts'],
    environment: 'node',
    // IndexedDB for the database tests, installed before any module captures the global.
    setupFiles: ['fake-indexeddb/auto'],
  },
});
