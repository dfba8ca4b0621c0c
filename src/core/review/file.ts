/**
 * The review file (.csmsreview): what a reviewer sends back. Small JSON, versioned, bound to the
 * assessment and to the change-log head the reviewer saw, and carrying the SHA-256 of its own
 * canonical content, so that a file changed after it was saved is refused. (The hash shows alteration,
 * not authorship: anyone can recompute it. Who sent it is for the channel it came by to vouch for.)
 */
import { z } from 'zod';
import { canonicalJson } from '../audit/canonicalJson';
import { sha256Hex } from '../hashing/sha256';
import { isoDateTime, sha256 } from '../records/fields';
import { describeShapeProblem, findShapeProblem } from '../validation/forbiddenKeys';
import { REVIEW_LIMITS, reviewFields, type Review } from './schema';

export const REVIEW_FILE_FORMAT = 'csms-workbook-review';
export const REVIEW_FILE_VERSION = 1;
export const REVIEW_FILE_EXTENSION = 'csmsreview';

const bodySchema = z.strictObject({
  format: z.literal(REVIEW_FILE_FORMAT),
  version: z.int().min(1),
  app: z.strictObject({ name: z.string().max(100), version: z.string().max(40) }),
  createdAt: isoDateTime,
  review: z.strictObject(reviewFields),
});
type ReviewFileBody = z.infer<typeof bodySchema>;

const fileSchema = bodySchema.extend({ sha256 });

/** What a review file holds, once read and checked. */
export type ReviewFileContent = ReviewFileBody['review'] & { createdAt: string; fileSha256: string };

/** A review file refused; the message is a clause to follow "The review file was not imported: ". */
export class ReviewFileError extends Error {}

export function reviewFileText(review: Review, app: { name: string; version: string }, now: string): string {
  const { id, assessmentId, assessmentName, reviewer, basedOn, verdicts, evidenceChecks } = review;
  const body: ReviewFileBody = {
    format: REVIEW_FILE_FORMAT,
    version: REVIEW_FILE_VERSION,
    app,
    createdAt: now,
    review: { id, assessmentId, assessmentName, reviewer, basedOn, verdicts, evidenceChecks },
  };
  return `${JSON.stringify({ ...body, sha256: sha256Hex(canonicalJson(body)) }, null, 2)}\n`;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0]!;
  const where = issue.path.length ? ` (at ${issue.path.slice(0, 6).join('.')})` : '';
  return `it is not a valid review file: ${issue.message.slice(0, 200)}${where}`;
}

/** Reads a review file's bytes: size, text, shape, format, schema and its own hash, in that order. */
export function readReviewFile(bytes: Uint8Array): ReviewFileContent {
  if (bytes.byteLength > REVIEW_LIMITS.fileBytes) throw new ReviewFileError('it is far larger than any review file (32 MiB at most)');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReviewFileError('it is not text (UTF-8): it is not a review file');
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ReviewFileError('it is not valid JSON: it is not a review file, or it was cut short');
  }
  const shape = findShapeProblem(value, { maxDepth: 8, maxValues: 1_000_000 });
  if (shape) throw new ReviewFileError(describeShapeProblem(shape));
  const format = (value as { format?: unknown; version?: unknown } | null)?.format;
  if (format !== REVIEW_FILE_FORMAT) throw new ReviewFileError('it is not a CSMS Workbook review file');
  const version = (value as { version?: unknown }).version;
  if (typeof version === 'number' && version > REVIEW_FILE_VERSION) {
    throw new ReviewFileError(
      `it was made by a newer version of CSMS Workbook (review format ${version}; this version reads ${REVIEW_FILE_VERSION}). Update the app to import it`,
    );
  }
  const parsed = fileSchema.safeParse(value);
  if (!parsed.success) throw new ReviewFileError(firstIssue(parsed.error));
  const { sha256: claimed, ...body } = parsed.data;
  // Hashed as read, not as parsed: trimming by the schema must not make an altered file pass.
  const { sha256: _claimed, ...asRead } = value as Record<string, unknown>;
  if (sha256Hex(canonicalJson(asRead)) !== claimed || sha256Hex(canonicalJson(body)) !== claimed) {
    throw new ReviewFileError('its content was changed after the reviewer saved it (its SHA-256 does not match)');
  }
  return { ...body.review, createdAt: body.createdAt, fileSha256: claimed };
}
