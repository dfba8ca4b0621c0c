/**
 * Setting the target, or the applicability, of every answer of an element or SPE at once, and undoing
 * it. Each is one transaction through mutate(): all the answers change or none, each change logged.
 * Only the named fields change; answers not saved yet are created as the single-answer path creates them.
 */
import { z } from 'zod';
import { requirementId as requirementIdSchema } from '../../../core/records/fields';
import { responsePatch } from '../../../core/records/inputs';
import type { Response } from '../../../core/records/model';
import { responseSchema } from '../../../core/records/schema';
import {
  BULK_MAX_REQUIREMENTS,
  bulkFields,
  planBulkEdit,
  sameAnswer,
  type BulkChange,
  type BulkField,
  type BulkPlan,
} from '../../../core/workspace/bulkEdit';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, nowIso } from '../mutate';
import { emptyResponse } from './responses';
import { parseOrRefuse } from './validation';

const ANSWERS = { what: 'change', record: 'answer' };

/** What Undo needs: each answer as it was before (null: the bulk change created it) and as it was left. */
export interface BulkEditDone {
  assessmentId: string;
  change: BulkChange;
  fields: BulkField[];
  answers: { requirementId: string; before: Response | null; after: Response }[];
  plan: BulkPlan;
}

const targetChoice = z.union([z.literal([1, 2, 3, 4]), z.null()], { error: 'the target is ML1 to ML4 or the assessment’s default' });

/** The change as the caller asked for it, checked and bounded before anything is read or written. */
function checkedChange(change: BulkChange): BulkChange {
  if (change.kind === 'target') return { kind: 'target', targetLevel: parseOrRefuse(targetChoice, change.targetLevel, ANSWERS) };
  if (change.kind === 'applicable') return { kind: 'applicable' };
  if (change.kind !== 'not-applicable') throw new WorkbookError('The change was not saved: it is not one the workbook knows.', 'invalid');
  const { justification } = parseOrRefuse(responsePatch, { justification: change.justification }, ANSWERS);
  if (!justification?.trim()) {
    throw new WorkbookError('The change was not saved: a justification is required to mark requirements not applicable.', 'invalid');
  }
  return { kind: 'not-applicable', justification };
}

function checkedIds(requirementIds: readonly string[]): string[] {
  if (requirementIds.length === 0) throw new WorkbookError('The change was not saved: no requirements were named.', 'invalid');
  if (requirementIds.length > BULK_MAX_REQUIREMENTS) {
    throw new WorkbookError(`The change was not saved: it names more than ${BULK_MAX_REQUIREMENTS} requirements.`, 'invalid');
  }
  return requirementIds.map((id) => parseOrRefuse(requirementIdSchema, id, ANSWERS));
}

const pick = (record: Response, fields: readonly BulkField[]) => Object.fromEntries(fields.map((f) => [f, record[f]]));

async function actorId(db: WorkbookDb): Promise<string> {
  const value = (await db.settings.get('actorId'))?.value;
  return typeof value === 'string' ? value : '';
}

/**
 * Applies one change to the answers of the named requirements. Answers that already hold the value are
 * left as they are (planBulkEdit); refused as a whole on a signed-off assessment or in a review copy.
 */
export async function applyBulkEdit(
  db: WorkbookDb,
  assessmentId: string,
  requirementIds: readonly string[],
  requested: BulkChange,
): Promise<BulkEditDone> {
  const change = checkedChange(requested);
  const ids = checkedIds(requirementIds);
  const named = bulkFields(change);
  const fields = Object.keys(named) as BulkField[];
  return mutate(db, async (m) => {
    if (!(await db.assessments.get(assessmentId))) throw new WorkbookError('That assessment no longer exists.', 'not-found');
    const stored = await db.responses.bulkGet(ids.map((id): [string, string] => [assessmentId, id]));
    const current = new Map(stored.filter((r): r is Response => r !== undefined).map((r) => [r.requirementId, r]));
    const plan = planBulkEdit(ids, current, change);
    const updatedBy = await actorId(db);
    const updatedAt = nowIso();
    const answers: BulkEditDone['answers'] = [];
    for (const requirementId of plan.changes) {
      const before = current.get(requirementId);
      const after = parseOrRefuse(
        responseSchema,
        { ...(before ?? emptyResponse(assessmentId, requirementId)), ...named, updatedAt, updatedBy },
        ANSWERS,
      );
      await db.responses.put(after);
      m.log('response', `${assessmentId}|${requirementId}`, {
        op: before ? 'update' : 'create',
        before: before && pick(before, fields),
        after: named,
      });
      answers.push({ requirementId, before: before ?? null, after });
    }
    return { assessmentId, change, fields, answers, plan };
  });
}

/**
 * Puts back exactly what a bulk change replaced: the named fields of the answers it changed, and
 * removes the answers it created. Refused, writing nothing, if any of them was changed since.
 */
export async function undoBulkEdit(db: WorkbookDb, done: BulkEditDone): Promise<void> {
  const { assessmentId, fields, answers } = done;
  await mutate(db, async (m) => {
    const stored = await db.responses.bulkGet(answers.map((a): [string, string] => [assessmentId, a.requirementId]));
    const changed = answers.filter((a, i) => !stored[i] || !sameAnswer(stored[i], a.after)).map((a) => a.requirementId);
    if (changed.length > 0) {
      const which = changed.length > 3 ? `${changed.slice(0, 3).join(', ')} and ${changed.length - 3} more` : changed.join(', ');
      throw new WorkbookError(
        `Undo was refused: ${which} changed after the change to all of them, and undoing it would overwrite that. Nothing was changed.`,
        'conflict',
      );
    }
    const updatedBy = await actorId(db);
    const updatedAt = nowIso();
    for (const [i, { requirementId, before }] of answers.entries()) {
      const now = stored[i]!;
      const key = `${assessmentId}|${requirementId}`;
      if (!before) {
        // The bulk change created it: without it the requirement reads as it did, not answered.
        await db.responses.delete([assessmentId, requirementId]);
        m.log('response', key, { op: 'delete', before: now });
        continue;
      }
      const restored = pick(before, fields);
      await db.responses.put({ ...now, ...restored, updatedAt, updatedBy });
      m.log('response', key, { op: 'update', before: pick(now, fields), after: restored });
    }
  });
}
