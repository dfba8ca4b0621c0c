/**
 * Human action IDs: ACT-0001, ACT-0002, … from the number the workbook gives each action when it is
 * added (never reused, like evidence numbers). Actions recorded before numbering carry none until the
 * workbook is upgraded; a file from then is shown with the display rule of withActionNumbers.
 */
import type { Action } from '../records/model';

/** ACT- and at least four digits. */
export const ACTION_ID = /^ACT-(\d{4,})$/;

export function formatActionId(number: number): string {
  if (!Number.isInteger(number) || number < 1) throw new RangeError('action numbers start at 1');
  return `ACT-${String(number).padStart(4, '0')}`;
}

/** What an action without a number is called where no display number was given to it. */
export const UNNUMBERED_ACTION = 'ACT-(unnumbered)';

export function actionRef(action: Pick<Action, 'number'>): string {
  return action.number === undefined ? UNNUMBERED_ACTION : formatActionId(action.number);
}

/** Oldest first; the record ID settles actions created in the same millisecond. */
export function byCreation(a: Pick<Action, 'createdAt' | 'id'>, b: Pick<Action, 'createdAt' | 'id'>): number {
  return a.createdAt.localeCompare(b.createdAt) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The display rule for actions that have no number (read from a snapshot or bundle made before
 * numbering): they are numbered after the highest number present, in the order they were created
 * (then by record ID). The same actions always get the same numbers; numbered actions keep theirs.
 * The numbers are for showing only and are never stored from here.
 */
export function withActionNumbers<T extends Pick<Action, 'number' | 'createdAt' | 'id'>>(actions: readonly T[]): T[] {
  if (actions.every((a) => a.number !== undefined)) return [...actions];
  let next = actions.reduce((n, a) => Math.max(n, a.number ?? 0), 0) + 1;
  const given = new Map<string, number>();
  for (const a of [...actions].filter((x) => x.number === undefined).sort(byCreation)) given.set(a.id, next++);
  return actions.map((a) => (a.number === undefined ? { ...a, number: given.get(a.id)! } : a));
}
