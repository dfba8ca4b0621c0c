/**
 * The conduct and scope of an assessment, saved field by field as it is typed. Referenced evidence is
 * checked here, not in the schema: whether EV-0006 exists depends on the workbook, not on the record.
 */
import type { z } from 'zod';
import { applyConduct, conductPatch } from '../../../core/records/conduct';
import type { Assessment } from '../../../core/records/model';
import { assessmentSchema } from '../../../core/records/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, nowIso } from '../mutate';
import { named, parseOrRefuse } from './validation';

export type ConductChange = z.input<typeof conductPatch>;

const CONDUCT = { what: 'record of conduct and scope', record: 'conduct' };

/**
 * Changes the fields of the conduct the change names (a list is replaced whole; a fieldwork date given
 * as null is removed) and nothing else of the assessment. Refused, with nothing written, when the
 * assessment is signed off, in a review copy (both in mutate), or an evidence ID is not in the workbook.
 */
export async function updateConduct(db: WorkbookDb, assessmentId: string, change: ConductChange): Promise<Assessment> {
  const fields = named(parseOrRefuse(conductPatch, change, CONDUCT));
  return mutate(db, async (m) => {
    const before = await db.assessments.get(assessmentId);
    if (!before) throw new WorkbookError('That assessment no longer exists.', 'not-found');
    for (const id of fields.evidenceIds ?? []) {
      if (!(await db.evidence.get(id))) {
        throw new WorkbookError(`The record of conduct and scope was not saved: ${id} is not in this workbook's evidence.`, 'invalid');
      }
    }
    const conduct = applyConduct(before.conduct, fields);
    const after = parseOrRefuse(assessmentSchema, { ...before, conduct, updatedAt: nowIso() }, CONDUCT);
    await db.assessments.put(after);
    // The whole record before and after, as every assessment change: the lifecycle check reads the status from it.
    m.log('assessment', assessmentId, { op: 'update', before, after });
    return after;
  });
}
