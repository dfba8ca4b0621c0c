/**
 * What the navigator shows for each requirement of an assessment: the requirement's score (the very
 * object the dashboard rolls up), its answer state, valid and expired evidence, review flag; and the
 * filters the assessor uses to find work. Nothing here re-decides a rule: that is core/rules and scoring.
 */
import { answerStateOf, isExpired, type AnswerState } from '../rules/rules';
import { evidenceByRequirement, isBelowTarget, type RequirementScore, type Scores, type WorkbookSlice } from '../scoring/score';

export type { AnswerState } from '../rules/rules';
/** Kept for the screens that still import it from here; the rule itself lives in core/rules. */

export interface RequirementState {
  requirementId: string;
  /** The requirement's score, as scoring computed it for the dashboard and the documents. */
  score: RequirementScore;
  answer: AnswerState;
  /** Linked evidence that has not expired (what evidence coverage counts). */
  validEvidence: number;
  /** Linked evidence that has expired (shown, never counted as evidence). */
  expiredEvidence: number;
  flagged: boolean;
  carriedOver: boolean;
}

/** One state per scored requirement (those in scope), in catalogue order. */
export function requirementStates(scores: Scores, slice: WorkbookSlice): Map<string, RequirementState> {
  const responses = new Map(slice.responses.filter((r) => r.assessmentId === slice.assessment.id).map((r) => [r.requirementId, r]));
  const evidence = evidenceByRequirement(slice);
  const states = new Map<string, RequirementState>();
  for (const score of scores.requirements.values()) {
    const response = responses.get(score.requirementId);
    const linked = evidence.get(score.requirementId) ?? [];
    const expired = linked.filter((e) => isExpired(e, slice.today)).length;
    states.set(score.requirementId, {
      requirementId: score.requirementId,
      score,
      answer: answerStateOf(score),
      validEvidence: linked.length - expired,
      expiredEvidence: expired,
      flagged: response?.reviewStatus === 'flagged',
      carriedOver: response?.carriedOver ?? false,
    });
  }
  return states;
}

export type RequirementFilter =
  'all' | 'unanswered' | 'below-target' | 'without-evidence' | 'expired-evidence' | 'open-actions' | 'flagged';

export const FILTER_LABELS: Record<RequirementFilter, string> = {
  all: 'All requirements',
  unanswered: 'Unanswered',
  'below-target': 'Below target',
  'without-evidence': 'Without valid evidence',
  'expired-evidence': 'With expired evidence',
  'open-actions': 'With open actions',
  flagged: 'Flagged for review',
};

export function matchesFilter(state: RequirementState, filter: RequirementFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'unanswered':
      return state.answer === 'unanswered';
    case 'below-target':
      return isBelowTarget(state.score);
    case 'without-evidence':
      // Exactly the applicable requirements evidence coverage leaves out; not-applicable ones need no evidence.
      return state.score.applicable && !state.score.hasValidEvidence;
    case 'expired-evidence':
      return state.expiredEvidence > 0;
    case 'open-actions':
      return state.score.openActions > 0;
    case 'flagged':
      return state.flagged;
  }
}
