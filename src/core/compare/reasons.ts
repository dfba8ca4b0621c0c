/**
 * The short reasons shown next to a change: each is read off the two snapshots' records (scope,
 * applicability, target, evidence, the carried-over mark), never guessed from the levels alone.
 */
import { isExpired } from '../rules/rules';
import type { Change } from '../scoring/compare';
import type { RequirementScore } from '../scoring/score';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { Response } from '../records/model';

/** Where a requirement stood in one assessment. */
export type Standing = 'assessed' | 'unanswered' | 'not-applicable' | 'out-of-scope';

export function standingOf(score: RequirementScore | undefined): Standing {
  if (!score) return 'out-of-scope';
  if (!score.applicable) return 'not-applicable';
  return score.assessed ? 'assessed' : 'unanswered';
}

interface ReasonInput {
  baseline: WorkbookSnapshot;
  current: WorkbookSnapshot;
  scoreBefore: RequirementScore | undefined;
  scoreAfter: RequirementScore | undefined;
  /** The current assessment's answer to this requirement. */
  response: Response | undefined;
}

function standingReason(before: Standing, after: Standing): string | null {
  if (before === after) return before === 'not-applicable' ? 'not applicable in either' : null;
  if (after === 'out-of-scope') return 'no longer in scope';
  if (before === 'out-of-scope') return 'now in scope';
  if (after === 'not-applicable') return 'now not applicable';
  if (before === 'not-applicable') return 'applicable again';
  if (after === 'unanswered') return 'achieved level removed';
  return null;
}

/** The evidence the current assessment links to this requirement, judged on its own day. */
function evidenceReason(requirementId: string, input: ReasonInput): string | null {
  const { scoreBefore: b, scoreAfter: a, current } = input;
  if (!b?.applicable || !a?.applicable || b.hasValidEvidence === a.hasValidEvidence) return null;
  if (a.hasValidEvidence) return 'valid evidence now linked';
  const linked = new Set(current.links.filter((l) => l.requirementId === requirementId).map((l) => l.evidenceId));
  const evidence = current.evidence.filter((e) => linked.has(e.id));
  if (evidence.length === 0) return 'evidence no longer linked';
  return evidence.every((e) => isExpired(e, current.today)) ? 'evidence expired' : null;
}

function targetReasons(input: ReasonInput): string[] {
  const { scoreBefore: b, scoreAfter: a } = input;
  if (!b?.applicable || !a?.applicable) return [];
  const reasons: string[] = [];
  if (a.target > b.target) reasons.push(`target raised from ML${b.target} to ML${a.target}`);
  if (a.target < b.target) reasons.push(`target lowered from ML${b.target} to ML${a.target}`);
  if (b.achieved !== null && a.achieved !== null) {
    const [wasAt, isAt] = [b.achieved >= b.target, a.achieved >= a.target];
    if (wasAt && !isAt) reasons.push('now below target');
    if (!wasAt && isAt) reasons.push('target reached');
  }
  return reasons;
}

export function reasonsFor(requirementId: string, change: Change, input: ReasonInput): string[] {
  const reasons = [
    standingReason(standingOf(input.scoreBefore), standingOf(input.scoreAfter)),
    ...targetReasons(input),
    evidenceReason(requirementId, input),
  ].filter((r): r is string => r !== null);
  // A level copied into a re-assessment and not touched since is not a finding of the new assessment.
  if (change === 'unchanged' && input.response?.carriedOver) reasons.push('carried over, not yet confirmed');
  return reasons;
}
