/**
 * What the navigator shows for each requirement of an assessment: answered or not, achieved against
 * target, evidence (and whether any has expired), open actions, review flag; rolled up to elements and
 * SPEs; and the filters the assessor uses to find work.
 */
import type { CatalogueIndex } from '../catalogue/lookup';
import type { Action, Assessment, Evidence, EvidenceLink, MaturityLevel, Response } from '../workbook/model';

export type AnswerState = 'unanswered' | 'answered' | 'not-applicable';

export interface RequirementState {
  requirementId: string;
  answer: AnswerState;
  target: MaturityLevel;
  achieved: MaturityLevel | null;
  belowTarget: boolean;
  evidenceCount: number;
  expiredEvidence: number;
  openActions: number;
  flagged: boolean;
  carriedOver: boolean;
}

export interface WorkbookSlice {
  assessment: Assessment;
  responses: readonly Response[];
  links: readonly EvidenceLink[];
  evidence: readonly Evidence[];
  actions: readonly Action[];
  /** YYYY-MM-DD; evidence expiring before this day counts as expired. */
  today: string;
}

export function isExpired(evidence: Pick<Evidence, 'expiresOn'>, today: string): boolean {
  return !!evidence.expiresOn && evidence.expiresOn < today;
}

export function answerOf(response: Response | undefined): AnswerState {
  if (!response) return 'unanswered';
  if (!response.applicable) return 'not-applicable';
  return response.achievedLevel === null ? 'unanswered' : 'answered';
}

export function requirementStates(index: CatalogueIndex, slice: WorkbookSlice): Map<string, RequirementState> {
  const responses = new Map(slice.responses.map((r) => [r.requirementId, r]));
  const evidenceById = new Map(slice.evidence.map((e) => [e.id, e]));
  const linksByRequirement = new Map<string, EvidenceLink[]>();
  for (const link of slice.links) {
    if (link.assessmentId !== slice.assessment.id) continue;
    linksByRequirement.set(link.requirementId, [...(linksByRequirement.get(link.requirementId) ?? []), link]);
  }
  const openActions = new Map<string, number>();
  for (const action of slice.actions) {
    if (action.assessmentId === slice.assessment.id && (action.status === 'open' || action.status === 'in-progress')) {
      openActions.set(action.requirementId, (openActions.get(action.requirementId) ?? 0) + 1);
    }
  }
  const states = new Map<string, RequirementState>();
  for (const requirement of index.requirements) {
    if (!slice.assessment.scope.includes(requirement.speId)) continue;
    const response = responses.get(requirement.id);
    const answer = answerOf(response);
    const target = response?.targetLevel ?? slice.assessment.defaultTargetLevel;
    const achieved = answer === 'answered' ? response!.achievedLevel : null;
    const linked = (linksByRequirement.get(requirement.id) ?? []).map((l) => evidenceById.get(l.evidenceId)).filter((e) => e !== undefined);
    states.set(requirement.id, {
      requirementId: requirement.id,
      answer,
      target,
      achieved,
      belowTarget: achieved !== null && achieved < target,
      evidenceCount: linked.length,
      expiredEvidence: linked.filter((e) => isExpired(e, slice.today)).length,
      openActions: openActions.get(requirement.id) ?? 0,
      flagged: response?.reviewStatus === 'flagged',
      carriedOver: response?.carriedOver ?? false,
    });
  }
  return states;
}

export interface Rollup {
  total: number;
  answered: number;
  notApplicable: number;
  unanswered: number;
  belowTarget: number;
}

export function rollup(states: Iterable<RequirementState | undefined>): Rollup {
  const r: Rollup = { total: 0, answered: 0, notApplicable: 0, unanswered: 0, belowTarget: 0 };
  for (const s of states) {
    if (!s) continue;
    r.total += 1;
    if (s.answer === 'answered') r.answered += 1;
    else if (s.answer === 'not-applicable') r.notApplicable += 1;
    else r.unanswered += 1;
    if (s.belowTarget) r.belowTarget += 1;
  }
  return r;
}

export type RequirementFilter =
  'all' | 'unanswered' | 'below-target' | 'without-evidence' | 'expired-evidence' | 'open-actions' | 'flagged';

export const FILTER_LABELS: Record<RequirementFilter, string> = {
  all: 'All requirements',
  unanswered: 'Unanswered',
  'below-target': 'Below target',
  'without-evidence': 'Without evidence',
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
      return state.belowTarget;
    case 'without-evidence':
      // Not-applicable requirements need no evidence.
      return state.answer !== 'not-applicable' && state.evidenceCount === 0;
    case 'expired-evidence':
      return state.expiredEvidence > 0;
    case 'open-actions':
      return state.openActions > 0;
    case 'flagged':
      return state.flagged;
  }
}
