/** Assessments: create, rename, carry over into a re-assessment, archive and delete (with all they hold). */
import type { z } from 'zod';
import { carriedConduct } from '../../../core/records/conduct';
import { assessmentPatch, newAssessment, reassessment } from '../../../core/records/inputs';
import { SIGNATORY_LABELS, type SignatoryRole } from '../../../core/records/lifecycle';
import type { Assessment, AssessmentStatus, Response, SignOff } from '../../../core/records/model';
import { assessmentSchema, SIGNATORY_ROLES } from '../../../core/records/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { logHead } from '../integrity';
import { mutate, newId, nowIso } from '../mutate';
import { named, parseOrRefuse } from './validation';

export type AssessmentInput = z.input<typeof newAssessment>;
export type AssessmentPatch = z.input<typeof assessmentPatch>;

// Status and sign-off are fields, but not ones a patch may name.
const ASSESSMENT = { what: 'assessment', unknownKey: (keys: string) => `${keys} cannot be changed this way` };

/** The whole record as it will be stored, checked before it is written. */
const checked = (record: Assessment): Assessment => parseOrRefuse(assessmentSchema, record, ASSESSMENT);

async function requireAssessment(db: WorkbookDb, id: string): Promise<Assessment> {
  const found = await db.assessments.get(id);
  if (!found) throw new WorkbookError('That assessment no longer exists.', 'not-found');
  return found;
}

export async function createAssessment(db: WorkbookDb, input: AssessmentInput): Promise<Assessment> {
  const data = parseOrRefuse(newAssessment, input, ASSESSMENT);
  return mutate(db, async (m) => {
    if (!(await db.sites.get(data.siteId))) throw new WorkbookError('The assessment was not saved: its site does not exist.', 'invalid');
    const at = nowIso();
    const assessment = checked({ id: newId(), ...data, status: 'draft', archived: false, createdAt: at, updatedAt: at });
    await db.assessments.add(assessment);
    m.log('assessment', assessment.id, { op: 'create', after: assessment });
    return assessment;
  });
}

/** Changes the fields named; status and sign-off change only through the lifecycle functions below. */
export async function updateAssessment(db: WorkbookDb, id: string, patch: AssessmentPatch): Promise<Assessment> {
  const data = named(parseOrRefuse(assessmentPatch, patch, ASSESSMENT));
  return mutate(db, async (m) => {
    const before = await requireAssessment(db, id);
    const after = checked({ ...before, ...data, updatedAt: nowIso() });
    await db.assessments.put(after);
    m.log('assessment', id, { op: 'update', before, after });
    return after;
  });
}

/**
 * A sign-off naming who signs in which role, each chosen from the workbook's people; the names are
 * taken from the people records, and the approver is the one the sign-off is by.
 */
export interface RoleSignOff {
  signatories: { role: SignatoryRole; personId: string }[];
  at: string;
  note: string;
}

/** A sign-off as recorded before roles were added: one person and the role they gave. */
export type SinglePersonSignOff = Omit<SignOff, 'signatories' | 'logHead'>;

const NOT_SIGNED = 'The assessment was not signed off';

/** The sign-off record with each signatory's name read from People, inside the write. */
async function withSignatories(db: WorkbookDb, input: RoleSignOff): Promise<SignOff> {
  if (!Array.isArray(input.signatories)) throw new WorkbookError(`${NOT_SIGNED}: say who signs in which role.`, 'invalid');
  const signatories = [];
  // One more than allowed is enough for the record's check to refuse too many.
  for (const s of input.signatories.slice(0, SIGNATORY_ROLES.length + 1)) {
    const person = typeof s?.personId === 'string' && s.personId ? await db.people.get(s.personId) : undefined;
    if (!person) {
      throw new WorkbookError(
        `${NOT_SIGNED}: someone chosen to sign is not in the workbook's list of people. Choose people listed under Settings → People.`,
        'invalid',
      );
    }
    signatories.push({ role: s.role, personId: person.id, name: person.name });
  }
  const approver = signatories.find((s) => s.role === 'approver');
  if (!approver) throw new WorkbookError(`${NOT_SIGNED}: the approver must be named.`, 'invalid');
  return { by: approver.name, role: SIGNATORY_LABELS.approver, at: input.at, note: input.note, signatories };
}

/**
 * Moves an assessment along its lifecycle (rules in core/records/lifecycle, enforced again in the
 * write path): to review, back to draft, signed off (with the sign-off record, which locks it), or
 * reopened from signed off (with a reason, which goes into the change log). A sign-off records the
 * change log's length and head hash as read in this same write: the log the signatories signed.
 */
export async function setAssessmentStatus(
  db: WorkbookDb,
  id: string,
  status: AssessmentStatus,
  details: { signOff?: RoleSignOff | SinglePersonSignOff; reason?: string } = {},
): Promise<Assessment> {
  return mutate(db, async (m) => {
    const before = await requireAssessment(db, id);
    const changed: Assessment = { ...before, status, updatedAt: nowIso() };
    if (status === 'signed-off' && details.signOff) {
      const given = details.signOff;
      const signOff: SignOff =
        'signatories' in given ? await withSignatories(db, given) : { by: given.by, role: given.role, at: given.at, note: given.note };
      const head = await logHead(db);
      changed.signOff = head.count > 0 ? { ...signOff, logHead: { count: head.count, hash: head.head } } : signOff;
    }
    if (status !== 'signed-off') delete changed.signOff;
    const after = checked(changed);
    await db.assessments.put(after);
    m.log('assessment', id, { op: 'update', before, after, ...(details.reason?.trim() ? { reason: details.reason.trim() } : {}) });
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
    // Each removed record has its own log entry, so the log still accounts for every record.
    const responses = await db.responses.where('assessmentId').equals(id).toArray();
    const links = await db.links.where('assessmentId').equals(id).toArray();
    const actions = await db.actions.where('assessmentId').equals(id).toArray();
    await db.responses.where('assessmentId').equals(id).delete();
    await db.links.where('assessmentId').equals(id).delete();
    await db.actions.where('assessmentId').equals(id).delete();
    // Reviews of it go too: a review of an assessment that is gone has nothing to stand beside.
    const reviews = await db.reviews.where('assessmentId').equals(id).toArray();
    await db.reviews.where('assessmentId').equals(id).delete();
    for (const r of reviews) m.log('review', r.id, { op: 'delete', before: r });
    await db.assessments.delete(id);
    for (const r of responses) m.log('response', `${r.assessmentId}|${r.requirementId}`, { op: 'delete', before: r });
    for (const l of links) m.log('link', `${l.evidenceId}|${l.assessmentId}|${l.requirementId}`, { op: 'delete', before: l });
    for (const a of actions) m.log('action', a.id, { op: 'delete', before: a });
    const removed = { responses: responses.length, links: links.length, actions: actions.length };
    m.log('assessment', id, { op: 'delete', before, after: { removed } });
    return removed;
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
  const own = named(parseOrRefuse(reassessment, input, ASSESSMENT));
  return mutate(db, async (m) => {
    const source = await requireAssessment(db, id);
    const at = nowIso();
    const { signOff: _signOff, conduct, ...carried } = source;
    const system = carriedConduct(conduct);
    const copy = checked({
      ...carried,
      ...(system ? { conduct: system } : {}),
      ...own,
      id: newId(),
      status: 'draft',
      archived: false,
      carriedFrom: source.id,
      createdAt: at,
      updatedAt: at,
    });
    await db.assessments.add(copy);
    const responses = (await db.responses.where('assessmentId').equals(id).toArray()).map((r): Response => ({
      ...r,
      assessmentId: copy.id,
      carriedOver: true,
      reviewStatus: 'none',
      reviewComment: '',
    }));
    await db.responses.bulkAdd(responses);
    const links = (await db.links.where('assessmentId').equals(id).toArray()).map((l) => ({ ...l, assessmentId: copy.id, createdAt: at }));
    await db.links.bulkAdd(links);
    m.log('assessment', copy.id, { op: 'create', after: { ...copy, carried: { responses: responses.length, links: links.length } } });
    for (const r of responses) m.log('response', `${r.assessmentId}|${r.requirementId}`, { op: 'create', after: r });
    for (const l of links) m.log('link', `${l.evidenceId}|${l.assessmentId}|${l.requirementId}`, { op: 'create', after: l });
    return copy;
  });
}
