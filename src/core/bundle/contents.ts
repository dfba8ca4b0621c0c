/**
 * What the files of a bundle hold, as schemas: the header, the records (each kind by its one record
 * schema) and the change-log entries. Unknown keys are refused everywhere.
 */
import { z } from 'zod';
import type { AuditEntry } from '../audit/chain';
import { isoDateTime, recordId } from '../records/fields';
import {
  actionSchema,
  assessmentSchema,
  evidenceLinkSchema,
  evidenceSchema,
  organizationSchema,
  overlayRecordSchema,
  personSchema,
  responseSchema,
  siteSchema,
} from '../records/schema';
import { settingRowSchema } from '../records/settings';
import { reviewSchema } from '../review/schema';
import { SHA256_HEX } from '../hashing/sha256';
import { BUNDLE_LIMITS, OLDEST_BUNDLE_FORMAT, type BundleScope } from './format';

const hash = z.string().regex(SHA256_HEX, 'a SHA-256 hash is 64 lower-case hex digits');
const short = (max: number) => z.string().max(max);

export const bundleHeaderSchema = z.strictObject({
  format: z.int().min(OLDEST_BUNDLE_FORMAT),
  app: z.strictObject({ name: short(100), version: short(40) }),
  createdAt: isoDateTime,
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('workbook') }),
    z.strictObject({ kind: z.literal('assessment'), assessmentId: recordId }),
  ]),
  /** The change log's length and the hash of its last entry, as written. */
  log: z.strictObject({ count: z.int().min(0).max(BUNDLE_LIMITS.logEntries), head: hash }),
});
export type BundleHeader = z.infer<typeof bundleHeaderSchema> & { scope: BundleScope };

const many = <T extends z.ZodType>(schema: T, what: string) =>
  z.array(schema).max(BUNDLE_LIMITS.records, `more than ${BUNDLE_LIMITS.records.toLocaleString('en')} ${what}`);

export const bundleRecordsSchema = z.strictObject({
  organization: organizationSchema.nullable(),
  sites: many(siteSchema, 'sites'),
  people: many(personSchema, 'people'),
  assessments: many(assessmentSchema, 'assessments'),
  responses: many(responseSchema, 'answers'),
  evidence: many(evidenceSchema, 'evidence items'),
  links: many(evidenceLinkSchema, 'evidence links'),
  actions: many(actionSchema, 'actions'),
  settings: many(settingRowSchema, 'settings'),
  overlays: many(overlayRecordSchema, 'licensed texts'),
  /** Independent reviews: written in a review copy, or received from a reviewer (format 3 on). */
  reviews: many(reviewSchema, 'reviews'),
});
export type BundleRecords = z.infer<typeof bundleRecordsSchema>;

export const EMPTY_RECORDS: BundleRecords = {
  organization: null,
  sites: [],
  people: [],
  assessments: [],
  responses: [],
  evidence: [],
  links: [],
  actions: [],
  settings: [],
  overlays: [],
  reviews: [],
};

const entity = z.enum([
  'organization',
  'site',
  'person',
  'assessment',
  'response',
  'evidence',
  'link',
  'action',
  'settings',
  'overlay',
  'review',
]);

/** One line of the change log. `before` and `after` are whatever the record held (shape checked before parsing). */
export const logEntrySchema = z.strictObject({
  seq: z.int().min(1),
  at: isoDateTime,
  actor: short(200),
  entity,
  id: short(400),
  change: z.strictObject({
    op: z.enum(['create', 'update', 'delete', 'baseline']),
    before: z.unknown().optional(),
    after: z.unknown().optional(),
    reason: short(5_000).optional(),
  }),
  state: hash.nullable().optional(),
  prevHash: hash,
  hash,
});

/**
 * An entry of the workbook's log left out of a one-assessment bundle (it is about another assessment
 * or the workbook's settings): its place in the chain stays, its content does not travel.
 */
export const withheldEntrySchema = z.strictObject({
  seq: z.int().min(1),
  withheld: z.literal(true),
  prevHash: hash,
  hash,
});

export type WithheldEntry = z.infer<typeof withheldEntrySchema>;
export type BundleLogEntry = AuditEntry | WithheldEntry;

export function isWithheld(entry: BundleLogEntry): entry is WithheldEntry {
  return 'withheld' in entry;
}
