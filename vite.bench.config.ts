import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { shippedCataloguesPlugin } from './scripts/shippedCatalogues.ts';
import { SECURITY_HEADERS } from './src/shared/csp.ts';

/** The bench page: the app's own data-layer modules, measured in a real browser. */
export default defineConfig({
  root: fileURLToPath(new URL('./bench/page', import.meta.url)),
  plugins: [shippedCataloguesPlugin()],
  define: { __APP_VERSION__: JSON.stringify('bench') },
  // Served under /bench/ beside the app, so both share the app's origin and its database.
  base: '/bench/',
  build: {
    outDir: fileURLToPath(new URL('./out/bench', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    reportCompressedSize: false,
  },
  preview: { host: '127.0.0.1', port: 0, headers: SECURITY_HEADERS },
});
