import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/** Electron main process: one CommonJS file for Node, electron and node:* left external. */
export default defineConfig({
  build: {
    ssr: fileURLToPath(new URL('./src/main/index.ts', import.meta.url)),
    outDir: fileURLToPath(new URL('./out/main', import.meta.url)),
    emptyOutDir: true,
    target: 'node20',
    sourcemap: false,
    rollupOptions: { external: ['electron', /^node:/], output: { format: 'cjs', entryFileNames: 'index.cjs' } },
  },
  ssr: { noExternal: true },
});
