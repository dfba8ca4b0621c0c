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
