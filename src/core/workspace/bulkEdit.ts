/**
 * A change made to a whole element or program element at once: which answers it changes, which
 * already hold the value (left as they are), and the fields it names. Pure, so the dialog's count and
 * the write agree, and so Undo can tell whether an answer was changed again afterwards.
 */
import { canonicalJson } from '../audit/canonicalJson';
import type { MaturityLevel, Response } from '../records/model';

export type BulkChange =
  { kind: 'target'; targetLevel: MaturityLevel | null } | { kind: 'not-applicable'; justification: string } | { kind: 'applicable' };

export type BulkField = 'applicable' | 'justification' | 'targetLevel';
export type BulkFields = Partial<Pick<Response, BulkField>>;

/** What one bulk change may hold: one SPE holds far fewer requirements than this. */
export const BULK_MAX_REQUIREMENTS = 1_000;

type Standing = Pick<Response, 'applicable' | 'targetLevel'>;

/** The fields the change writes; nothing else on an answer is touched. */
export function bulkFields(change: BulkChange): BulkFields {
  if (change.kind === 'target') return { targetLevel: change.targetLevel };
  if (change.kind === 'not-applicable') return { applicable: false, justification: change.justification };
  return { applicable: true };
}

/**
 * Why an answer is left as it is, or undefined when the change applies to it. An answer already not
 * applicable keeps its own justification; a target is not set on an answer that does not apply (the
 * answer form offers no target there either).
 */
export function leftAsIs(response: Standing | undefined, change: BulkChange): 'unchanged' | 'not-applicable' | undefined {
  const applicable = response?.applicable ?? true;
  if (change.kind === 'target') {
    if (!applicable) return 'not-applicable';
    return (response?.targetLevel ?? null) === change.targetLevel ? 'unchanged' : undefined;
  }
  if (change.kind === 'not-applicable') return applicable ? undefined : 'unchanged';
  return applicable ? 'unchanged' : undefined;
}

export interface BulkPlan {
  /** Requirements whose answers change, in catalogue order. */
  changes: string[];
  /** Requirements that already hold the value. */
  unchanged: string[];
  /** Requirements not applicable, whose target is left alone. */
  notApplicable: string[];
}

export function planBulkEdit(requirementIds: readonly string[], responses: ReadonlyMap<string, Standing>, change: BulkChange): BulkPlan {
  const plan: BulkPlan = { changes: [], unchanged: [], notApplicable: [] };
  for (const id of new Set(requirementIds)) {
    const reason = leftAsIs(responses.get(id), change);
    if (reason === 'unchanged') plan.unchanged.push(id);
    else if (reason === 'not-applicable') plan.notApplicable.push(id);
    else plan.changes.push(id);
  }
  return plan;
}

const requirements = (count: number) => `${count} requirement${count === 1 ? '' : 's'}`;

/** What was done, in one sentence: "Target set to ML3 for 12 requirements". */
export function describeBulkChange(change: BulkChange, count: number): string {
  if (change.kind === 'target') {
    const level = change.targetLevel === null ? 'the assessment’s default' : `ML${change.targetLevel}`;
    return `Target set to ${level} for ${requirements(count)}`;
  }
  return `${requirements(count)} marked ${change.kind === 'applicable' ? 'applicable' : 'not applicable'}`;
}

/**
 * Whether two answers say the same, leaving aside when and by whom they were last changed: Undo
 * compares what a bulk change left with what is stored now, and refuses if anything differs.
 */
export function sameAnswer(a: Response, b: Response): boolean {
  const { updatedAt: _a, updatedBy: _b, ...left } = a;
  const { updatedAt: _c, updatedBy: _d, ...right } = b;
  return canonicalJson(left) === canonicalJson(right);
}
