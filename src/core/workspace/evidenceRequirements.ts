/**
 * Which requirements each evidence item supports, for the library: in one assessment or across all of
 * them, each requirement once per assessment, in catalogue-like order (numbers compared as numbers).
 */
import type { EvidenceLink } from '../records/model';

export interface SupportedRequirement {
  assessmentId: string;
  requirementId: string;
}

/** Evidence ID → the requirements it is linked to; `assessmentId` 'all' takes every assessment. */
export function requirementsByEvidence(
  links: readonly Pick<EvidenceLink, 'evidenceId' | 'assessmentId' | 'requirementId'>[],
  assessmentId: string | 'all',
): Map<string, SupportedRequirement[]> {
  const found = new Map<string, SupportedRequirement[]>();
  const seen = new Set<string>();
  for (const link of links) {
    if (assessmentId !== 'all' && link.assessmentId !== assessmentId) continue;
    const key = `${link.evidenceId}\u0000${link.assessmentId}\u0000${link.requirementId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const list = found.get(link.evidenceId) ?? [];
    list.push({ assessmentId: link.assessmentId, requirementId: link.requirementId });
    found.set(link.evidenceId, list);
  }
  for (const list of found.values())
    list.sort(
      (a, b) =>
        a.requirementId.localeCompare(b.requirementId, undefined, { numeric: true }) || a.assessmentId.localeCompare(b.assessmentId),
    );
  return found;
}

/** The first few to show and how many are left for "and N more". */
export function firstFew<T>(items: readonly T[], shown: number): { head: T[]; more: number } {
  return { head: items.slice(0, shown), more: Math.max(0, items.length - shown) };
}
