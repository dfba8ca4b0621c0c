/**
 * The review copy's own database: a received bundle is reviewed apart from the user's workbook, which
 * opening, using or closing it never touches. It stays open across restarts until the reviewer closes it.
 */
import { deleteWorkbook, openWorkbook } from '../db/database';
import { ownReviewOf, reviewCopyMark } from '../db/queries/reviews';

export const REVIEW_DATABASE_NAME = 'csms-workbook-review';

/**
 * Whether a complete review copy is there to reopen: one with its mark and the reviewer's review. One
 * left half-made by a crash (the copy is written first, the review just after) is deleted.
 */
export async function reviewCopyAtStart(): Promise<boolean> {
  const names = (await indexedDB.databases?.().catch(() => [])) ?? [];
  if (!names.some((d) => d.name === REVIEW_DATABASE_NAME)) return false;
  const db = await openWorkbook(REVIEW_DATABASE_NAME);
  const mark = await reviewCopyMark(db);
  const complete = mark !== null && (await ownReviewOf(db, mark.assessmentId)) !== null;
  db.close();
  if (!complete) await deleteWorkbook(REVIEW_DATABASE_NAME);
  return complete;
}
