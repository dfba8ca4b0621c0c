/**
 * One schema per workbook record: what the database stores, what a snapshot or bundle carries and what
 * an import accepts. Unknown keys are refused. The record types (model.ts) are inferred from these.
 */
import { z } from 'zod';
import { OVERLAY_LIMITS } from '../catalogue/overlay';
import { conductSchema } from './conduct';
import {
  asTyped,
  calendarDate,
  classification,
  evidenceId,
  filled,
  identifier,
  isoDateTime,
  maturityLevel,
  RECORD_LIMITS as LIMITS,
  recordId,
  requirementId,
  sha256,
  trimmed,
} from './fields';

const name = filled(LIMITS.name, 'the name', 'a name is required');

export const organizationSchema = z.strictObject({
  id: z.literal('organization'),
  name,
  /** Classification marking printed on exports, e.g. TLP:AMBER. */
  classification,
});

export const siteSchema = z.strictObject({
  id: recordId,
  name,
  location: trimmed(LIMITS.siteLocation, 'the location'),
  createdAt: isoDateTime,
});

export const personSchema = z.strictObject({
  id: recordId,
  name,
  role: trimmed(LIMITS.role, 'the role'),
  email: trimmed(LIMITS.email, 'the email address'),
  createdAt: isoDateTime,
});

export const assessmentStatusSchema = z.enum(['draft', 'in-review', 'signed-off'], {
  error: 'an assessment is a draft, in review or signed off',
});

/** The capacities in which people sign an assessment off, in the order they sign. */
export const SIGNATORY_ROLES = ['preparer', 'reviewer', 'approver'] as const;

export const signatorySchema = z.strictObject({
  role: z.enum(SIGNATORY_ROLES, { error: 'a signatory signs as preparer, reviewer or approver' }),
  /** The person in the workbook's list of people; the name is kept as it was when they signed. */
  personId: recordId,
  name: filled(LIMITS.name, 'the signatory’s name', 'each signatory needs a name'),
});

/**
 * `by`, `role`, `at` and `note` are the approver's sign-off, as sign-offs have always been recorded.
 * Sign-offs made since roles were added also name every signatory with their role, and the change
 * log's length and head hash as they stood when it was signed (read in the same write).
 */
export const signOffSchema = z
  .strictObject({
    by: filled(LIMITS.name, 'the name', 'say who signs off'),
    role: filled(LIMITS.role, 'the role', 'say in which role they sign'),
    at: calendarDate('the sign-off date must be written YYYY-MM-DD'),
    note: trimmed(LIMITS.signOffNote, 'the statement'),
    signatories: z
      .array(signatorySchema)
      .min(1, 'the approver must be named')
      .max(SIGNATORY_ROLES.length, `a sign-off names at most ${SIGNATORY_ROLES.length} signatories, one per role`)
      .optional(),
    logHead: z
      .strictObject({
        count: z.int('the change-log count must be a whole number').min(1, 'the change-log count must be at least 1'),
        hash: sha256,
      })
      .optional(),
  })
  .superRefine((signOff, ctx) => {
    const roles = (signOff.signatories ?? []).map((s) => s.role);
    const twice = roles.find((role, i) => roles.indexOf(role) !== i);
    if (twice) ctx.addIssue({ code: 'custom', path: ['signatories'], message: `only one person can sign as ${twice}` });
    const approver = signOff.signatories?.find((s) => s.role === 'approver');
    if (signOff.signatories && !approver) ctx.addIssue({ code: 'custom', path: ['signatories'], message: 'the approver must be named' });
    if (approver && approver.name !== signOff.by) {
      ctx.addIssue({ code: 'custom', path: ['by'], message: 'the sign-off must be by the approver' });
    }
  });

const TARGET = 'the default target must be ML1 to ML4';

/** The assessment's fields; assessmentSchema adds the rule that joins two of them. */
export const assessmentFields = z.strictObject({
  id: recordId,
  name,
  siteId: identifier(LIMITS.id, 'the site ID', 'choose a site'),
  catalogueId: identifier(LIMITS.catalogueId, 'the catalogue ID'),
  catalogueVersion: identifier(LIMITS.catalogueVersion, 'the catalogue version'),
  periodStart: calendarDate(),
  periodEnd: calendarDate(),
  /** SPE IDs in scope; requirements outside are not assessed. */
  scope: z
    .array(identifier(LIMITS.speId, 'a program element ID'))
    .min(1, 'choose at least one program element')
    .max(LIMITS.scope, `the scope names more than ${LIMITS.scope} program elements`),
  // ML0 means "absent", so it is never a target; a form may hand in any number.
  defaultTargetLevel: z.number({ error: TARGET }).int(TARGET).min(1, TARGET).max(4, TARGET).pipe(maturityLevel),
  status: assessmentStatusSchema,
  archived: z.boolean(),
  /** The assessment this one was carried over from, if any. */
  carriedFrom: recordId.optional(),
  signOff: signOffSchema.optional(),
  /** System under consideration, how the assessment was conducted, its conclusion and the management statement. */
  conduct: conductSchema.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** Both ends are YYYY-MM-DD, so they compare as text. */
export const periodInOrder = <T extends z.ZodType<{ periodStart: string; periodEnd: string }>>(schema: T) =>
  schema.refine((a) => a.periodStart <= a.periodEnd, 'the period must end after it starts');

export const assessmentSchema = periodInOrder(assessmentFields);

export const reviewStatusSchema = z.enum(['none', 'flagged', 'reviewed'], { error: 'a review status is none, flagged or reviewed' });

/**
 * What the owner applies instead where a requirement cannot be met as written (often on a legacy
 * system): the measure, why the original cannot be met, the risk that remains and who accepted it.
 * Kept as typed, like the rest of the answer, because it is saved while being typed.
 */
export const compensatingSchema = z.strictObject({
  measure: asTyped(LIMITS.countermeasure, 'the countermeasure'),
  reason: asTyped(LIMITS.countermeasure, 'the reason it cannot be met as written'),
  residualRisk: asTyped(LIMITS.countermeasure, 'the residual risk'),
  /** A person's name as typed; the list of people is offered but not required. */
  acceptedBy: asTyped(LIMITS.name, 'the name of who accepted the risk'),
  acceptedOn: calendarDate('the acceptance date must be written YYYY-MM-DD').optional(),
});

export const FINDING_GRADES = ['major', 'minor', 'observation'] as const;
export const findingGradeSchema = z.enum(FINDING_GRADES, { error: 'a finding is major, minor or an observation' });

/**
 * The assessor's own wording of the finding on a requirement, where it differs from the one derived
 * (core/findings): only what was overridden is stored; the rest is worked out each time it is shown.
 * Kept as typed, like the rest of the answer; an empty text means "use the derived one".
 */
export const findingOverrideSchema = z.strictObject({
  grade: findingGradeSchema.optional(),
  risk: asTyped(LIMITS.findingText, 'the risk statement').optional(),
  recommendation: asTyped(LIMITS.findingText, 'the recommendation').optional(),
});

/** One per assessment × requirement. Its text is kept as typed: it is saved while being typed. */
export const responseSchema = z.strictObject({
  assessmentId: recordId,
  requirementId,
  applicable: z.boolean(),
  /** Required when not applicable. */
  justification: asTyped(LIMITS.justification, 'the justification'),
  /** null: the assessment's default target applies. */
  targetLevel: maturityLevel.nullable(),
  /** null: not assessed yet. */
  achievedLevel: maturityLevel.nullable(),
  narrative: asTyped(LIMITS.narrative, 'the narrative'),
  gaps: asTyped(LIMITS.gaps, 'the gaps text'),
  reviewStatus: reviewStatusSchema,
  reviewComment: asTyped(LIMITS.reviewComment, 'the review comment'),
  carriedOver: z.boolean(),
  updatedAt: isoDateTime,
  /** The actor's person ID in the database; a snapshot carries the name. */
  updatedBy: asTyped(LIMITS.name, 'the name of who changed it'),
  /** Only when one was recorded; answers saved before countermeasures existed have none. */
  compensating: compensatingSchema.optional(),
  /** Only when the assessor overrode part of the derived finding; answers saved before findings existed have none. */
  finding: findingOverrideSchema.optional(),
});

export const evidenceKindSchema = z.enum(['file', 'link', 'note'], { error: 'evidence is a file, a link or a note' });

export const evidenceSchema = z.strictObject({
  /** EV-0001: stable, never reused. */
  id: evidenceId,
  number: z.int().positive(),
  title: filled(LIMITS.title, 'the title', 'a title is required'),
  kind: evidenceKindSchema,
  /** file: the original name, size, media type and content hash. */
  fileName: asTyped(LIMITS.fileName, 'the file name').optional(),
  mediaType: asTyped(LIMITS.mediaType, 'the media type').optional(),
  size: z.int().min(0).optional(),
  sha256: sha256.optional(),
  /** link: where the document is held (a URL, a path, a document number); never fetched. */
  location: filled(LIMITS.documentLocation, 'the location', 'say where the document is held').optional(),
  /** note: the observation itself. */
  note: filled(LIMITS.note, 'the note', 'write the note').optional(),
  collectedOn: calendarDate().optional(),
  expiresOn: calendarDate().optional(),
  owner: trimmed(LIMITS.owner, 'the owner'),
  classification,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const evidenceLinkSchema = z.strictObject({
  evidenceId,
  assessmentId: recordId,
  requirementId,
  createdAt: isoDateTime,
});

export const actionPrioritySchema = z.enum(['low', 'medium', 'high', 'critical'], {
  error: 'the priority is low, medium, high or critical',
});
export const actionStatusSchema = z.enum(['open', 'in-progress', 'done', 'cancelled'], {
  error: 'an action is open, in progress, done or cancelled',
});

/** A remediation action on one requirement of an assessment. */
export const actionSchema = z.strictObject({
  id: recordId,
  /** ACT-0001 is shown from it: stable, never reused in the workbook. Actions from before numbering have none. */
  number: z.int('an action number is a whole number').positive('action numbers start at 1').optional(),
  assessmentId: recordId,
  requirementId,
  description: filled(LIMITS.description, 'the description', 'describe the action'),
  owner: trimmed(LIMITS.owner, 'the owner'),
  dueDate: calendarDate('the due date must be written YYYY-MM-DD').optional(),
  priority: actionPrioritySchema,
  status: actionStatusSchema,
  /** The level the requirement should reach once the action is done (ML0 is never a target). */
  expectedLevel: z.literal([1, 2, 3, 4], { error: 'the level expected after is ML1 to ML4' }).optional(),
  /** How closing the action will be checked (a record to inspect, a test to repeat). */
  closureCheck: trimmed(LIMITS.closureCheck, 'the closure check').optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

/** Licensed official text a user imported for one catalogue (see catalogue/overlay.ts); it stays with the workbook. */
export const overlayRecordSchema = z.strictObject({
  catalogueId: identifier(LIMITS.catalogueId, 'the catalogue ID'),
  fileName: asTyped(LIMITS.fileName, 'the file name'),
  importedAt: isoDateTime,
  entries: z
    .array(
      z.strictObject({
        id: requirementId,
        text: asTyped(OVERLAY_LIMITS.textChars, 'the licensed text'),
        title: asTyped(OVERLAY_LIMITS.titleChars, 'the licensed title').optional(),
      }),
    )
    .max(OVERLAY_LIMITS.rows, `a licensed text holds at most ${OVERLAY_LIMITS.rows} entries`),
});
