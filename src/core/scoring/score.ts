/**
 * Maturity scoring — the rules, in one place, used by the dashboard and the Word report alike:
 *
 * - Per requirement: the target is the response's own target or else the assessment's default; the
 *   achieved level is 0–4; gap = max(0, target − achieved). A requirement marked not applicable is left
 *   out of every figure. One without an achieved level is "not assessed" — never counted as 0.
 * - Per element, per SPE and overall, over the applicable requirements in scope:
 *   progress = assessed ÷ applicable; attained level = the lowest achieved level among the assessed
 *   (the conservative, audit view; none while nothing is assessed); mean achieved level (one decimal)
 *   and mean target over the assessed; share at target = assessed at or above their target ÷ applicable;
 *   total gap = sum of gaps; evidence coverage = applicable with at least one evidence that has not
 *   expired ÷ applicable; open and overdue actions on applicable requirements in scope (core/rules isCountedAction). What counts as assessed, expired, open and overdue
 *   is defined once in core/rules and read from there.
 * - Gaps are ranked largest first, then by higher target, then by requirement ID.
 */
import type { CatalogueIndex } from '../catalogue/lookup';
import {
  achievedLevelOf,
  isApplicable,
  isAssessed,
  isCountedAction,
  isOpenAction,
  isOverdueAction,
  isUsableEvidence,
} from '../rules/rules';
import type { Action, Assessment, Evidence, EvidenceLink, MaturityLevel, Response } from '../records/model';

/** The records of one assessment that scoring reads (others are ignored), and the day it is judged on. */
export interface WorkbookSlice {
  assessment: Assessment;
  responses: readonly Response[];
  links: readonly EvidenceLink[];
  evidence: readonly Evidence[];
  actions: readonly Action[];
  /** YYYY-MM-DD (see todayLocal); expiry and overdue are judged against this day. */
  today: string;
  /** Evidence IDs whose stored file was found missing or changed when checked; none when absent. */
  damagedEvidence?: readonly string[];
}

export interface RequirementScore {
  requirementId: string;
  elementId: string;
  speId: string;
  applicable: boolean;
  assessed: boolean;
  target: MaturityLevel;
  achieved: MaturityLevel | null;
  gap: number;
  hasValidEvidence: boolean;
  openActions: number;
  overdueActions: number;
}

export interface Rollup {
  requirements: number;
  applicable: number;
  assessed: number;
  progress: number;
  attained: MaturityLevel | null;
  meanAchieved: number | null;
  meanTarget: number | null;
  atTarget: number;
  shareAtTarget: number;
  totalGap: number;
  evidenceCoverage: number;
  openActions: number;
  overdueActions: number;
}

export interface Scores {
  requirements: Map<string, RequirementScore>;
  elements: Map<string, Rollup>;
  spes: Map<string, Rollup>;
  overall: Rollup;
  gaps: RequirementScore[];
}

const oneDecimal = (n: number) => Math.round(n * 10) / 10;
const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);

export function rollupScores(items: readonly RequirementScore[]): Rollup {
  const applicable = items.filter((s) => s.applicable);
  const assessed = applicable.filter((s) => s.assessed);
  const levels = assessed.map((s) => s.achieved!);
  const atTarget = assessed.filter((s) => s.achieved! >= s.target).length;
  return {
    requirements: items.length,
    applicable: applicable.length,
    assessed: assessed.length,
    progress: share(assessed.length, applicable.length),
    attained: levels.length ? (Math.min(...levels) as MaturityLevel) : null,
    meanAchieved: levels.length ? oneDecimal(levels.reduce<number>((a, b) => a + b, 0) / levels.length) : null,
    meanTarget: assessed.length ? oneDecimal(assessed.reduce((a, s) => a + s.target, 0) / assessed.length) : null,
    atTarget,
    shareAtTarget: share(atTarget, applicable.length),
    totalGap: assessed.reduce((a, s) => a + s.gap, 0),
    evidenceCoverage: share(applicable.filter((s) => s.hasValidEvidence).length, applicable.length),
    openActions: items.reduce((a, s) => a + s.openActions, 0),
    overdueActions: items.reduce((a, s) => a + s.overdueActions, 0),
  };
}

// One collator for every comparison: localeCompare with options builds a new one per call, which
// dominated sorting tens of thousands of evidence links. Same order as localeCompare(b, 'en', numeric).
const ID_ORDER = new Intl.Collator('en', { numeric: true });

export function compareIds(a: string, b: string): number {
  return ID_ORDER.compare(a, b);
}

/** Appends to the list under a key, creating it; in place, so grouping n items stays linear. */
function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

export function rankGaps(scores: Iterable<RequirementScore>): RequirementScore[] {
  return [...scores]
    .filter(isBelowTarget)
    .sort((a, b) => b.gap - a.gap || b.target - a.target || compareIds(a.requirementId, b.requirementId));
}

/** The evidence each requirement of the assessment links, by requirement ID (links to missing evidence are skipped). */
export function evidenceByRequirement(slice: WorkbookSlice): Map<string, Evidence[]> {
  const evidence = new Map(slice.evidence.map((e) => [e.id, e]));
  const linked = new Map<string, Evidence[]>();
  for (const link of slice.links) {
    const e = evidence.get(link.evidenceId);
    if (link.assessmentId === slice.assessment.id && e) pushTo(linked, link.requirementId, e);
  }
  return linked;
}

/** Below target: assessed, with an achieved level under the target (a gap greater than zero). */
export function isBelowTarget(score: Pick<RequirementScore, 'gap'>): boolean {
  return score.gap > 0;
}

export function scoreAssessment(index: CatalogueIndex, slice: WorkbookSlice): Scores {
  const { assessment, today } = slice;
  const responses = new Map(slice.responses.filter((r) => r.assessmentId === assessment.id).map((r) => [r.requirementId, r]));
  const evidence = evidenceByRequirement(slice);
  const damaged = new Set(slice.damagedEvidence ?? []);
  const openActions = new Map<string, Action[]>();
  for (const a of slice.actions) {
    if (a.assessmentId !== assessment.id || !isOpenAction(a)) continue;
    pushTo(openActions, a.requirementId, a);
  }
  const requirements = new Map<string, RequirementScore>();
  const scope = new Set(assessment.scope);
  for (const requirement of index.requirements) {
    if (!scope.has(requirement.speId)) continue;
    const response = responses.get(requirement.id);
    const achieved = achievedLevelOf(response);
    const target = response?.targetLevel ?? assessment.defaultTargetLevel;
    const applicable = isApplicable(response);
    const actions = isCountedAction({ inScope: true, applicable }) ? (openActions.get(requirement.id) ?? []) : [];
    requirements.set(requirement.id, {
      requirementId: requirement.id,
      elementId: requirement.elementId,
      speId: requirement.speId,
      applicable,
      assessed: isAssessed(response),
      target,
      achieved,
      gap: achieved === null ? 0 : Math.max(0, target - achieved),
      hasValidEvidence: (evidence.get(requirement.id) ?? []).some((e) => isUsableEvidence(e, today, damaged)),
      openActions: actions.length,
      overdueActions: actions.filter((a) => isOverdueAction(a, today)).length,
    });
  }
  const all = [...requirements.values()];
  const group = (key: 'elementId' | 'speId') => {
    const groups = new Map<string, RequirementScore[]>();
    for (const s of all) pushTo(groups, s[key], s);
    return new Map([...groups].map(([id, items]) => [id, rollupScores(items)]));
  };
  return { requirements, elements: group('elementId'), spes: group('speId'), overall: rollupScores(all), gaps: rankGaps(all) };
}

/** Progress alone (assessed of applicable), from the answers only: for lists that show it without evidence or actions. */
export function progressOf(
  index: CatalogueIndex,
  assessment: Assessment,
  responses: readonly Response[],
): Pick<Rollup, 'applicable' | 'assessed' | 'progress'> {
  const { overall } = scoreAssessment(index, { assessment, responses, links: [], evidence: [], actions: [], today: '' });
  return { applicable: overall.applicable, assessed: overall.assessed, progress: overall.progress };
}
