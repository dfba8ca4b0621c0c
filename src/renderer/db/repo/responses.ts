/** Responses: one per assessment × requirement, created on first save, saved field by field (autosave). */
import { z } from 'zod';
import type { Response } from '../../../core/workbook/model';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, nowIso } from '../mutate';

const level = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

const responsePatch = z
  .object({
    applicable: z.boolean(),
    justification: z.string().max(10_000),
    targetLevel: level.nullable(),
    achievedLevel: level.nullable(),
    narrative: z.string().max(100_000),
    gaps: z.string().max(50_000),
    reviewStatus: z.enum(['none', 'flagged', 'reviewed']),
    reviewComment: z.string().max(20_000),
    carriedOver: z.boolean(),
  })
  .partial()
  .strict();

export type ResponsePatch = z.input<typeof responsePatch>;

export function emptyResponse(assessmentId: string, requirementId: string): Response {
  return {
    assessmentId,
    requirementId,
    applicable: true,
    justification: '',
    targetLevel: null,
    achievedLevel: null,
    narrative: '',
    gaps: '',
    reviewStatus: 'none',
    reviewComment: '',
    carriedOver: false,
    updatedAt: '',
    updatedBy: '',
  };
}

export async function getResponse(db: WorkbookDb, assessmentId: string, requirementId: string): Promise<Response> {
  return (await db.responses.get([assessmentId, requirementId])) ?? emptyResponse(assessmentId, requirementId);
}

export async function listResponses(db: WorkbookDb, assessmentId: string): Promise<Response[]> {
  return db.responses.where('assessmentId').equals(assessmentId).toArray();
}

export async function saveResponse(db: WorkbookDb, assessmentId: string, requirementId: string, patch: ResponsePatch): Promise<Response> {
  const parsed = responsePatch.safeParse(patch);
  if (!parsed.success) throw new WorkbookError(`The answer was not saved: ${parsed.error.issues[0]!.message}.`, 'invalid');
  // A key present with the value undefined is not named: it must never blank what is stored.
  const named = Object.fromEntries(Object.entries(parsed.data).filter(([, value]) => value !== undefined)) as typeof parsed.data;
  return mutate(db, async (m) => {
    if (!(await db.assessments.get(assessmentId))) throw new WorkbookError('That assessment no longer exists.', 'not-found');
    const before = await db.responses.get([assessmentId, requirementId]);
    const actorId = (await db.settings.get('actorId'))?.value;
    const after: Response = {
      ...(before ?? emptyResponse(assessmentId, requirementId)),
      ...named,
      // Editing a carried-over answer confirms it for this assessment.
      carriedOver: named.carriedOver ?? false,
      updatedAt: nowIso(),
      updatedBy: typeof actorId === 'string' ? actorId : '',
    };
    await db.responses.put(after);
    m.log('response', `${assessmentId}|${requirementId}`, {
      op: before ? 'update' : 'create',
      before: before && pick(before, named),
      after: named,
    });
    return after;
  });
}

/** The fields of a record that a patch touches, so the log shows before and after side by side. */
function pick(record: Response, patch: object): Partial<Response> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, record[k as keyof Response]]));
}
