/**
 * An action's fields as its forms hold them (text, as the inputs do), and the change a form asks for:
 * only the fields that differ from the action as it was read, so an update never touches the others.
 */
import type { Action } from '../../core/records/model';
import type { ActionInput, ActionPatch } from '../db/repo/actions';

export interface ActionDraft {
  description: string;
  owner: string;
  dueDate: string;
  priority: Action['priority'];
  status: Action['status'];
  expectedLevel: string;
  closureCheck: string;
}

export function draftOf(a: Action): ActionDraft {
  return {
    description: a.description,
    owner: a.owner,
    dueDate: a.dueDate ?? '',
    priority: a.priority,
    status: a.status,
    expectedLevel: a.expectedLevel === undefined ? '' : String(a.expectedLevel),
    closureCheck: a.closureCheck ?? '',
  };
}

export function patchFrom(before: Action, draft: ActionDraft): ActionPatch {
  const was = draftOf(before);
  const patch: ActionPatch = {};
  if (draft.description !== was.description) patch.description = draft.description;
  if (draft.owner !== was.owner) patch.owner = draft.owner;
  // A due date can be moved but not taken away, as on the requirement page.
  if (draft.dueDate && draft.dueDate !== was.dueDate) patch.dueDate = draft.dueDate;
  if (draft.priority !== was.priority) patch.priority = draft.priority;
  if (draft.status !== was.status) patch.status = draft.status;
  if (draft.expectedLevel !== was.expectedLevel)
    patch.expectedLevel = draft.expectedLevel === '' ? null : (Number(draft.expectedLevel) as 1 | 2 | 3 | 4);
  if (draft.closureCheck !== was.closureCheck) patch.closureCheck = draft.closureCheck;
  return patch;
}

/** A new action's form as it opens: nothing filled in, medium priority. */
export const NEW_ACTION_DRAFT: ActionDraft = {
  description: '',
  owner: '',
  dueDate: '',
  priority: 'medium',
  status: 'open',
  expectedLevel: '',
  closureCheck: '',
};

/** What a new action's form adds: the optional fields only when filled in. */
export function inputFrom(draft: ActionDraft): ActionInput {
  const closure = draft.closureCheck.trim();
  return {
    description: draft.description,
    owner: draft.owner,
    priority: draft.priority,
    ...(draft.dueDate ? { dueDate: draft.dueDate } : {}),
    ...(draft.expectedLevel ? { expectedLevel: Number(draft.expectedLevel) as 1 | 2 | 3 | 4 } : {}),
    ...(closure ? { closureCheck: closure } : {}),
  };
}
