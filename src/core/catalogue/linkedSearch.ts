/**
 * Search through what an assessment links to its requirements: a query matching an evidence item's ID or
 * title, or an action's ACT ID or description, finds the requirements they belong to, with the reason.
 * The index is built once per data change; each keystroke only scans the prepared folded strings.
 */
import { actionRef, withActionNumbers } from '../findings/actionRef';
import type { Action, Evidence, EvidenceLink } from '../records/model';
import { fold } from './search';

export interface LinkedHit {
  requirementId: string;
  /** The evidence or action ID the query matched, e.g. EV-0005 or ACT-0003. */
  via: string;
}

interface LinkedEntry {
  ref: string;
  folded: string;
  requirementIds: string[];
}

export interface LinkedSearchInput {
  links: readonly Pick<EvidenceLink, 'evidenceId' | 'requirementId'>[];
  evidence: ReadonlyMap<string, Pick<Evidence, 'id' | 'title'>>;
  actions: readonly Pick<Action, 'id' | 'number' | 'createdAt' | 'requirementId' | 'description'>[];
}

export function createLinkedSearch({ links, evidence, actions }: LinkedSearchInput): (query: string) => Map<string, string[]> {
  const byEvidence = new Map<string, string[]>();
  for (const link of links) {
    const ids = byEvidence.get(link.evidenceId) ?? [];
    if (!ids.includes(link.requirementId)) ids.push(link.requirementId);
    byEvidence.set(link.evidenceId, ids);
  }
  const entries: LinkedEntry[] = [];
  for (const [evidenceId, requirementIds] of byEvidence) {
    const item = evidence.get(evidenceId);
    entries.push({ ref: evidenceId, folded: fold(`${evidenceId}\n${item?.title ?? ''}`), requirementIds });
  }
  // Unnumbered actions are searched by the number they are shown with.
  for (const action of withActionNumbers(actions)) {
    const ref = actionRef(action);
    entries.push({ ref, folded: fold(`${ref}\n${action.description}`), requirementIds: [action.requirementId] });
  }

  /** Requirement ID → the evidence/action IDs through which it matched (every word must match one item). */
  return (query) => {
    const words = fold(query.trim()).split(/\s+/).filter(Boolean);
    const found = new Map<string, string[]>();
    if (words.length === 0) return found;
    for (const entry of entries) {
      if (!words.every((w) => entry.folded.includes(w))) continue;
      for (const id of entry.requirementIds) {
        const via = found.get(id) ?? [];
        if (!via.includes(entry.ref)) via.push(entry.ref);
        found.set(id, via);
      }
    }
    return found;
  };
}

/** "via EV-0005" or "via EV-0005, ACT-0002 and 3 more": the reason shown beside a result. */
export function describeVia(via: readonly string[], shown = 2): string {
  if (via.length === 0) return '';
  const head = via.slice(0, shown).join(', ');
  return via.length > shown ? `via ${head} and ${via.length - shown} more` : `via ${head}`;
}
