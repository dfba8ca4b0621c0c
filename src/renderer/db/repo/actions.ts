/** Remediation actions attached to a requirement's response. */
import { z } from 'zod';
import type { Action } from '../../../core/workbook/model';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, newId, nowIso } from '../mutate';

const actionFields = z.object({
  description: z.string().trim().min(1, 'describe the action').max(5_000, 'the description is too long'),
  owner: z.string().trim().max(200),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'the due date must be written YYYY-MM-DD')
    .optional(),
  priority: z.enum(['low', 'medium', 'high', 'critical']),
  status: z.enum(['open', 'in-progress', 'done', 'cancelled']),
});

// Defaults belong to creation only: zod 4's .partial() still fills in .default() values, so an
// update built from a schema with defaults would overwrite fields its caller never named.
const newAction = actionFields.extend({
  owner: actionFields.shape.owner.default(''),
  priority: actionFields.shape.priority.default('medium'),
  status: actionFields.shape.status.default('open'),
});
const actionPatch = actionFields.partial().strict();

export type ActionInput = z.input<typeof newAction>;
export type ActionPatch = z.input<typeof actionPatch>;

function refused(issue: z.core.$ZodIssue): WorkbookError {
  const reason =
    issue.code === 'unrecognized_keys' ? `there is no action field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return new WorkbookError(`The action was not saved: ${reason}.`, 'invalid');
}

function parseNew(input: unknown) {
  const result = newAction.safeParse(input);
  if (!result.success) throw refused(result.error.issues[0]!);
  return result.data;
}

/** The fields a patch names; a key whose value is undefined is not named, so it never blanks a stored value. */
function parsePatch(patch: unknown): Partial<z.output<typeof actionFields>> {
  const result = actionPatch.safeParse(patch);
  if (!result.success) throw refused(result.error.issues[0]!);
  return Object.fromEntries(Object.entries(result.data).filter(([, value]) => value !== undefined));
}

export async function addAction(db: WorkbookDb, assessmentId: string, requirementId: string, input: ActionInput): Promise<Action> {
  const data = parseNew(input);
  return mutate(db, async (m) => {
    if (!(await db.assessments.get(assessmentId))) throw new WorkbookError('That assessment no longer exists.', 'not-found');
    const at = nowIso();
    const action: Action = { id: newId(), assessmentId, requirementId, ...data, createdAt: at, updatedAt: at };
    await db.actions.add(action);
    m.log('action', action.id, { op: 'create', after: action });
    return action;
  });
}

export async function updateAction(db: WorkbookDb, id: string, patch: ActionPatch): Promise<Action> {
  const data = parsePatch(patch);
  return mutate(db, async (m) => {
    const before = await db.actions.get(id);
    if (!before) throw new WorkbookError('That action no longer exists.', 'not-found');
    if (Object.keys(data).length === 0) return before;
    const after: Action = { ...before, ...data, updatedAt: nowIso() };
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
  await mutate(db, async (m) => {
    if (await db.actions.get(action.id)) return;
    await db.actions.add(action);
    m.log('action', action.id, { op: 'create', after: action });
  });
}
