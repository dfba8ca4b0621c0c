/** Two assessments of the same site side by side: what improved, regressed, stayed, or is newly assessed. */
import type { RequirementScore, Scores } from './score';

export type Change = 'improved' | 'regressed' | 'unchanged' | 'newly-assessed' | 'no-longer-assessed' | 'not-assessed';

export interface RequirementDelta {
  requirementId: string;
  before: number | null;
  after: number | null;
  change: Change;
}

export interface SpeDelta {
  speId: string;
  meanBefore: number | null;
  meanAfter: number | null;
  delta: number | null;
  counts: Record<Change, number>;
}

function changeOf(before: RequirementScore | undefined, after: RequirementScore | undefined): Change {
  const b = before?.achieved ?? null;
  const a = after?.achieved ?? null;
  if (b === null && a === null) return 'not-assessed';
  if (b === null) return 'newly-assessed';
  if (a === null) return 'no-longer-assessed';
  return a > b ? 'improved' : a < b ? 'regressed' : 'unchanged';
}

export function compareScores(before: Scores, after: Scores): { requirements: RequirementDelta[]; spes: SpeDelta[] } {
  const ids = [...new Set([...before.requirements.keys(), ...after.requirements.keys()])];
  const requirements = ids.map((id) => {
    const b = before.requirements.get(id);
    const a = after.requirements.get(id);
    return { requirementId: id, before: b?.achieved ?? null, after: a?.achieved ?? null, change: changeOf(b, a) };
  });
  const speIds = [...new Set([...before.spes.keys(), ...after.spes.keys()])];
  const spes = speIds.map((speId) => {
    const counts: Record<Change, number> = {
      improved: 0,
      regressed: 0,
      unchanged: 0,
      'newly-assessed': 0,
      'no-longer-assessed': 0,
      'not-assessed': 0,
    };
    for (const d of requirements) {
      const s = after.requirements.get(d.requirementId) ?? before.requirements.get(d.requirementId);
      if (s?.speId === speId) counts[d.change] += 1;
    }
    const meanBefore = before.spes.get(speId)?.meanAchieved ?? null;
    const meanAfter = after.spes.get(speId)?.meanAchieved ?? null;
    const delta = meanBefore !== null && meanAfter !== null ? Math.round((meanAfter - meanBefore) * 10) / 10 : null;
    return { speId, meanBefore, meanAfter, delta, counts };
  });
  return { requirements, spes };
}
