/**
 * What the sign-off and reopen dialogs accept, checked before anything is written, with messages a
 * person can act on. The write path checks the lifecycle again; these checks only say it plainly.
 */
import type { Person, SignOff } from '../../core/workbook/model';

export const SIGN_OFF_ROLES = { preparer: 'Preparer', reviewer: 'Reviewer', approver: 'Approver' } as const;
export type SignOffRole = keyof typeof SIGN_OFF_ROLES;

export const NOTE_MAX = 5_000;
export const REASON_MAX = 2_000;

export interface SignOffFields {
  personId: string;
  role: string;
  date: string;
  note: string;
}

/** Today as the user's calendar shows it (not UTC), as YYYY-MM-DD. */
export function localToday(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function dateProblem(date: string, today: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return 'Write the date of the sign-off as YYYY-MM-DD, for example 2026-07-01.';
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const parsed = new Date(Date.UTC(y, m - 1, d));
  if (parsed.getUTCFullYear() !== y || parsed.getUTCMonth() !== m - 1 || parsed.getUTCDate() !== d) return `There is no date ${date}.`;
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
