/**
 * Reviews: the reviewer's own (in a review copy: verdicts and evidence checks, one change each) and
 * those the owner received (imported from a review file, checked against this workbook's own log, then
 * kept as they came). A received review is never edited: a newer file from the same review replaces it.
 */
import type { ReviewFileContent } from '../../../core/review/file';
import { bindingProblem } from '../../../core/review/binding';
import { reviewSchema, type CheckResult, type Review, type Verdict } from '../../../core/review/schema';
import type { WorkbookDb } from '../database';
import type { BlobHasher } from '../hashBlob';
import { WorkbookError } from '../errors';
import { mutate, nowIso } from '../mutate';
import { REVIEW_COPY_KEY } from '../reviewCopyMark';
import { parseOrRefuse } from './validation';

const REVIEW = { what: 'review' };

async function ownReview(db: WorkbookDb, reviewId: string): Promise<Review> {
  const review = await db.reviews.get(reviewId);
  if (!review) throw new WorkbookError('That review no longer exists.', 'not-found');
  if (review.origin !== 'own')
    throw new WorkbookError('A review received from a reviewer is kept as it came and cannot be edited.', 'locked');
  return review;
}

async function replaceReview(db: WorkbookDb, reviewId: string, change: (review: Review) => Review): Promise<Review> {
  return mutate(db, async (m) => {
    const before = await ownReview(db, reviewId);
    const after = parseOrRefuse(reviewSchema, { ...change(before), updatedAt: nowIso() }, REVIEW);
    await db.reviews.put(after);
    m.log('review', reviewId, { op: 'update', before, after });
    return after;
  });
}

/** Sets (or, with verdict null, clears) the verdict and comment on one requirement. */
export function setVerdict(
  db: WorkbookDb,
  reviewId: string,
  requirementId: string,
  verdict: Verdict | null,
  comment: string,
): Promise<Review> {
  return replaceReview(db, reviewId, (review) => {
    const others = review.verdicts.filter((v) => v.requirementId !== requirementId);
    const verdicts = verdict === null ? others : [...others, { requirementId, verdict, comment, at: nowIso() }];
    return { ...review, verdicts };
  });
}

/** Records what re-hashing an evidence item's stored file against the register showed, with a note. */
export function setEvidenceCheck(
  db: WorkbookDb,
  reviewId: string,
  check: { evidenceId: string; sha256: string; result: CheckResult; note: string },
): Promise<Review> {
  return replaceReview(db, reviewId, (review) => ({
    ...review,
    evidenceChecks: [...review.evidenceChecks.filter((c) => c.evidenceId !== check.evidenceId), { ...check, at: nowIso() }],
  }));
}

export type ImportOutcome = 'added' | 'replaced' | 'already-here';

/**
 * Takes a review file's content (already read and hash-checked) into the owner's workbook: refused
 * unless its assessment is here and the log head it names is part of this workbook's own log.
 */
export async function importReview(db: WorkbookDb, content: ReviewFileContent): Promise<ImportOutcome> {
  return mutate(db, async (m) => {
    if (await db.meta.get(REVIEW_COPY_KEY)) {
      throw new WorkbookError(
        'This is a review copy: reviews are imported into the workbook they review, not into a copy of it.',
        'invalid',
      );
    }
    const assessment = await db.assessments.get(content.assessmentId);
    const problem = bindingProblem(content, assessment, await db.audit.get(content.basedOn.count));
    if (problem) throw new WorkbookError(`The review file was not imported: ${problem}. Nothing was changed.`, 'invalid');
    const before = await db.reviews.get(content.id);
    if (before?.fileSha256 === content.fileSha256) return 'already-here';
    if (before && before.origin !== 'received')
      throw new WorkbookError('The review file was not imported: its ID is taken. Nothing was changed.', 'invalid');
    if (before && before.assessmentId !== content.assessmentId)
      throw new WorkbookError(
        'The review file was not imported: its ID belongs to a review of another assessment. Nothing was changed.',
        'invalid',
      );
    const { fileSha256, createdAt, ...fields } = content;
    const now = nowIso();
    const after = parseOrRefuse(reviewSchema, { ...fields, origin: 'received', fileSha256, createdAt, updatedAt: now }, REVIEW);
    await db.reviews.put(after);
    m.log('review', after.id, before ? { op: 'update', before, after } : { op: 'create', after });
    return before ? 'replaced' : 'added';
  });
}

/** Removes a received review (the owner decides it no longer applies). */
export async function removeReview(db: WorkbookDb, reviewId: string): Promise<void> {
  await mutate(db, async (m) => {
    const before = await db.reviews.get(reviewId);
    if (!before) return;
    if (before.origin !== 'received')
      throw new WorkbookError('The review being written here cannot be removed; close the review copy instead.', 'locked');
    await db.reviews.delete(reviewId);
    m.log('review', reviewId, { op: 'delete', before });
  });
}

/**
 * Re-hashes an evidence item's stored file and records whether it matches the register's SHA-256.
 * The hash is computed before the write (a transaction cannot wait for the hashing worker).
 */
export async function checkEvidenceFile(
  db: WorkbookDb,
  reviewId: string,
  evidenceId: string,
  note: string,
  hasher: BlobHasher,
): Promise<CheckResult> {
  const evidence = await db.evidence.get(evidenceId);
  if (!evidence) throw new WorkbookError(`${evidenceId} is not in this workbook.`, 'not-found');
  if (evidence.kind !== 'file' || !evidence.sha256)
    throw new WorkbookError(`${evidenceId} is not a file, so there is nothing to re-hash.`, 'invalid');
  const blob = (await db.blobs.get(evidence.sha256))?.blob;
  const result: CheckResult = blob && (await hasher(blob)) === evidence.sha256 ? 'verified' : 'mismatch';
  await setEvidenceCheck(db, reviewId, { evidenceId, sha256: evidence.sha256, result, note });
  return result;
}
