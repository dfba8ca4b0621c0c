/**
 * An independent review of one assessment: the reviewer's verdict and comment per requirement, and per
 * evidence item whether its file was re-hashed against the register. The reviewer writes one in a
 * review copy; the owner keeps the ones received. One schema for both, and for the review file.
 */
import { z } from 'zod';
import { evidenceId, filled, isoDateTime, recordId, requirementId, sha256, trimmed, RECORD_LIMITS } from '../records/fields';

export const REVIEW_LIMITS = {
  verdicts: 5_000,
  evidenceChecks: 50_000,
  comment: RECORD_LIMITS.reviewComment,
  note: 5_000,
  /** The review file: a few thousand verdicts with long comments stay far below this. */
  fileBytes: 32 * 1024 * 1024,
} as const;

export const VERDICTS = ['accepted', 'more-evidence', 'not-accepted'] as const;
export type Verdict = (typeof VERDICTS)[number];

export const VERDICT_LABELS: Record<Verdict, string> = {
  accepted: 'Accepted',
  'more-evidence': 'More evidence needed',
  'not-accepted': 'Not accepted',
};

export const verdictSchema = z.strictObject({
  requirementId,
  verdict: z.enum(VERDICTS, { error: 'a verdict is accepted, more evidence needed or not accepted' }),
  comment: trimmed(REVIEW_LIMITS.comment, 'the comment'),
  at: isoDateTime,
});
export type RequirementVerdict = z.infer<typeof verdictSchema>;

/** What re-hashing the stored file against the register showed. */
export const CHECK_RESULTS = ['verified', 'mismatch'] as const;
export type CheckResult = (typeof CHECK_RESULTS)[number];

export const evidenceCheckSchema = z.strictObject({
  evidenceId,
  /** The hash the register holds, which the file was checked against. */
  sha256,
  result: z.enum(CHECK_RESULTS, { error: 'an evidence check is verified or mismatch' }),
  note: trimmed(REVIEW_LIMITS.note, 'the note'),
  at: isoDateTime,
});
export type EvidenceCheck = z.infer<typeof evidenceCheckSchema>;

/** The change log as the reviewer saw it: its length and the hash of its last entry. */
export const logHeadSchema = z.strictObject({ count: z.int().min(0), head: sha256 });

export const reviewerSchema = z.strictObject({
  name: filled(RECORD_LIMITS.name, 'the reviewer’s name', 'say who reviews'),
  organization: trimmed(RECORD_LIMITS.name, 'the reviewer’s organization'),
});

const noRepeats =
  <T>(key: (item: T) => string, what: string) =>
  (items: readonly T[], ctx: z.RefinementCtx) => {
    const seen = new Set<string>();
    for (const item of items) {
      const k = key(item);
      if (seen.has(k)) ctx.addIssue({ code: 'custom', message: `${what} ${k} appears twice` });
      seen.add(k);
    }
  };

export const reviewFields = {
  id: recordId,
  assessmentId: recordId,
  assessmentName: filled(RECORD_LIMITS.name, 'the assessment name', 'the assessment name is missing'),
  reviewer: reviewerSchema,
  basedOn: logHeadSchema,
  verdicts: z
    .array(verdictSchema)
    .max(REVIEW_LIMITS.verdicts, `more than ${REVIEW_LIMITS.verdicts} verdicts`)
    .superRefine(noRepeats((v) => v.requirementId, 'the verdict on')),
  evidenceChecks: z
    .array(evidenceCheckSchema)
    .max(REVIEW_LIMITS.evidenceChecks, `more than ${REVIEW_LIMITS.evidenceChecks} evidence checks`)
    .superRefine(noRepeats((c) => c.evidenceId, 'the check of')),
};

/**
 * `own`: the review being written in a review copy. `received`: imported from a review file, with the
 * file's hash (the same file is not imported twice) and when it arrived. Neither is ever edited by the owner.
 */
export const reviewSchema = z.strictObject({
  ...reviewFields,
  origin: z.enum(['own', 'received']),
  fileSha256: sha256.optional(),
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});
export type Review = z.infer<typeof reviewSchema>;
