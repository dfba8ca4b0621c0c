/**
 * Vite plugin: validates the shipped catalogues at build time with the same loader the app uses and
 * bundles the result as JSON, so the app neither parses YAML nor re-validates at every start.
 * An invalid catalogue fails the build with the loader's messages.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { loadCatalogueDir, CONTENT_DIR } from '../src/cli/content.ts';
import { readdirSync, statSync } from 'node:fs';

const ID = 'virtual:shipped-catalogues';
const RESOLVED = `\0${ID}`;

export function shippedCataloguesPlugin(): Plugin {
  return {
    name: 'csms-shipped-catalogues',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const folders = readdirSync(CONTENT_DIR).filter((f) => statSync(path.join(CONTENT_DIR, f)).isDirectory());
      for (const folder of folders) {
        for (const file of readdirSync(path.join(CONTENT_DIR, folder))) this.addWatchFile(path.join(CONTENT_DIR, folder, file));
      }
      const catalogues = folders.map((folder) => loadCatalogueDir(path.join(CONTENT_DIR, folder)));
      return `export default ${JSON.stringify(catalogues)};`;
    },
  };
}
