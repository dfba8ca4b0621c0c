/**
 * The record rules, defined once: what "today" is, when an action is open or overdue, when evidence has
 * expired, and when a requirement applies and counts as assessed. Scoring, every screen and every document
 * read these, so a count on screen and the same count in a document cannot disagree.
 */
import type { Action, Evidence, MaturityLevel, Response } from '../records/model';

/**
 * Today as the user's own calendar shows it (local time zone, not UTC), as YYYY-MM-DD. The app, the
 * sample and the documents all judge expiry and overdue against this day: at 23:30 in New York it is
 * still today there, though UTC has already moved on.
 */
export function todayLocal(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Open: still to be done, that is open or in progress. Done and cancelled actions are closed. */
export function isOpenAction(action: Pick<Action, 'status'>): boolean {
  return action.status === 'open' || action.status === 'in-progress';
}

/**
 * Overdue: open, with a due date before today. An action due today is not overdue until tomorrow; one
 * without a due date, or closed (done, cancelled), is never overdue.
 */
export function isOverdueAction(action: Pick<Action, 'status' | 'dueDate'>, today: string): boolean {
  return isOpenAction(action) && !!action.dueDate && action.dueDate < today;
}

/** Earliest due date first; actions without one last. */
export function byDueDate(a: Pick<Action, 'dueDate'>, b: Pick<Action, 'dueDate'>): number {
  return (a.dueDate || '9999').localeCompare(b.dueDate || '9999');
}

/**
 * Expired: an expiry date before today. Evidence expiring today is still valid through that day, and
 * evidence without an expiry date never expires.
 */
export function isExpired(evidence: Pick<Evidence, 'expiresOn'>, today: string): boolean {
  return !!evidence.expiresOn && evidence.expiresOn < today;
}

/** Valid evidence: evidence that has not expired. Only valid evidence counts towards coverage. */
export function isValidEvidence(evidence: Pick<Evidence, 'expiresOn'>, today: string): boolean {
  return !isExpired(evidence, today);
}

type Answer = Pick<Response, 'applicable' | 'achievedLevel'>;

/** Applicable unless the answer says otherwise: a requirement nobody has answered yet applies. */
export function isApplicable(response: Pick<Response, 'applicable'> | undefined): boolean {
  return response?.applicable ?? true;
}

/** The achieved level that counts: none for a requirement marked not applicable, even when one is stored. */
export function achievedLevelOf(response: Answer | undefined): MaturityLevel | null {
  return response && isApplicable(response) ? response.achievedLevel : null;
}

/**
 * Assessed: applicable, with an achieved level set. This is the one meaning of "answered" on every
 * screen and in every document, the one progress (assessed ÷ applicable) counts: a requirement marked
 * not applicable is neither assessed nor awaiting assessment; it is left out of every figure.
 */
export function isAssessed(response: Answer | undefined): boolean {
  return achievedLevelOf(response) !== null;
}

/** Where a requirement stands, in the words the workspace shows: assessed ("answered"), still to assess, or not applicable. */
export type AnswerState = 'answered' | 'unanswered' | 'not-applicable';

export function answerStateOf(standing: { applicable: boolean; assessed: boolean }): AnswerState {
  if (!standing.applicable) return 'not-applicable';
  return standing.assessed ? 'answered' : 'unanswered';
}

/**
 * Where an evidence item stands on `today`: valid, expired, or damaged (an empty file, or a file whose stored bytes were
 * found missing or changed when they were checked). Only valid evidence backs a claimed level. Which
 * files are damaged is a computed fact of the check that read them, never stored on the record.
 */
export type EvidenceStanding = 'valid' | 'expired' | 'damaged';

/** What the standing is read from; kind and size are optional so callers holding only IDs and dates still fit. */
type StandingInput = Pick<Evidence, 'id' | 'expiresOn'> & Partial<Pick<Evidence, 'kind' | 'size'>>;

/**
 * An empty file: nothing in it for a reader to check. The app no longer accepts one, but workbooks and
 * bundles from before may hold some; they still read, and stand as damaged (no content to back a level).
 */
export function isEmptyFile(evidence: Partial<Pick<Evidence, 'kind' | 'size'>>): boolean {
  return evidence.kind === 'file' && evidence.size === 0;
}

export function evidenceStanding(evidence: StandingInput, today: string, damaged: ReadonlySet<string> = NO_DAMAGE): EvidenceStanding {
  if (damaged.has(evidence.id) || isEmptyFile(evidence)) return 'damaged';
  return isExpired(evidence, today) ? 'expired' : 'valid';
}

const NO_DAMAGE: ReadonlySet<string> = new Set();

/** Valid and intact: the evidence a claimed level may rest on. */
export function isUsableEvidence(evidence: StandingInput, today: string, damaged: ReadonlySet<string> = NO_DAMAGE): boolean {
  return evidenceStanding(evidence, today, damaged) === 'valid';
}

/** What a requirement's cited evidence amounts to: the valid items, the expired ones and the damaged ones. */
export interface EvidenceBacking {
  valid: string[];
  expired: { id: string; expiresOn: string }[];
  damaged: string[];
}

export function evidenceBacking(cited: readonly StandingInput[], today: string, damaged: ReadonlySet<string> = NO_DAMAGE): EvidenceBacking {
  const out: EvidenceBacking = { valid: [], expired: [], damaged: [] };
  for (const e of cited) {
    const standing = evidenceStanding(e, today, damaged);
    if (standing === 'valid') out.valid.push(e.id);
    else if (standing === 'damaged') out.damaged.push(e.id);
    else out.expired.push({ id: e.id, expiresOn: e.expiresOn! });
  }
  return out;
}

type Claim = { applicable: boolean; assessed: boolean; achieved: MaturityLevel | null; target: MaturityLevel; hasValidEvidence: boolean };

/**
 * A claim without evidence: an assessed requirement whose achieved level no valid evidence backs.
 * ML0 claims nothing to be in place, so it needs no evidence and is never counted here.
 */
export function isUnbackedClaim(score: Claim): boolean {
  return score.applicable && score.assessed && (score.achieved ?? 0) > 0 && !score.hasValidEvidence;
}

/** The counts every document prints: assessed without valid evidence, and of those the ones at target. */
export function unbackedClaims(scores: Iterable<Claim>): { assessed: number; atTarget: number } {
  let assessed = 0;
  let atTarget = 0;
  for (const s of scores) {
    if (!isUnbackedClaim(s)) continue;
    assessed += 1;
    if (s.achieved! >= s.target) atTarget += 1;
  }
  return { assessed, atTarget };
}

/**
 * An action counts in the figures (open, overdue) when its requirement is in the assessment's scope
 * and applies: work on a requirement left out of the assessment is listed, never counted, so the
 * summary and the plan count the same actions.
 */
export function isCountedAction(standing: { inScope: boolean; applicable: boolean }): boolean {
  return standing.inScope && standing.applicable;
}
