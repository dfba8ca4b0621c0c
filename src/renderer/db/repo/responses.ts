/** Responses: one per assessment × requirement, created on first save, saved field by field (autosave). */
import type { z } from 'zod';
import { applyFindingOverride } from '../../../core/findings/override';
import { applyCompensating } from '../../../core/records/compensating';
import { responsePatch } from '../../../core/records/inputs';
import type { Response } from '../../../core/records/model';
import { responseSchema } from '../../../core/records/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, nowIso } from '../mutate';
import { named, parseOrRefuse } from './validation';

export type ResponsePatch = z.input<typeof responsePatch>;

const ANSWER = { what: 'answer' };

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

/** The stored answer, or undefined when none was saved yet. */
export function storedResponse(db: WorkbookDb, assessmentId: string, requirementId: string): Promise<Response | undefined> {
  return db.responses.get([assessmentId, requirementId]);
}

export async function listResponses(db: WorkbookDb, assessmentId: string): Promise<Response[]> {
  return db.responses.where('assessmentId').equals(assessmentId).toArray();
}

export async function saveResponse(db: WorkbookDb, assessmentId: string, requirementId: string, patch: ResponsePatch): Promise<Response> {
  const changes = named(parseOrRefuse(responsePatch, patch, ANSWER));
  return mutate(db, async (m) => {
    if (!(await db.assessments.get(assessmentId))) throw new WorkbookError('That assessment no longer exists.', 'not-found');
    const before = await db.responses.get([assessmentId, requirementId]);
    const actorId = (await db.settings.get('actorId'))?.value;
    const { compensating: compensatingChange, finding: findingChange, ...fields } = changes;
    const { compensating: stored, finding: storedFinding, ...rest } = before ?? emptyResponse(assessmentId, requirementId);
    // A countermeasure changes field by field too; the log shows it whole, and null once removed.
    const compensating = applyCompensating(stored, compensatingChange);
    const countermeasureNamed = compensatingChange !== undefined;
    // So does the assessor's wording of the finding.
    const finding = applyFindingOverride(storedFinding, findingChange);
    const findingNamed = findingChange !== undefined;
    const after = parseOrRefuse(
      responseSchema,
      {
        ...rest,
        ...fields,
        ...(compensating ? { compensating } : {}),
        ...(finding ? { finding } : {}),
        // Editing a carried-over answer confirms it for this assessment.
        carriedOver: changes.carriedOver ?? false,
        updatedAt: nowIso(),
        updatedBy: typeof actorId === 'string' ? actorId : '',
      },
      ANSWER,
    );
    await db.responses.put(after);
    m.log('response', `${assessmentId}|${requirementId}`, {
      op: before ? 'update' : 'create',
      before: before && {
        ...pick(before, fields),
        ...(countermeasureNamed ? { compensating: stored ?? null } : {}),
        ...(findingNamed ? { finding: storedFinding ?? null } : {}),
      },
      after: {
        ...fields,
        ...(countermeasureNamed ? { compensating: compensating ?? null } : {}),
        ...(findingNamed ? { finding: finding ?? null } : {}),
      },
    });
    return after;
  });
}

/** The fields of a record that a patch touches, so the log shows before and after side by side. */
function pick(record: Response, patch: object): Partial<Response> {
  return Object.fromEntries(Object.keys(patch).map((k) => [k, record[k as keyof Response]]));
}
