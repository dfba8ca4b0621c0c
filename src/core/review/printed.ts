/**
 * Received reviews as documents print them: each verdict and check with whether it is stale, worked
 * out from the change log when the snapshot is made (never stored). A review the owner is still
 * writing (a review copy's own) is not printed: only what a reviewer sent.
 */
import type { AuditEntry, WithheldLink } from '../audit/chain';
import { stalenessSince, type Staleness } from './binding';
import type { EvidenceCheck, Review, RequirementVerdict } from './schema';

export interface PrintedReview {
  id: string;
  reviewer: Review['reviewer'];
  /** When the reviewer saved the file. */
  createdAt: string;
  basedOn: Review['basedOn'];
  verdicts: (RequirementVerdict & { stale: boolean })[];
  evidenceChecks: (EvidenceCheck & { stale: boolean })[];
}

export function printedReviews(received: readonly { review: Review; staleness: Staleness }[]): PrintedReview[] {
  return received
    .filter(({ review }) => review.origin === 'received')
    .map(({ review, staleness }) => ({
      id: review.id,
      reviewer: review.reviewer,
      createdAt: review.createdAt,
      basedOn: review.basedOn,
      verdicts: review.verdicts
        .map((v) => ({ ...v, stale: staleness.requirements.has(v.requirementId) }))
        .sort((a, b) => a.requirementId.localeCompare(b.requirementId, 'en', { numeric: true })),
      evidenceChecks: review.evidenceChecks.map((c) => ({ ...c, stale: staleness.evidence.has(c.evidenceId) })),
    }))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The same from a log held whole (a bundle's): what was logged after each review's head. */
export function printedReviewsFromLog(
  reviews: readonly Review[],
  log: readonly (AuditEntry | WithheldLink)[],
  assessmentId: string,
): PrintedReview[] {
  const full = log.filter((e): e is AuditEntry => !('withheld' in e));
  return printedReviews(
    reviews
      .filter((r) => r.assessmentId === assessmentId)
      .map((review) => ({
        review,
        staleness: stalenessSince(
          full.filter((e) => e.seq > review.basedOn.count),
          assessmentId,
        ),
      })),
  );
}
