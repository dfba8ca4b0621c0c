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

/** Only the fields that differ from the action as read, each converted as fieldPatch does. */
export function patchFrom(before: Action, draft: ActionDraft): ActionPatch {
  const was = draftOf(before);
  let patch: ActionPatch = {};
  for (const field of Object.keys(draft) as (keyof ActionDraft)[]) {
    if (draft[field] !== was[field]) patch = { ...patch, ...fieldPatch(field, draft[field]) };
  }
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

/**
 * The change one field of a form asks for, whatever the saved action holds: autosave merges these, so
 * a field typed back to its saved value must still say so. An emptied due date asks for nothing (a due
 * date can be moved, not taken away); "Not stated" takes the expected level away.
 */
export function fieldPatch(field: keyof ActionDraft, value: string): ActionPatch {
  switch (field) {
    case 'dueDate':
      return value ? { dueDate: value } : {};
    case 'expectedLevel':
      return { expectedLevel: value === '' ? null : (Number(value) as 1 | 2 | 3 | 4) };
    case 'priority':
      return { priority: value as Action['priority'] };
    case 'status':
      return { status: value as Action['status'] };
    default:
      return { [field]: value };
  }
}

/** A patch's fields as a form shows them (the inverse of fieldPatch), for a draft recovered at start. */
export function draftFields(patch: ActionPatch): Partial<ActionDraft> {
  const fields: Partial<ActionDraft> = {};
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    fields[key as keyof ActionDraft] = (key === 'expectedLevel' ? (value === null ? '' : String(value)) : value) as never;
  }
  return fields;
}
