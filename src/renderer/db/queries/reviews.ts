/** Reviews as the screens need them: the review copy's mark and own review, and the verdicts received, with staleness. */
import type { AuditEntry } from '../../../core/audit/chain';
import { stalenessSince, type Staleness } from '../../../core/review/binding';
import type { Review } from '../../../core/review/schema';
import type { WorkbookDb } from '../database';
import { REVIEW_COPY_KEY, type ReviewCopyMark } from '../reviewCopyMark';

export async function reviewCopyMark(db: WorkbookDb): Promise<ReviewCopyMark | null> {
  const value = (await db.meta.get(REVIEW_COPY_KEY))?.value;
  return typeof value === 'string' ? (JSON.parse(value) as ReviewCopyMark) : null;
}

/** The review being written in this review copy, if this is one. */
export async function ownReviewOf(db: WorkbookDb, assessmentId: string): Promise<Review | null> {
  const reviews = await db.reviews.where('assessmentId').equals(assessmentId).toArray();
  return reviews.find((r) => r.origin === 'own') ?? null;
}

export interface ReceivedReview {
  review: Review;
  staleness: Staleness;
}

/** Reviews received for an assessment, newest first, each with what changed here since its head. */
export async function receivedReviews(db: WorkbookDb, assessmentId: string): Promise<ReceivedReview[]> {
  return db.transaction('r', [db.reviews, db.audit], async () => {
    const reviews = (await db.reviews.where('assessmentId').equals(assessmentId).toArray()).filter((r) => r.origin === 'received');
    reviews.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    const out: ReceivedReview[] = [];
    for (const review of reviews) {
      const since = (await db.audit.where('seq').above(review.basedOn.count).toArray()) as AuditEntry[];
      out.push({ review, staleness: stalenessSince(since, assessmentId) });
    }
    return out;
  });
}
