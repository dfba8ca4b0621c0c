/**
 * What the sign-off and reopen dialogs accept, checked before anything is written, with messages a
 * person can act on. The write path checks the lifecycle again; these checks only say it plainly.
 */
import { isCalendarDate } from '../../core/format/calendarDate';
import { RECORD_LIMITS } from '../../core/records/fields';
import type { Person, SignOff } from '../../core/records/model';

export const SIGN_OFF_ROLES = { preparer: 'Preparer', reviewer: 'Reviewer', approver: 'Approver' } as const;
export type SignOffRole = keyof typeof SIGN_OFF_ROLES;

export const NOTE_MAX = RECORD_LIMITS.signOffNote;
export const REASON_MAX = 2_000;

export interface SignOffFields {
  personId: string;
  role: string;
  date: string;
  note: string;
}

function dateProblem(date: string, today: string): string | null {
  if (!isCalendarDate(date)) return `Write a real date of the sign-off as YYYY-MM-DD, for example 2026-07-01 (not "${date.slice(0, 20)}").`;
  // A sign-off records what was done: it cannot be dated ahead.
  if (date > today) return 'The date of the sign-off cannot be in the future.';
  return null;
}

/** The sign-off record the fields describe, or the first thing wrong with them. */
export function readSignOff(fields: SignOffFields, people: readonly Person[], today: string): { signOff: SignOff } | { problem: string } {
  if (!fields.personId) return { problem: 'Choose who signs off.' };
  const person = people.find((p) => p.id === fields.personId);
  if (!person) return { problem: 'That person is no longer in the workbook: choose someone else.' };
  if (!(fields.role in SIGN_OFF_ROLES)) return { problem: 'Choose the role in which they sign: preparer, reviewer or approver.' };
  const problem = dateProblem(fields.date.trim(), today);
  if (problem) return { problem };
  const note = fields.note.trim();
  if (note.length > NOTE_MAX) return { problem: `The statement is too long: ${NOTE_MAX.toLocaleString('en')} characters at most.` };
  return { signOff: { by: person.name, role: SIGN_OFF_ROLES[fields.role as SignOffRole], at: fields.date.trim(), note } };
}

/** The reopening reason, trimmed, or what is wrong with it. */
export function readReason(reason: string): { reason: string } | { problem: string } {
  const trimmed = reason.trim();
  if (!trimmed) return { problem: 'Say why it is reopened: the reason goes into the change log.' };
  if (trimmed.length > REASON_MAX) return { problem: `The reason is too long: ${REASON_MAX.toLocaleString('en')} characters at most.` };
  return { reason: trimmed };
}
