/**
 * The catalogues shipped with the app, bundled as text and validated by the same loader as
 * everywhere else. A catalogue that fails validation is reported, not half-loaded.
 */
import { loadCatalogue, MANIFEST_NAME } from '../../core/catalogue/load';
import { indexCatalogue, type CatalogueIndex } from '../../core/catalogue/lookup';
import type { SourceFile } from '../../core/catalogue/types';

const texts = import.meta.glob('../../../content/requirements/*/*.yaml', { query: '?raw', import: 'default', eager: true }) as Record<string, string>;

function byFolder(): Map<string, SourceFile[]> {
  const folders = new Map<string, SourceFile[]>();
  for (const [file, text] of Object.entries(texts)) {
    const [folder, name] = file.split('/').slice(-2) as [string, string];
    folders.set(folder, [...(folders.get(folder) ?? []), { name, text }]);
  }
  return folders;
}

export interface ShippedCatalogues {
  catalogues: CatalogueIndex[];
  errors: string[];
}

let cached: ShippedCatalogues | null = null;

export function shippedCatalogues(): ShippedCatalogues {
  if (cached) return cached;
  const catalogues: CatalogueIndex[] = [];
  const errors: string[] = [];
  for (const [folder, files] of byFolder()) {
    const manifest = files.find((f) => f.name === MANIFEST_NAME);
    if (!manifest) {
      errors.push(`${folder}: ${MANIFEST_NAME} is missing`);
      continue;
    }
    const outcome = loadCatalogue(manifest, files.filter((f) => f !== manifest));
    if (outcome.ok) catalogues.push(indexCatalogue(outcome.catalogue));
    else errors.push(...outcome.errors.map((e) => `${folder}/${e}`));
  }
  // Newest edition first: it is the default for a new assessment.
  catalogues.sort((a, b) => b.catalogue.id.localeCompare(a.catalogue.id));
  cached = { catalogues, errors };
  return cached;
}

export function catalogueById(id: string): CatalogueIndex | undefined {
  return shippedCatalogues().catalogues.find((c) => c.catalogue.id === id);
}
