/**
 * Whether a received review belongs to this workbook, and which of its verdicts are stale: a verdict
 * is about the requirement as the reviewer saw it, at the log head named in the file. Anything logged
 * after that head about the requirement (its answer, its links, its actions) or about a checked
 * evidence item makes the verdict or check stale: shown as such, never applied silently.
 */
import type { AuditEntry } from '../audit/chain';
import type { Action, Assessment } from '../records/model';
import type { Review } from './schema';

export function bindingProblem(
  review: Pick<Review, 'assessmentId' | 'assessmentName' | 'basedOn'>,
  assessment: Pick<Assessment, 'id'> | undefined,
  entryAtHead: Pick<AuditEntry, 'seq' | 'hash'> | undefined,
): string | null {
  if (!assessment) {
    return `it reviews the assessment "${review.assessmentName}", which is not in this workbook (a review belongs to the workbook whose bundle was reviewed)`;
  }
  if (review.basedOn.count < 1 || !entryAtHead || entryAtHead.hash !== review.basedOn.head) {
    return `the change log the reviewer saw (entry ${review.basedOn.count}, head ${review.basedOn.head.slice(0, 12)}…) is not part of this workbook’s log: it was made on a copy of another workbook, or of a history since rewritten`;
  }
  return null;
}

export interface Staleness {
  requirements: ReadonlySet<string>;
  evidence: ReadonlySet<string>;
}

/** What changed after the head, from the entries logged since (seq above the head's count). */
export function stalenessSince(entriesAfterHead: readonly AuditEntry[], assessmentId: string): Staleness {
  const requirements = new Set<string>();
  const evidence = new Set<string>();
  for (const entry of entriesAfterHead) {
    const parts = entry.id.split('|');
    if (entry.entity === 'response' && parts[0] === assessmentId) requirements.add(parts[1]!);
    else if (entry.entity === 'link' && parts[1] === assessmentId) requirements.add(parts[2]!);
    else if (entry.entity === 'action') {
      for (const side of [entry.change.before, entry.change.after] as (Partial<Action> | undefined)[]) {
        if (side?.assessmentId === assessmentId && side.requirementId) requirements.add(side.requirementId);
      }
    } else if (entry.entity === 'evidence') evidence.add(entry.id);
  }
  return { requirements, evidence };
}
