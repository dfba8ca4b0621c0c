import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { shippedCataloguesPlugin } from './scripts/shippedCatalogues.ts';
import { SECURITY_HEADERS } from './src/shared/csp.ts';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')) as { version: string };

/** The renderer: one build serves both the Electron app (app://) and the browser edition. */
export default defineConfig({
  root: fileURLToPath(new URL('./src/renderer', import.meta.url)),
  base: '/',
  publicDir: 'public',
  plugins: [react(), shippedCataloguesPlugin()],
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  build: {
    // CSMS_RENDERER_OUT lets parallel builds (and the e2e runs using them) keep apart.
    outDir: process.env.CSMS_RENDERER_OUT ?? fileURLToPath(new URL('./out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'es2023',
    sourcemap: false,
    reportCompressedSize: false,
    chunkSizeWarningLimit: 2000,
  },
  server: { host: '127.0.0.1', headers: SECURITY_HEADERS },
  preview: {
    host: '127.0.0.1',
    port: Number(process.env.PORT ?? 5173),
    strictPort: true,
    headers: SECURITY_HEADERS,
  },
});
