/**
 * The catalogues shipped with the app. They are validated at build time by the same loader as
 * everywhere else (scripts/shippedCatalogues.ts) and arrive here as plain data; a build with an
 * invalid catalogue fails, so nothing unvalidated reaches this module.
 */
import shipped from 'virtual:shipped-catalogues';
import { indexCatalogue, type CatalogueIndex } from '../../core/catalogue/lookup';

let cached: CatalogueIndex[] | null = null;

export function shippedCatalogues(): { catalogues: CatalogueIndex[] } {
  // Newest edition first: it is the default for a new assessment.
  cached ??= shipped.map(indexCatalogue).sort((a, b) => b.catalogue.id.localeCompare(a.catalogue.id));
  return { catalogues: cached };
}

export function catalogueById(id: string): CatalogueIndex | undefined {
  return shippedCatalogues().catalogues.find((c) => c.catalogue.id === id);
}
