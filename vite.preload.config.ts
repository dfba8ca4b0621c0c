import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** The sandboxed preload: a single CommonJS file that may require only `electron`. */
export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('./src/preload/index.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./out/preload', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { external: ['electron'], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
  },
  ssr: { noExternal: true },
});
