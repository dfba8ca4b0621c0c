/**
 * The workbook's records as plain types, shared by the database layer, scoring and documents.
 * Each is inferred from its schema (schema.ts), so a type and its checks cannot drift apart.
 * Dates are ISO strings: timestamps as full ISO date-times, calendar dates as YYYY-MM-DD.
 */
import type { z } from 'zod';
import type { maturityLevel } from './fields';
import type {
  actionPrioritySchema,
  actionSchema,
  actionStatusSchema,
  assessmentSchema,
  assessmentStatusSchema,
  compensatingSchema,
  evidenceKindSchema,
  evidenceLinkSchema,
  evidenceSchema,
  findingGradeSchema,
  findingOverrideSchema,
  organizationSchema,
  overlayRecordSchema,
  personSchema,
  responseSchema,
  reviewStatusSchema,
  signOffSchema,
  siteSchema,
} from './schema';

export { MATURITY_LEVELS } from './fields';

export type MaturityLevel = z.infer<typeof maturityLevel>;
export type Organization = z.infer<typeof organizationSchema>;
export type Site = z.infer<typeof siteSchema>;
export type Person = z.infer<typeof personSchema>;
export type AssessmentStatus = z.infer<typeof assessmentStatusSchema>;
export type SignOff = z.infer<typeof signOffSchema>;
export type Assessment = z.infer<typeof assessmentSchema>;
export type ReviewStatus = z.infer<typeof reviewStatusSchema>;
export type Response = z.infer<typeof responseSchema>;
export type Compensating = z.infer<typeof compensatingSchema>;
export type EvidenceKind = z.infer<typeof evidenceKindSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type EvidenceLink = z.infer<typeof evidenceLinkSchema>;
export type ActionPriority = z.infer<typeof actionPrioritySchema>;
export type ActionStatus = z.infer<typeof actionStatusSchema>;
export type Action = z.infer<typeof actionSchema>;
export type OverlayRecord = z.infer<typeof overlayRecordSchema>;
export type FindingGrade = z.infer<typeof findingGradeSchema>;
export type FindingOverride = z.infer<typeof findingOverrideSchema>;
