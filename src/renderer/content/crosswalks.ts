/**
 * The crosswalks between shipped editions, validated against both catalogues at build time
 * (scripts/shippedCatalogues.ts), with the lookups the requirement page needs.
 */
import shipped from 'virtual:shipped-crosswalks';
import { newIn2024, sourcesOf, targetsOf, type Crosswalk } from '../../core/catalogue/crosswalk';
import { catalogueById } from './catalogues';

export interface CrosswalkInfo {
  /** The other edition, e.g. "IEC 62443-2-1:2010". */
  edition: string;
  /** The requirements of the other edition this one corresponds to. */
  ids: string[];
  /** The newer edition, e.g. "IEC 62443-2-1:2024", when nothing in the older one maps to this requirement. */
  newIn: string | null;
}

const newCache = new Map<Crosswalk, Set<string>>();

function newIds(crosswalk: Crosswalk): Set<string> {
  let ids = newCache.get(crosswalk);
  if (!ids) {
    const to = catalogueById(crosswalk.to);
    ids = new Set(to ? newIn2024(crosswalk, to.catalogue) : []);
    newCache.set(crosswalk, ids);
  }
  return ids;
}

/** What the crosswalks say about one requirement of the given catalogue: one entry per crosswalk that involves it. */
export function crosswalkInfo(catalogueId: string, requirementId: string): CrosswalkInfo[] {
  return shipped.flatMap((cw): CrosswalkInfo[] => {
    if (cw.to === catalogueId) {
      const edition = catalogueById(cw.from)?.catalogue.edition ?? cw.from;
      const newIn = newIds(cw).has(requirementId) ? (catalogueById(cw.to)?.catalogue.edition ?? cw.to) : null;
      return [{ edition, ids: sourcesOf(cw, requirementId), newIn }];
    }
    if (cw.from === catalogueId) {
      const edition = catalogueById(cw.to)?.catalogue.edition ?? cw.to;
      return [{ edition, ids: targetsOf(cw, requirementId), newIn: null }];
    }
    return [];
  });
}

