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
 *   expired ÷ applicable; open and overdue actions (open or in progress, due before today).
 * - Gaps are ranked largest first, then by higher target, then by requirement ID.
 */
import type { CatalogueIndex } from '../catalogue/lookup';
import { isExpired, type WorkbookSlice } from '../workspace/requirementState';
import type { MaturityLevel } from '../workbook/model';

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

export function compareIds(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function rankGaps(scores: Iterable<RequirementScore>): RequirementScore[] {
  return [...scores]
    .filter((s) => s.gap > 0)
    .sort((a, b) => b.gap - a.gap || b.target - a.target || compareIds(a.requirementId, b.requirementId));
}

export function scoreAssessment(index: CatalogueIndex, slice: WorkbookSlice): Scores {
  const { assessment, today } = slice;
  const responses = new Map(slice.responses.filter((r) => r.assessmentId === assessment.id).map((r) => [r.requirementId, r]));
  const evidence = new Map(slice.evidence.map((e) => [e.id, e]));
  const validEvidence = new Set<string>();
  for (const link of slice.links) {
    const e = evidence.get(link.evidenceId);
    if (link.assessmentId === assessment.id && e && !isExpired(e, today)) validEvidence.add(link.requirementId);
  }
  const openActions = new Map<string, { dueDate?: string }[]>();
  for (const a of slice.actions) {
    if (a.assessmentId !== assessment.id || (a.status !== 'open' && a.status !== 'in-progress')) continue;
    openActions.set(a.requirementId, [...(openActions.get(a.requirementId) ?? []), a]);
  }
  const requirements = new Map<string, RequirementScore>();
  for (const requirement of index.requirements) {
    if (!assessment.scope.includes(requirement.speId)) continue;
    const response = responses.get(requirement.id);
    const applicable = response?.applicable ?? true;
    const achieved = applicable ? (response?.achievedLevel ?? null) : null;
    const target = response?.targetLevel ?? assessment.defaultTargetLevel;
    const actions = openActions.get(requirement.id) ?? [];
    requirements.set(requirement.id, {
      requirementId: requirement.id,
      elementId: requirement.elementId,
      speId: requirement.speId,
      applicable,
      assessed: achieved !== null,
      target,
      achieved,
      gap: achieved === null ? 0 : Math.max(0, target - achieved),
      hasValidEvidence: validEvidence.has(requirement.id),
      openActions: actions.length,
      overdueActions: actions.filter((a) => a.dueDate !== undefined && a.dueDate < today).length,
    });
  }
  const all = [...requirements.values()];
  const group = (key: 'elementId' | 'speId') => {
    const groups = new Map<string, RequirementScore[]>();
    for (const s of all) groups.set(s[key], [...(groups.get(s[key]) ?? []), s]);
    return new Map([...groups].map(([id, items]) => [id, rollupScores(items)]));
  };
  return { requirements, elements: group('elementId'), spes: group('speId'), overall: rollupScores(all), gaps: rankGaps(all) };
}
