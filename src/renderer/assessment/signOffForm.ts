/**
 * What the sign-off and reopen dialogs accept, checked before anything is written, with messages a
 * person can act on. The write path checks the lifecycle again; these checks only say it plainly.
 */
import { isCalendarDate } from '../../core/format/calendarDate';
import { RECORD_LIMITS } from '../../core/records/fields';
import { SIGNATORY_LABELS, type SignatoryRole } from '../../core/records/lifecycle';
import type { Person } from '../../core/records/model';
import type { RoleSignOff } from '../db/repo/assessments';

export const NOTE_MAX = RECORD_LIMITS.signOffNote;
export const REASON_MAX = 2_000;

/** The roles in the order the form asks for them; only the approver is required. */
export const FORM_ROLES: readonly SignatoryRole[] = ['preparer', 'reviewer', 'approver'];

export interface SignOffFields {
  /** The person ID chosen for each role; empty when nobody is. */
  people: Record<SignatoryRole, string>;
  date: string;
  note: string;
}

function dateProblem(date: string, today: string): string | null {
  if (!isCalendarDate(date)) return `Write a real date of the sign-off as YYYY-MM-DD, for example 2026-07-01 (not "${date.slice(0, 20)}").`;
  // A sign-off records what was done: it cannot be dated ahead.
  if (date > today) return 'The date of the sign-off cannot be in the future.';
  return null;
}

/** The sign-off the fields describe (with the approver's name, for the message), or the first thing wrong. */
export function readSignOff(
  fields: SignOffFields,
  people: readonly Person[],
  today: string,
): { signOff: RoleSignOff; approver: string } | { problem: string } {
  if (!fields.people.approver) return { problem: 'Choose the approver: the person who signs the assessment off.' };
  const signatories: RoleSignOff['signatories'] = [];
  for (const role of FORM_ROLES) {
    const personId = fields.people[role];
    if (!personId) continue;
    if (!people.some((p) => p.id === personId)) {
      return { problem: `The ${SIGNATORY_LABELS[role].toLowerCase()} chosen is no longer in the workbook: choose someone else.` };
    }
    signatories.push({ role, personId });
  }
  const problem = dateProblem(fields.date.trim(), today);
  if (problem) return { problem };
  const note = fields.note.trim();
  if (note.length > NOTE_MAX) return { problem: `The statement is too long: ${NOTE_MAX.toLocaleString('en')} characters at most.` };
  const approver = people.find((p) => p.id === fields.people.approver)!.name;
  return { signOff: { signatories, at: fields.date.trim(), note }, approver };
}

/** The reopening reason, trimmed, or what is wrong with it. */
export function readReason(reason: string): { reason: string } | { problem: string } {
  const trimmed = reason.trim();
  if (!trimmed) return { problem: 'Say why it is reopened: the reason goes into the change log.' };
  if (trimmed.length > REASON_MAX) return { problem: `The reason is too long: ${REASON_MAX.toLocaleString('en')} characters at most.` };
  return { reason: trimmed };
}
