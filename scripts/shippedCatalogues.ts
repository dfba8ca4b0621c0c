/**
 * Vite plugin: validates the shipped catalogues at build time with the same loader the app uses and
 * bundles the result as JSON, so the app neither parses YAML nor re-validates at every start.
 * An invalid catalogue fails the build with the loader's messages. The crosswalks between editions
 * (content/requirements/crosswalk-*.yaml) are validated against both catalogues and bundled the same way.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { loadCatalogueDir, CONTENT_DIR, readSourceFile } from '../src/cli/content.ts';
import { loadCrosswalk } from '../src/core/catalogue/crosswalk.ts';
import { indexCatalogue } from '../src/core/catalogue/lookup.ts';
import type { Catalogue } from '../src/core/catalogue/types.ts';
import { readdirSync, statSync } from 'node:fs';

const ID = 'virtual:shipped-catalogues';
const RESOLVED = `\0${ID}`;
const CROSSWALKS_ID = 'virtual:shipped-crosswalks';
const CROSSWALKS_RESOLVED = `\0${CROSSWALKS_ID}`;

function shippedCrosswalks(catalogues: Catalogue[], watch: (file: string) => void): unknown[] {
  const byId = new Map(catalogues.map((c) => [c.id, indexCatalogue(c)]));
  const files = readdirSync(CONTENT_DIR).filter((f) => /^crosswalk-.*\.ya?ml$/.test(f));
  return files.map((name) => {
    const file = path.join(CONTENT_DIR, name);
    watch(file);
    const source = readSourceFile(file);
    // The two editions are named inside the file; read them loosely here, the loader checks them properly.
    const named = (key: string) => new RegExp(`^${key}:\\s*(\\S+)`, 'm').exec(source.text)?.[1] ?? '';
    const from = byId.get(named('from'));
    const to = byId.get(named('to'));
    if (!from || !to) throw new Error(`${name}: names a catalogue that is not shipped`);
    const outcome = loadCrosswalk(source, from, to);
    if (!outcome.ok) throw new Error(`The crosswalk ${name} is invalid:\n${outcome.errors.join('\n')}`);
    return outcome.crosswalk;
  });
}

export function shippedCataloguesPlugin(): Plugin {
  return {
    name: 'csms-shipped-catalogues',
    resolveId: (id) => (id === ID ? RESOLVED : id === CROSSWALKS_ID ? CROSSWALKS_RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED && id !== CROSSWALKS_RESOLVED) return undefined;
      const folders = readdirSync(CONTENT_DIR).filter((f) => statSync(path.join(CONTENT_DIR, f)).isDirectory());
      for (const folder of folders) {
        for (const file of readdirSync(path.join(CONTENT_DIR, folder))) this.addWatchFile(path.join(CONTENT_DIR, folder, file));
      }
      const catalogues = folders.map((folder) => loadCatalogueDir(path.join(CONTENT_DIR, folder)));
      if (id === CROSSWALKS_RESOLVED)
        return `export default ${JSON.stringify(shippedCrosswalks(catalogues, (f) => this.addWatchFile(f)))};`;
      return `export default ${JSON.stringify(catalogues)};`;
    },
  };
}
