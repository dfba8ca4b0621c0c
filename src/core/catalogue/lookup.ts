/** Lookups by ID over a loaded catalogue. Built once per catalogue; every lookup is a map read. */
import type { Catalogue, Element, Requirement, Spe } from './types';

export interface CatalogueIndex {
  catalogue: Catalogue;
  requirements: Requirement[];
  requirement(id: string): Requirement | undefined;
  element(id: string): Element | undefined;
  spe(id: string): Spe | undefined;
}

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  const spes = new Map<string, Spe>();
  const elements = new Map<string, Element>();
  const requirements = new Map<string, Requirement>();
  for (const spe of catalogue.spes) {
    spes.set(spe.id, spe);
    for (const element of spe.elements) {
      elements.set(element.id, element);
      for (const requirement of element.requirements) requirements.set(requirement.id, requirement);
    }
  }
  return {
    catalogue,
    requirements: [...requirements.values()],
    requirement: (id) => requirements.get(id),
    element: (id) => elements.get(id),
    spe: (id) => spes.get(id),
  };
}

/** IDs written loosely by people ("net 1.7", "NET  1.7 ") to the catalogue's form. */
export function normalizeId(id: string): string {
  return id.trim().replace(/\s+/g, ' ').toUpperCase();
}
