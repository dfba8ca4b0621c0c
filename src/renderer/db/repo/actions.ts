/** Remediation actions attached to a requirement's response. */
import type { z } from 'zod';
import { actionPatch, newAction } from '../../../core/records/inputs';
import type { Action } from '../../../core/records/model';
import { actionSchema } from '../../../core/records/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, newId, nowIso } from '../mutate';
import { named, parseOrRefuse } from './validation';

export type ActionInput = z.input<typeof newAction>;
export type ActionPatch = z.input<typeof actionPatch>;

const ACTION = { what: 'action' };

export const NEXT_ACTION_NUMBER = 'nextActionNumber' as const;

/**
 * The next action number, taken in the write that adds the action. Numbers only move forward, so an
 * ACT ID is never given twice, even after deletion. The stored actions are read too: a workbook restored
 * from a bundle brings its actions' numbers without this counter, and actions from a bundle made before
 * numbering have none; those are shown numbered after the highest (withActionNumbers), so new numbers
 * start past every number they could be shown with.
 */
export async function allocateActionNumber(db: WorkbookDb): Promise<number> {
  const counter = Number((await db.meta.get(NEXT_ACTION_NUMBER))?.value ?? 1);
  const highest = (await db.actions.orderBy('number').last())?.number ?? 0;
  const unnumbered = (await db.actions.count()) - (await db.actions.where('number').above(0).count());
  const next = Math.max(counter, highest + unnumbered + 1);
  await db.meta.put({ key: NEXT_ACTION_NUMBER, value: next + 1 });
  return next;
}

export async function addAction(db: WorkbookDb, assessmentId: string, requirementId: string, input: ActionInput): Promise<Action> {
  const data = named(parseOrRefuse(newAction, input, ACTION));
  return mutate(db, async (m) => {
    if (!(await db.assessments.get(assessmentId))) throw new WorkbookError('That assessment no longer exists.', 'not-found');
    const at = nowIso();
    const number = await allocateActionNumber(db);
    const record = { id: newId(), number, assessmentId, requirementId, ...data, createdAt: at, updatedAt: at };
    const action = parseOrRefuse(actionSchema, record, ACTION);
    await db.actions.add(action);
    m.log('action', action.id, { op: 'create', after: action });
    return action;
  });
}

export async function updateAction(db: WorkbookDb, id: string, patch: ActionPatch): Promise<Action> {
  const data = named(parseOrRefuse(actionPatch, patch, ACTION));
  return mutate(db, async (m) => {
    const before = await db.actions.get(id);
    if (!before) throw new WorkbookError('That action no longer exists.', 'not-found');
    if (Object.keys(data).length === 0) return before;
    const { expectedLevel, ...fields } = data;
    const next: Action = { ...before, ...fields, updatedAt: nowIso() };
    // null takes the level away; undefined (not named) leaves it as it was.
    if (expectedLevel === null) delete next.expectedLevel;
    else if (expectedLevel !== undefined) next.expectedLevel = expectedLevel;
    const after = parseOrRefuse(actionSchema, next, ACTION);
    await db.actions.put(after);
    m.log('action', id, { op: 'update', before, after });
    return after;
  });
}

export async function deleteAction(db: WorkbookDb, id: string): Promise<Action | undefined> {
  return mutate(db, async (m) => {
    const before = await db.actions.get(id);
    if (!before) return undefined;
    await db.actions.delete(id);
    m.log('action', id, { op: 'delete', before });
    return before;
  });
}

/** One action as stored, or undefined when there is none with that ID. */
export async function storedAction(db: WorkbookDb, id: string): Promise<Action | undefined> {
  return db.actions.get(id);
}

export async function listActions(db: WorkbookDb, assessmentId: string): Promise<Action[]> {
  return db.actions.where('assessmentId').equals(assessmentId).toArray();
}

/** Open or in-progress actions whose due date has passed, oldest first. */
export async function overdueActions(db: WorkbookDb, today: string): Promise<Action[]> {
  const due = await Promise.all(
    (['open', 'in-progress'] as const).map((status) =>
      db.actions.where('[status+dueDate]').between([status, '0000-00-00'], [status, today], true, false).toArray(),
    ),
  );
  return due.flat().sort((a, b) => a.dueDate!.localeCompare(b.dueDate!));
}

/** Puts back an action that was just deleted (the Undo of a deletion), with its original ID. */
export async function restoreAction(db: WorkbookDb, action: Action): Promise<void> {
  const record = parseOrRefuse(actionSchema, action, ACTION);
  await mutate(db, async (m) => {
    if (await db.actions.get(record.id)) return;
    await db.actions.add(record);
    m.log('action', record.id, { op: 'create', after: record });
  });
}
