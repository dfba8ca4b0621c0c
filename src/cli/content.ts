/** Reads the shipped content files from disk for the command line and the tests. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadCatalogue, MANIFEST_NAME } from '../core/catalogue/load';
import type { Catalogue, SourceFile } from '../core/catalogue/types';

export const CONTENT_DIR = path.resolve(import.meta.dirname, '../../content/requirements');

export function readSourceFile(file: string): SourceFile {
  return { name: path.basename(file), text: readFileSync(file, 'utf8') };
}

export function readCatalogueDir(dir: string): { manifest: SourceFile; files: SourceFile[] } {
  const names = readdirSync(dir).filter((n) => /\.ya?ml$/.test(n));
  return {
    manifest: readSourceFile(path.join(dir, MANIFEST_NAME)),
    files: names.filter((n) => n !== MANIFEST_NAME).map((n) => readSourceFile(path.join(dir, n))),
  };
}

/** Loads one catalogue folder, throwing with every problem listed when it is invalid. */
export function loadCatalogueDir(dir: string): Catalogue {
  const { manifest, files } = readCatalogueDir(dir);
  const outcome = loadCatalogue(manifest, files);
  if (!outcome.ok) throw new Error(`The catalogue in ${dir} is invalid:\n${outcome.errors.join('\n')}`);
  return outcome.catalogue;
}

/**
 * The shipped catalogue with this ID, or null. The ID comes from a file, so it is only ever compared
 * with the names of the content folders, never joined into a path.
 */
export function findCatalogue(id: string): Catalogue | null {
  const folder = readdirSync(CONTENT_DIR, { withFileTypes: true }).find((d) => d.isDirectory() && d.name === id);
  if (!folder) return null;
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, folder.name));
  return catalogue.id === id ? catalogue : null;
}
