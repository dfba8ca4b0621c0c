/** Assessments: create, rename, carry over into a re-assessment, archive and delete (with all they hold). */
import { z } from 'zod';
import type { Assessment, MaturityLevel } from '../../../core/workbook/model';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, newId, nowIso } from '../mutate';

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'dates must be written YYYY-MM-DD');

const assessmentInput = z
  .object({
    name: z.string().trim().min(1, 'a name is required').max(200, 'the name is too long'),
    siteId: z.string().min(1, 'choose a site'),
    catalogueId: z.string().min(1),
    catalogueVersion: z.string().min(1),
    periodStart: date,
    periodEnd: date,
    scope: z.array(z.string().min(1)).min(1, 'choose at least one program element'),
    defaultTargetLevel: z.number().int().min(1, 'the default target must be ML1 to ML4').max(4, 'the default target must be ML1 to ML4'),
  })
  .refine((a) => a.periodStart <= a.periodEnd, 'the period must end after it starts');

export type AssessmentInput = z.input<typeof assessmentInput>;

function parseInput(input: unknown): z.output<typeof assessmentInput> {
  const result = assessmentInput.safeParse(input);
  if (!result.success) throw new WorkbookError(`The assessment was not saved: ${result.error.issues[0]!.message}.`, 'invalid');
  return result.data;
}

async function requireAssessment(db: WorkbookDb, id: string): Promise<Assessment> {
  const found = await db.assessments.get(id);
  if (!found) throw new WorkbookError('That assessment no longer exists.', 'not-found');
  return found;
}

export async function createAssessment(db: WorkbookDb, input: AssessmentInput): Promise<Assessment> {
  const data = parseInput(input);
  return mutate(db, async (m) => {
    if (!(await db.sites.get(data.siteId))) throw new WorkbookError('The assessment was not saved: its site does not exist.', 'invalid');
    const at = nowIso();
    const assessment: Assessment = {
      id: newId(),
      ...data,
      defaultTargetLevel: data.defaultTargetLevel as MaturityLevel,
      status: 'draft',
      archived: false,
      createdAt: at,
      updatedAt: at,
    };
    await db.assessments.add(assessment);
    m.log('assessment', assessment.id, { op: 'create', after: assessment });
    return assessment;
  });
}

export async function updateAssessment(
  db: WorkbookDb,
  id: string,
  patch: Partial<
    Pick<Assessment, 'name' | 'periodStart' | 'periodEnd' | 'scope' | 'defaultTargetLevel' | 'status' | 'archived' | 'signOff'>
  >,
): Promise<Assessment> {
  return mutate(db, async (m) => {
    const before = await requireAssessment(db, id);
    const after: Assessment = { ...before, ...patch, updatedAt: nowIso() };
    parseInput(after);
    await db.assessments.put(after);
    m.log('assessment', id, { op: 'update', before, after });
    return after;
  });
}

export const renameAssessment = (db: WorkbookDb, id: string, name: string) => updateAssessment(db, id, { name });
export const archiveAssessment = (db: WorkbookDb, id: string, archived = true) => updateAssessment(db, id, { archived });

export async function listAssessments(db: WorkbookDb, options: { includeArchived?: boolean } = {}): Promise<Assessment[]> {
  const all = await db.assessments.orderBy('updatedAt').reverse().toArray();
  return options.includeArchived ? all : all.filter((a) => !a.archived);
}

/** Deletes the assessment with its responses, evidence links and actions; evidence records stay. */
export async function deleteAssessment(db: WorkbookDb, id: string): Promise<{ responses: number; links: number; actions: number }> {
  return mutate(db, async (m) => {
    const before = await requireAssessment(db, id);
    const responses = await db.responses.where('assessmentId').equals(id).delete();
    const links = await db.links.where('assessmentId').equals(id).delete();
    const actions = await db.actions.where('assessmentId').equals(id).delete();
    await db.assessments.delete(id);
    m.log('assessment', id, { op: 'delete', before, after: { removed: { responses, links, actions } } });
    return { responses, links, actions };
  });
}

/**
 * A re-assessment: a new assessment that starts from this one's answers and evidence links, each
 * response marked as carried over so the assessor knows to confirm it.
 */
export async function duplicateAssessment(
  db: WorkbookDb,
  id: string,
  input: { name: string; periodStart: string; periodEnd: string },
): Promise<Assessment> {
  return mutate(db, async (m) => {
    const source = await requireAssessment(db, id);
    const at = nowIso();
    const copy: Assessment = {
      ...source,
      ...input,
      id: newId(),
      status: 'draft',
      archived: false,
      carriedFrom: source.id,
      createdAt: at,
      updatedAt: at,
    };
    delete copy.signOff;
    parseInput(copy);
    await db.assessments.add(copy);
    const responses = await db.responses.where('assessmentId').equals(id).toArray();
    await db.responses.bulkAdd(
      responses.map((r) => ({ ...r, assessmentId: copy.id, carriedOver: true, reviewStatus: 'none', reviewComment: '' })),
    );
    const links = await db.links.where('assessmentId').equals(id).toArray();
    await db.links.bulkAdd(links.map((l) => ({ ...l, assessmentId: copy.id, createdAt: at })));
    m.log('assessment', copy.id, { op: 'create', after: { ...copy, carried: { responses: responses.length, links: links.length } } });
    return copy;
  });
}
