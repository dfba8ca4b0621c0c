/**
 * Narrowing the remediation plan: by owner, status and when the action falls due. The filters combine;
 * "due in 30 days" counts only actions still to be done whose date is today or within the next 30 days.
 */
import { isOpenAction, isOverdueAction } from '../rules/rules';
import type { Action } from '../records/model';
import { addDays } from './evidenceLibrary';

export type DueFilter = 'all' | 'overdue' | 'due-30' | 'no-due';
export const DUE_FILTER_LABELS: Record<DueFilter, string> = {
  all: 'Any due date',
  overdue: 'Overdue',
  'due-30': 'Due in 30 days',
  'no-due': 'No due date',
};

/** The owner value meaning "actions nobody owns yet". */
export const NO_OWNER = '\u0000none';

export interface ActionFilter {
  /** '' for every owner, NO_OWNER for actions without one, otherwise the owner's name as written. */
  owner: string;
  status: Action['status'] | 'all';
  due: DueFilter;
}

export const ALL_ACTIONS: ActionFilter = { owner: '', status: 'all', due: 'all' };

type Filterable = Pick<Action, 'owner' | 'status' | 'dueDate'>;

function matchesDue(action: Filterable, due: DueFilter, today: string): boolean {
  switch (due) {
    case 'overdue':
      return isOverdueAction(action, today);
    case 'due-30':
      return isOpenAction(action) && action.dueDate !== undefined && action.dueDate >= today && action.dueDate <= addDays(today, 30);
    case 'no-due':
      return action.dueDate === undefined;
    default:
      return true;
  }
}

export function matchesActionFilter(action: Filterable, filter: ActionFilter, today: string): boolean {
  const owner = action.owner.trim();
  if (filter.owner === NO_OWNER ? owner !== '' : filter.owner !== '' && owner !== filter.owner) return false;
  if (filter.status !== 'all' && action.status !== filter.status) return false;
  return matchesDue(action, filter.due, today);
}

export function filterActions<T extends Filterable>(actions: readonly T[], filter: ActionFilter, today: string): T[] {
  return actions.filter((a) => matchesActionFilter(a, filter, today));
}

/** The owners to offer in the filter, as written, sorted; blanks are left to NO_OWNER. */
export function actionOwners(actions: readonly Pick<Action, 'owner'>[]): string[] {
  const owners = new Set(actions.map((a) => a.owner.trim()).filter(Boolean));
  return [...owners].sort((a, b) => a.localeCompare(b));
}
