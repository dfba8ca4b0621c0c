/**
 * A review copy: a received bundle written into a database of its own, exactly as it came (records,
 * change log, files), marked so that the write path lets nothing change in it but the reviewer's own
 * review. The reviewer's review is created at once, bound to the head of the log the bundle ends at.
 */
import { Dexie } from 'dexie';
import type { AuditEntry } from '../../../core/audit/chain';
import type { VerifiedBundle } from '../../../core/bundle/verify';
import type { Review } from '../../../core/review/schema';
import { reviewSchema } from '../../../core/review/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError, toWorkbookError } from '../errors';
import { mutate, newId } from '../mutate';
import { REVIEW_COPY_KEY, type ReviewCopyMark } from '../reviewCopyMark';
import { ensureSpace } from '../space';
import { markWritePath } from '../writeGuard';
import { addRecords, nextEvidenceNumber } from './addRecords';
import { parseOrRefuse } from '../repo/validation';

export interface ReviewerDetails {
  name: string;
  organization: string;
}

/** The assessments a bundle offers for review (a one-assessment bundle: exactly one). */
export function assessmentsToReview(bundle: VerifiedBundle): { id: string; name: string }[] {
  return bundle.records.assessments.map((a) => ({ id: a.id, name: a.name }));
}

export async function loadReviewCopy(
  db: WorkbookDb,
  bundle: VerifiedBundle,
  files: ReadonlyMap<string, Blob>,
  choice: { assessmentId: string; bundleName: string; reviewer: ReviewerDetails },
): Promise<ReviewCopyMark> {
  if (bundle.logProblem)
    throw new WorkbookError('The bundle’s change log does not vouch for its records, so it cannot be reviewed.', 'invalid');
  const assessment = bundle.records.assessments.find((a) => a.id === choice.assessmentId);
  if (!assessment) throw new WorkbookError('That assessment is not in the bundle.', 'invalid');
  const { records } = bundle;
  const log = bundle.log as AuditEntry[];
  const last = log.at(-1);
  if (!last) throw new WorkbookError('The bundle has no change log, so a review could not say what it saw.', 'invalid');
  const mark: ReviewCopyMark = {
    assessmentId: assessment.id,
    basedOn: { count: last.seq, head: last.hash },
    bundleName: choice.bundleName.slice(0, 300),
    openedAt: new Date().toISOString(),
  };
  const now = mark.openedAt;
  const review: Review = parseOrRefuse(
    reviewSchema,
    {
      id: newId(),
      assessmentId: assessment.id,
      assessmentName: assessment.name,
      reviewer: choice.reviewer,
      basedOn: mark.basedOn,
      verdicts: [],
      evidenceChecks: [],
      origin: 'own',
      createdAt: now,
      updatedAt: now,
    },
    { what: 'review' },
  );
  await ensureSpace([...files.values()].reduce((n, b) => n + b.size, 0));
  try {
    await db.transaction('rw', db.tables, async () => {
      markWritePath(Dexie.currentTransaction);
      for (const table of db.tables) if (table.name !== 'meta') await table.clear();
      // Reviews the owner received stay with their workbook; this copy holds only the reviewer's own.
      await addRecords(db, records, { reviews: false });
      await db.audit.bulkAdd(log);
      await db.blobs.bulkAdd([...files].map(([sha256, blob]) => ({ sha256, blob, size: blob.size })));
      await db.meta.put({ key: 'nextEvidenceNumber', value: nextEvidenceNumber(records) });
      await db.meta.put({ key: REVIEW_COPY_KEY, value: JSON.stringify(mark) });
    });
  } catch (error) {
    throw toWorkbookError(error);
  }
  await mutate(db, async (m) => {
    await db.reviews.add(review);
    m.log('review', review.id, { op: 'create', after: review });
  });
  return mark;
}
