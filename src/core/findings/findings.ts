/**
 * Findings, derived each time they are shown or printed, never stored. A requirement in scope that
 * applies has one finding (at most) when:
 * - gap: it is assessed below its target;
 * - unsupported: it is assessed at or above its target, but no evidence linked to it is valid today
 *   (none linked, or all expired), so the level claimed cannot be confirmed;
 * - review: the latest received review that judged it said "not accepted" or "more evidence needed"
 *   (a verdict stands, stale or not, until a later review says otherwise).
 * Its ID is F- and the requirement ID (spaces as hyphens), e.g. F-ORG-1.1: an assessment has one
 * finding per requirement, so the ID stays the same for as long as the requirement has a finding.
 *
 * Grade, the one rule (also printed in the documents' method text, FINDINGS_METHOD):
 * - major: a gap of two levels or more, or nothing in place (ML0) against the target;
 * - minor: a gap of one level, or a reviewer's "not accepted";
 * - observation: a level claimed without valid evidence, or a reviewer's "more evidence needed".
 * Where more than one applies, the most severe wins. The assessor may override grade, risk and
 * recommendation; only the override is stored (response.finding) and it wins where set.
 */
import { indexCatalogue } from '../catalogue/lookup';
import type { Catalogue, CriteriaLevel, Requirement } from '../catalogue/types';
import { levelInfo } from '../records/maturity';
import type { Action, Evidence, EvidenceLink, FindingGrade, MaturityLevel, Response } from '../records/model';
import type { PrintedReview } from '../review/printed';
import { VERDICT_LABELS, type Verdict } from '../review/schema';
import { isExpired } from '../rules/rules';
import { compareIds, type RequirementScore } from '../scoring/score';
import { actionRef, byCreation, withActionNumbers } from './actionRef';

export type FindingReason = 'gap' | 'unsupported' | 'review';

export interface Finding {
  /** F-ORG-1.1 */
  id: string;
  requirementId: string;
  grade: FindingGrade;
  /** target − achieved, 0 when not below target. */
  gap: number;
  target: MaturityLevel;
  achieved: MaturityLevel | null;
  risk: string;
  recommendation: string;
  /** Why the finding exists; where several apply, the one that set the default grade. */
  reason: FindingReason;
  /** Every reason that applies, most severe first. */
  reasons: FindingReason[];
  /** ACT-0001 … of the actions on the requirement, in number order. */
  actionIds: string[];
  /** What was derived, shown beside an override so the assessor can go back to it. */
  derived: { grade: FindingGrade; risk: string; recommendation: string };
  /** Which of grade, risk and recommendation the assessor overrode. */
  overridden: { grade: boolean; risk: boolean; recommendation: boolean };
}

/** A WorkbookSnapshot is one; the app passes the same records for one requirement. */
export interface FindingsInput {
  catalogue: Catalogue;
  scores: { requirements: Readonly<Record<string, RequirementScore>> };
  responses: readonly Response[];
  actions: readonly Action[];
  evidence: readonly Evidence[];
  links: readonly EvidenceLink[];
  /** YYYY-MM-DD: what expiry is judged against. */
  today: string;
  reviews?: readonly PrintedReview[];
}

export const GRADE_ORDER: Record<FindingGrade, number> = { major: 0, minor: 1, observation: 2 };
export const GRADE_LABELS: Record<FindingGrade, string> = { major: 'Major', minor: 'Minor', observation: 'Observation' };

export const FINDINGS_METHOD =
  'A finding is raised for each applicable requirement that is below its target, that claims a level no valid evidence supports, or that a reviewer did not accept or asked more evidence for. Each is graded: major for a gap of two levels or more, or nothing in place (ML0); minor for a gap of one level or a reviewer’s “not accepted”; observation for a level claimed without valid evidence or a reviewer’s “more evidence needed”. Where several apply the most severe grade counts. The assessor may change the grade, the risk and the recommendation; the ID, F- followed by the requirement ID, stays with the requirement.';

export function findingId(requirementId: string): string {
  return `F-${requirementId.trim().replace(/\s+/g, '-')}`;
}

/** What a practice left at each level means for the site, in plain words. */
const LEVEL_RISK: Record<MaturityLevel, string> = {
  0: 'no practice is in place',
  1: 'the practice is ad hoc and depends on particular people',
  2: 'the practice is written down but not shown to be carried out',
  3: 'the practice is carried out but not measured or improved',
  4: 'the practice is measured and improved',
};

/** How many expired items a risk statement names before it counts the rest. */
const NAMED_EXPIRED = 3;

const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();

function latestVerdicts(
  reviews: readonly PrintedReview[] | undefined,
): Map<string, { verdict: Verdict; comment: string; reviewer: string }> {
  const latest = new Map<string, { verdict: Verdict; comment: string; reviewer: string; at: string }>();
  for (const review of reviews ?? []) {
    for (const v of review.verdicts) {
      const seen = latest.get(v.requirementId);
      if (!seen || review.createdAt > seen.at) {
        latest.set(v.requirementId, { verdict: v.verdict, comment: v.comment, reviewer: review.reviewer.name, at: review.createdAt });
      }
    }
  }
  return latest;
}

function practiceAt(requirement: Requirement | undefined, level: MaturityLevel): string | undefined {
  if (level === 0) return undefined;
  const practice = requirement?.levels?.[`ML${level}` as CriteriaLevel]?.practice;
  return practice ? oneLine(practice) : undefined;
}

function withStop(text: string): string {
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

interface Derivation {
  reasons: FindingReason[];
  grade: FindingGrade;
  risk: string;
  recommendation: string;
}

function derive(
  score: RequirementScore,
  requirement: Requirement | undefined,
  evidence: readonly Evidence[],
  verdict: { verdict: Verdict; comment: string; reviewer: string } | undefined,
  today: string,
): Derivation | undefined {
  const { target, achieved, gap } = score;
  const found: { reason: FindingReason; grade: FindingGrade; risk: string; recommendation: string }[] = [];
  if (achieved !== null && gap > 0) {
    const practice = practiceAt(requirement, target);
    found.push({
      reason: 'gap',
      grade: gap >= 2 || achieved === 0 ? 'major' : 'minor',
      risk: `Achieved ML${achieved} against a target of ML${target}: ${LEVEL_RISK[achieved]}, so the requirement is met only in part and the weaknesses it guards against may go unnoticed.`,
      recommendation: practice
        ? `Reach ML${target} (${levelInfo(target).name}): ${withStop(practice)}`
        : `Reach ML${target} (${levelInfo(target).name}): ${levelInfo(target).description}`,
    });
  }
  if (achieved !== null && gap === 0 && !score.hasValidEvidence) {
    const expired = evidence.filter((e) => isExpired(e, today));
    // A few are named; a requirement may link thousands, and the sentence must stay readable.
    const named = expired.slice(0, NAMED_EXPIRED).map((e) => `${e.id}, expired ${e.expiresOn}`);
    const more = expired.length - named.length;
    const why = expired.length
      ? `the evidence linked (${named.join('; ')}${more ? `; and ${more} more` : ''}) is no longer valid`
      : 'no evidence is linked';
    const practice = practiceAt(requirement, achieved);
    found.push({
      reason: 'unsupported',
      grade: 'observation',
      risk: `ML${achieved} is claimed but ${why}, so the claim cannot be confirmed and the level may be overstated.`,
      recommendation: `Link current evidence that shows the practice at ML${achieved}${practice ? ` (${practice.replace(/[.]$/, '')})` : ''}, or lower the level claimed to what the evidence shows.`,
    });
  }
  if (verdict && verdict.verdict !== 'accepted') {
    const comment = oneLine(verdict.comment);
    const said = `The reviewer (${oneLine(verdict.reviewer)}) judged this requirement “${VERDICT_LABELS[verdict.verdict]}”${comment ? `: ${withStop(comment)}` : '.'}`;
    found.push({
      reason: 'review',
      grade: verdict.verdict === 'not-accepted' ? 'minor' : 'observation',
      risk: `${said} Until it is settled, the level recorded is not confirmed by independent review.`,
      recommendation:
        verdict.verdict === 'not-accepted'
          ? 'Address the reviewer’s objection, revise the answer where it is right, and ask for a fresh review.'
          : 'Provide the evidence the reviewer asked for and ask for a fresh review.',
    });
  }
  if (!found.length) return undefined;
  // The most severe first; between equals, a gap before a review before missing evidence.
  const order: FindingReason[] = ['gap', 'review', 'unsupported'];
  found.sort((a, b) => GRADE_ORDER[a.grade] - GRADE_ORDER[b.grade] || order.indexOf(a.reason) - order.indexOf(b.reason));
  const first = found[0]!;
  return {
    reasons: found.map((f) => f.reason),
    grade: first.grade,
    risk: found.map((f) => f.risk).join(' '),
    recommendation: found.map((f) => f.recommendation).join(' '),
  };
}

const said = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/** Every finding of the assessment: major first, then minor, then observations; by requirement ID within a grade. */
export function findingsOf(input: FindingsInput): Finding[] {
  const index = indexCatalogue(input.catalogue);
  const responses = new Map(input.responses.map((r) => [r.requirementId, r]));
  const evidenceById = new Map(input.evidence.map((e) => [e.id, e]));
  const evidenceOf = new Map<string, Evidence[]>();
  for (const link of input.links) {
    const e = evidenceById.get(link.evidenceId);
    if (!e) continue;
    // Pushed, not copied: a large workbook links tens of thousands of items to a few requirements.
    const list = evidenceOf.get(link.requirementId);
    if (list) list.push(e);
    else evidenceOf.set(link.requirementId, [e]);
  }
  const actionsOf = new Map<string, Action[]>();
  for (const a of withActionNumbers(input.actions)) {
    const list = actionsOf.get(a.requirementId);
    if (list) list.push(a);
    else actionsOf.set(a.requirementId, [a]);
  }
  const verdicts = latestVerdicts(input.reviews);
  const findings: Finding[] = [];
  for (const score of Object.values(input.scores.requirements)) {
    if (!score.applicable) continue;
    const derived = derive(
      score,
      index.requirement(score.requirementId),
      evidenceOf.get(score.requirementId) ?? [],
      verdicts.get(score.requirementId),
      input.today,
    );
    if (!derived) continue;
    const override = responses.get(score.requirementId)?.finding;
    const actions = (actionsOf.get(score.requirementId) ?? []).sort((a, b) => (a.number ?? 0) - (b.number ?? 0) || byCreation(a, b));
    findings.push({
      id: findingId(score.requirementId),
      requirementId: score.requirementId,
      grade: override?.grade ?? derived.grade,
      gap: score.gap,
      target: score.target,
      achieved: score.achieved,
      risk: said(override?.risk) ? override.risk : derived.risk,
      recommendation: said(override?.recommendation) ? override.recommendation : derived.recommendation,
      reason: derived.reasons[0]!,
      reasons: derived.reasons,
      actionIds: actions.map(actionRef),
      derived: { grade: derived.grade, risk: derived.risk, recommendation: derived.recommendation },
      overridden: { grade: !!override?.grade, risk: said(override?.risk), recommendation: said(override?.recommendation) },
    });
  }
  return findings.sort((a, b) => GRADE_ORDER[a.grade] - GRADE_ORDER[b.grade] || compareIds(a.requirementId, b.requirementId));
}

/** How many findings of each grade, for the sentence that counts them. */
export function countByGrade(findings: readonly Pick<Finding, 'grade'>[]): Record<FindingGrade, number> {
  const counts: Record<FindingGrade, number> = { major: 0, minor: 0, observation: 0 };
  for (const f of findings) counts[f.grade] += 1;
  return counts;
}
