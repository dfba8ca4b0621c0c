/** The change an edit form asks for: only the fields that differ from the action as it was read. */
import type { Action } from '../../core/records/model';
import type { ActionPatch } from '../db/repo/actions';

export interface ActionDraft {
  description: string;
  owner: string;
  dueDate: string;
  priority: Action['priority'];
  expectedLevel: string;
  closureCheck: string;
}

export function draftOf(a: Action): ActionDraft {
  return {
    description: a.description,
    owner: a.owner,
    dueDate: a.dueDate ?? '',
    priority: a.priority,
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
  if (draft.expectedLevel !== was.expectedLevel)
    patch.expectedLevel = draft.expectedLevel === '' ? null : (Number(draft.expectedLevel) as 1 | 2 | 3 | 4);
  if (draft.closureCheck !== was.closureCheck) patch.closureCheck = draft.closureCheck;
  return patch;
}
