/** What every document builder reads: the snapshot, the chosen options, and lookups made once. */
import { indexCatalogue, type CatalogueIndex } from '../catalogue/lookup';
import type { Requirement, Spe } from '../catalogue/types';
import { compareIds } from '../scoring/score';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { Action, Response } from '../records/model';
import type { DocumentOptions } from './build';
import { checkDocumentLimits } from './limits';
import type { PageContext } from './pageSetup';
import { oneLine } from './text';

export interface DocContext {
  snapshot: WorkbookSnapshot;
  options: DocumentOptions;
  page: PageContext;
  index: CatalogueIndex;
  /** The SPEs in the assessment's scope, in catalogue order. */
  spesInScope: Spe[];
  /** Every requirement of the SPEs in scope, in catalogue order. */
  requirementsInScope: Requirement[];
  response(requirementId: string): Response | undefined;
  /** The evidence IDs linked to a requirement, in order. */
  evidenceIds(requirementId: string): string[];
  /** The requirement IDs an evidence item supports, in order. */
  requirementIds(evidenceId: string): string[];
  actions(requirementId: string): Action[];
  licensed(requirementId: string): { text: string; title?: string } | undefined;
}

function groupSorted(pairs: [string, string][]): Map<string, string[]> {
  const map = new Map<string, Set<string>>();
  for (const [key, value] of pairs) map.set(key, (map.get(key) ?? new Set()).add(value));
  return new Map([...map].map(([k, v]) => [k, [...v].sort(compareIds)]));
}

/** The snapshot with names that read well when left empty. */
function withFallbackNames(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  return {
    ...snapshot,
    organization: { ...snapshot.organization, name: oneLine(snapshot.organization.name) || '(organization not recorded)' },
    site: { ...snapshot.site, name: oneLine(snapshot.site.name) || '(site not recorded)' },
    assessment: { ...snapshot.assessment, name: oneLine(snapshot.assessment.name) || 'Untitled assessment' },
  };
}

export function createContext(original: WorkbookSnapshot, options: DocumentOptions, title: string): DocContext {
  // Every document starts here, so a workbook too large for the documents is refused before any is built.
  checkDocumentLimits(original);
  const snapshot = withFallbackNames(original);
  const index = indexCatalogue(snapshot.catalogue);
  const scope = new Set(snapshot.assessment.scope);
  const spesInScope = snapshot.catalogue.spes.filter((s) => scope.has(s.id));
  const responses = new Map(snapshot.responses.map((r) => [r.requirementId, r]));
  const byRequirement = groupSorted(snapshot.links.map((l) => [l.requirementId, l.evidenceId]));
  const byEvidence = groupSorted(snapshot.links.map((l) => [l.evidenceId, l.requirementId]));
  const actions = new Map<string, Action[]>();
  for (const a of snapshot.actions) {
    // Appended in place: copying the list for every action made grouping quadratic.
    const list = actions.get(a.requirementId);
    if (list) list.push(a);
    else actions.set(a.requirementId, [a]);
  }
  const licensed = new Map((snapshot.licensedText ?? []).map((e) => [e.id, e]));
  return {
    snapshot,
    options,
    page: { title, classification: options.classification, organization: oneLine(snapshot.organization.name) },
    index,
    spesInScope,
    requirementsInScope: spesInScope.flatMap((s) => s.elements.flatMap((e) => e.requirements)),
    response: (id) => responses.get(id),
    evidenceIds: (id) => byRequirement.get(id) ?? [],
    requirementIds: (id) => byEvidence.get(id) ?? [],
    actions: (id) => actions.get(id) ?? [],
    licensed: (id) => {
      const entry = licensed.get(id);
      return entry ? { text: entry.text, ...(entry.title ? { title: entry.title } : {}) } : undefined;
    },
  };
}

/** "ORG 1.1 Title of the requirement" with the title cleaned to one line. */
export function requirementLabel(requirement: Requirement): string {
  return `${oneLine(requirement.id)} ${oneLine(requirement.title)}`;
}
