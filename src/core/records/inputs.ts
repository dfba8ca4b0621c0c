/**
 * What a person may write, derived from the record schemas (never redefined): a new record takes the
 * fields a form fills, a patch any of the editable fields. New records ignore keys they do not know;
 * patches refuse them.
 *
 * Defaults belong to creation only: zod 4's .partial() still fills in .default() values, so a patch
 * built from a schema with defaults would overwrite fields its caller never named.
 */
import { z } from 'zod';
import {
  actionSchema,
  assessmentFields,
  compensatingSchema,
  evidenceSchema,
  findingOverrideSchema,
  organizationSchema,
  periodInOrder,
  personSchema,
  responseSchema,
  siteSchema,
} from './schema';

const organizationEditable = organizationSchema.pick({ name: true, classification: true });
export const organizationPatch = organizationEditable.partial().strict();

const siteEditable = siteSchema.pick({ name: true, location: true });
const siteFields = siteEditable.shape;
export const newSite = siteEditable.extend({ location: siteFields.location.default('') }).strip();
export const sitePatch = siteEditable.partial().strict();

const personEditable = personSchema.pick({ name: true, role: true, email: true });
const personFields = personEditable.shape;
export const newPerson = personEditable.extend({ role: personFields.role.default(''), email: personFields.email.default('') }).strip();
export const personPatch = personEditable.partial().strict();

export const newAssessment = periodInOrder(
  assessmentFields
    .pick({
      name: true,
      siteId: true,
      catalogueId: true,
      catalogueVersion: true,
      periodStart: true,
      periodEnd: true,
      scope: true,
      defaultTargetLevel: true,
    })
    .strip(),
);
/** Status and sign-off change only through the lifecycle, never through a patch. */
export const assessmentPatch = assessmentFields
  .pick({ name: true, periodStart: true, periodEnd: true, scope: true, defaultTargetLevel: true, archived: true })
  .partial()
  .strict();
/** A re-assessment's own name and period; the rest is carried over. */
export const reassessment = assessmentFields.pick({ name: true, periodStart: true, periodEnd: true }).strip();

/**
 * A countermeasure changes field by field too: it names only what changed, and null removes the
 * acceptance date (compensating.ts applies it to the stored one).
 */
export const compensatingPatch = compensatingSchema
  .partial()
  .extend({ acceptedOn: compensatingSchema.shape.acceptedOn.unwrap().nullable().optional() })
  .strict();

/** The assessor's wording of a finding changes field by field: null puts one field back to the derived value. */
export const findingPatch = z.strictObject({
  grade: findingOverrideSchema.shape.grade.unwrap().nullable().optional(),
  risk: findingOverrideSchema.shape.risk.unwrap().nullable().optional(),
  recommendation: findingOverrideSchema.shape.recommendation.unwrap().nullable().optional(),
});

/**
 * The answer's fields; who changed it and when are the app's to fill in. `compensating: null` removes
 * the countermeasure; `finding: null` every override of the finding.
 */
export const responsePatch = responseSchema
  .omit({ assessmentId: true, requirementId: true, updatedAt: true, updatedBy: true })
  .partial()
  .extend({ compensating: compensatingPatch.nullable().optional(), finding: findingPatch.nullable().optional() })
  .strict();

const evidenceEditable = evidenceSchema.pick({ title: true, collectedOn: true, expiresOn: true, owner: true, classification: true });
const evidenceFields = evidenceSchema.shape;
export const newEvidence = evidenceEditable
  .extend({ owner: evidenceFields.owner.default(''), classification: evidenceFields.classification.default('') })
  .strip();
export const evidencePatch = evidenceEditable.partial().strict();
/** A link needs its location, a note its text: optional on the record, required for its kind. */
export const newLinkEvidence = newEvidence.extend({ location: evidenceFields.location.unwrap() });
export const newNoteEvidence = newEvidence.extend({ note: evidenceFields.note.unwrap() });

const actionEditable = actionSchema.pick({
  description: true,
  owner: true,
  dueDate: true,
  priority: true,
  status: true,
  expectedLevel: true,
  closureCheck: true,
});
const actionFields = actionEditable.shape;
export const newAction = actionEditable
  .extend({
    owner: actionFields.owner.default(''),
    priority: actionFields.priority.default('medium'),
    status: actionFields.status.default('open'),
  })
  .strip();
/** null takes the level expected after away (the rest are cleared by writing them empty). */
export const actionPatch = actionEditable
  .partial()
  .extend({ expectedLevel: actionSchema.shape.expectedLevel.unwrap().nullable().optional() })
  .strict();
