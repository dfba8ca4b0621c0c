/**
 * The assessment's life: draft → in review → signed off, and reopening, which is explicit and needs a
 * reason. A signed-off assessment is locked: these rules are checked inside the one write path, so no
 * screen and no repository function can change a locked assessment's answers, links or actions.
 */
import type { Assessment, AssessmentStatus, SignOff } from './model';
import type { SIGNATORY_ROLES } from './schema';

export type SignatoryRole = (typeof SIGNATORY_ROLES)[number];

export const SIGNATORY_LABELS: Record<SignatoryRole, string> = { preparer: 'Preparer', reviewer: 'Reviewer', approver: 'Approver' };

/** A signature as shown and printed: the capacity in words and the name. */
export interface SignedRole {
  label: string;
  name: string;
}

/**
 * Who signed in a capacity, or null when nobody did. A sign-off recorded before roles were added is by
 * one person: in the capacity they named when it is one of the three, else as the approver.
 */
export function signatoryIn(signOff: SignOff | undefined, role: SignatoryRole): string | null {
  if (!signOff) return null;
  if (signOff.signatories) return signOff.signatories.find((s) => s.role === role)?.name ?? null;
  const named = (Object.keys(SIGNATORY_LABELS) as SignatoryRole[]).find((r) => r === signOff.role.trim().toLowerCase()) ?? 'approver';
  return named === role ? signOff.by : null;
}

/**
 * Who signed, in which capacity, in the order preparer, reviewer, approver. A sign-off recorded before
 * roles were added names one person with the role they gave.
 */
export function signedRoles(signOff: SignOff): SignedRole[] {
  if (!signOff.signatories) return [{ label: signOff.role, name: signOff.by }];
  const order = Object.keys(SIGNATORY_LABELS);
  return [...signOff.signatories]
    .sort((a, b) => order.indexOf(a.role) - order.indexOf(b.role))
    .map((s) => ({ label: SIGNATORY_LABELS[s.role], name: s.name }));
}

export const STATUS_LABELS: Record<AssessmentStatus, string> = {
  draft: 'Draft',
  'in-review': 'In review',
  'signed-off': 'Signed off',
};

const NEXT: Record<AssessmentStatus, readonly AssessmentStatus[]> = {
  draft: ['in-review'],
  'in-review': ['draft', 'signed-off'],
  'signed-off': ['draft'],
};

export function isLocked(assessment: Pick<Assessment, 'status'>): boolean {
  return assessment.status === 'signed-off';
}

export function allowedTransitions(from: AssessmentStatus): readonly AssessmentStatus[] {
  return NEXT[from];
}

export function lockedMessage(assessment: Pick<Assessment, 'name'>): string {
  return `"${assessment.name}" is signed off and locked: reopen it (with a reason) before changing it. Nothing was changed.`;
}

/** Fields a locked assessment may still change: filing it away is not a change to what was signed. */
const FREE_WHEN_LOCKED = new Set<keyof Assessment>(['archived', 'updatedAt']);

/**
 * Whether a change of an assessment record from `before` to `after` (undefined: created or deleted)
 * follows the lifecycle. Returns the reason it does not, or null. `reason` is the reopening reason.
 */
export function assessmentChangeProblem(before: Assessment | undefined, after: Assessment | undefined, reason?: string): string | null {
  if (!before || !after) {
    if (before && isLocked(before)) return lockedMessage(before);
    if (after && after.status !== 'draft') return 'A new assessment starts as a draft.';
    return null;
  }
  if (before.status !== after.status) {
    if (!NEXT[before.status].includes(after.status)) {
      return `An assessment cannot go from ${STATUS_LABELS[before.status].toLowerCase()} to ${STATUS_LABELS[after.status].toLowerCase()}.`;
    }
    if (after.status === 'signed-off' && !after.signOff) return 'Signing off needs who signs, in which role, and when.';
    if (isLocked(before) && !reason?.trim()) return 'Reopening a signed-off assessment needs a reason, which goes into the change log.';
  }
  if (isLocked(before) && isLocked(after)) {
    const changed = (Object.keys({ ...before, ...after }) as (keyof Assessment)[]).filter(
      (key) => !FREE_WHEN_LOCKED.has(key) && JSON.stringify(before[key]) !== JSON.stringify(after[key]),
    );
    if (changed.length > 0) return lockedMessage(before);
  }
  return null;
}
