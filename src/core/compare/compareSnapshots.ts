/**
 * Two assessments of one site compared from their snapshots: for each requirement the level before and
 * after, the target, the class of change (from scoring/compare) and the reasons the records show; for
 * each SPE the mean before and after and the count of each class. Refuses pairs that cannot be matched.
 */
import { indexCatalogue } from '../catalogue/lookup';
import { compareScores, type Change } from '../scoring/compare';
import { scoreAssessment, type RequirementScore, type Scores } from '../scoring/score';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { MaturityLevel } from '../records/model';
import { reasonsFor, standingOf, type Standing } from './reasons';

export type { Change } from '../scoring/compare';
export type { Standing } from './reasons';

/** The classes in the order people read them: what moved first, then what stayed. */
export const CHANGES: readonly Change[] = ['improved', 'regressed', 'newly-assessed', 'no-longer-assessed', 'unchanged', 'not-assessed'];

export const CHANGE_LABELS: Record<Change, string> = {
  improved: 'Improved',
  regressed: 'Regressed',
  'newly-assessed': 'Newly assessed',
  'no-longer-assessed': 'No longer assessed',
  unchanged: 'Unchanged',
  'not-assessed': 'Assessed in neither',
};

export interface RequirementComparison {
  requirementId: string;
  title: string;
  elementId: string;
  speId: string;
  before: MaturityLevel | null;
  after: MaturityLevel | null;
  standingBefore: Standing;
  standingAfter: Standing;
  /** Null where the requirement was outside that assessment's scope. */
  targetBefore: MaturityLevel | null;
  targetAfter: MaturityLevel | null;
  change: Change;
  /** Short phrases such as "evidence expired"; only what the two sets of records show. */
  reasons: string[];
}

export interface SpeComparison {
  speId: string;
  title: string;
  meanBefore: number | null;
  meanAfter: number | null;
  delta: number | null;
  meanTargetAfter: number | null;
  assessedBefore: number;
  assessedAfter: number;
  counts: Record<Change, number>;
}

export interface ComparedAssessment {
  id: string;
  name: string;
  periodStart: string;
  periodEnd: string;
  /** The day expiry and overdue were judged on for this side. */
  today: string;
}

export interface Comparison {
  baseline: ComparedAssessment;
  current: ComparedAssessment;
  siteName: string;
  catalogue: { id: string; edition: string; version: string };
  requirements: RequirementComparison[];
  spes: SpeComparison[];
  counts: Record<Change, number>;
  overall: { meanBefore: number | null; meanAfter: number | null; delta: number | null };
}

export type ComparisonResult = { ok: true; comparison: Comparison } | { ok: false; message: string };

export function emptyCounts(): Record<Change, number> {
  return { improved: 0, regressed: 0, unchanged: 0, 'newly-assessed': 0, 'no-longer-assessed': 0, 'not-assessed': 0 };
}

/** Why two snapshots cannot be compared, in a sentence; null when they can. */
export function refusalOf(baseline: WorkbookSnapshot, current: WorkbookSnapshot): string | null {
  const [b, c] = [baseline.assessment, current.assessment];
  if (b.id === c.id) return 'Choose two different assessments: an assessment compared with itself shows no change.';
  if (b.siteId !== c.siteId) {
    const names = [baseline.site.name, current.site.name].map((n) => n || 'a site without a name');
    return `These assessments are of different sites (${names[0]} and ${names[1]}). Compare two assessments of the same site.`;
  }
  if (baseline.catalogue.id !== current.catalogue.id || baseline.catalogue.version !== current.catalogue.version) {
    const label = (s: WorkbookSnapshot) => `${s.catalogue.edition} version ${s.catalogue.version}`;
    return `These assessments use different requirement catalogues (${label(baseline)} and ${label(current)}), so their requirements cannot be matched one to one.`;
  }
  return null;
}

function asScores(snapshot: WorkbookSnapshot): Scores {
  const { scores } = snapshot;
  return {
    requirements: new Map(Object.entries(scores.requirements)),
    elements: new Map(Object.entries(scores.elements)),
    spes: new Map(Object.entries(scores.spes)),
    overall: scores.overall,
    gaps: scores.gaps,
  };
}

function side(snapshot: WorkbookSnapshot): ComparedAssessment {
  const { id, name, periodStart, periodEnd } = snapshot.assessment;
  return { id, name, periodStart, periodEnd, today: snapshot.today };
}

const roundedDelta = (before: number | null, after: number | null) =>
  before !== null && after !== null ? Math.round((after - before) * 10) / 10 : null;

/**
 * The baseline as it stood at the end of its period: evidence that expired after that counts against
 * the current assessment, not back against the baseline. A snapshot already judged earlier stays as it is.
 */
export function baselineAsOfPeriodEnd(snapshot: WorkbookSnapshot): WorkbookSnapshot {
  const day = snapshot.assessment.periodEnd;
  if (day >= snapshot.today) return snapshot;
  const scores = scoreAssessment(indexCatalogue(snapshot.catalogue), { ...snapshot, today: day });
  return {
    ...snapshot,
    today: day,
    scores: {
      overall: scores.overall,
      spes: Object.fromEntries(scores.spes),
      elements: Object.fromEntries(scores.elements),
      requirements: Object.fromEntries(scores.requirements),
      gaps: scores.gaps,
    },
  };
}

export function compareSnapshots(original: WorkbookSnapshot, current: WorkbookSnapshot): ComparisonResult {
  const refusal = refusalOf(original, current);
  if (refusal) return { ok: false, message: refusal };
  const baseline = baselineAsOfPeriodEnd(original);
  const index = indexCatalogue(current.catalogue);
  const deltas = compareScores(asScores(baseline), asScores(current));
  const changeById = new Map(deltas.requirements.map((d) => [d.requirementId, d.change]));
  const responsesAfter = new Map(current.responses.map((r) => [r.requirementId, r]));
  const requirements: RequirementComparison[] = [];
  for (const requirement of index.requirements) {
    const change = changeById.get(requirement.id);
    if (!change) continue;
    const scoreBefore: RequirementScore | undefined = baseline.scores.requirements[requirement.id];
    const scoreAfter: RequirementScore | undefined = current.scores.requirements[requirement.id];
    requirements.push({
      requirementId: requirement.id,
      title: requirement.title,
      elementId: requirement.elementId,
      speId: requirement.speId,
      before: scoreBefore?.achieved ?? null,
      after: scoreAfter?.achieved ?? null,
      standingBefore: standingOf(scoreBefore),
      standingAfter: standingOf(scoreAfter),
      targetBefore: scoreBefore?.target ?? null,
      targetAfter: scoreAfter?.target ?? null,
      change,
      reasons: reasonsFor(requirement.id, change, {
        baseline,
        current,
        scoreBefore,
        scoreAfter,
        response: responsesAfter.get(requirement.id),
      }),
    });
  }
  const speDeltas = new Map(deltas.spes.map((s) => [s.speId, s]));
  const spes: SpeComparison[] = current.catalogue.spes.flatMap((spe) => {
    const d = speDeltas.get(spe.id);
    if (!d) return [];
    const [before, after] = [baseline.scores.spes[spe.id], current.scores.spes[spe.id]];
    return [
      {
        speId: spe.id,
        title: spe.title,
        meanBefore: d.meanBefore,
        meanAfter: d.meanAfter,
        delta: d.delta,
        meanTargetAfter: after?.meanTarget ?? null,
        assessedBefore: before?.assessed ?? 0,
        assessedAfter: after?.assessed ?? 0,
        counts: d.counts,
      },
    ];
  });
  const counts = emptyCounts();
  for (const r of requirements) counts[r.change] += 1;
  const [meanBefore, meanAfter] = [baseline.scores.overall.meanAchieved, current.scores.overall.meanAchieved];
  return {
    ok: true,
    comparison: {
      baseline: side(baseline),
      current: side(current),
      siteName: current.site.name,
      catalogue: { id: current.catalogue.id, edition: current.catalogue.edition, version: current.catalogue.version },
      requirements,
      spes,
      counts,
      overall: { meanBefore, meanAfter, delta: roundedDelta(meanBefore, meanAfter) },
    },
  };
}
