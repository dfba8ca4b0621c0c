/** The review copy being worked in, if this is one: its mark and the reviewer's own review, live. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Review } from '../../core/review/schema';
import { ownReviewOf, reviewCopyMark } from '../db/queries/reviews';
import type { ReviewCopyMark } from '../db/reviewCopyMark';
import { useWorkbook, useWorkbookSwitch } from '../workbook/WorkbookContext';

export interface ReviewCopyState {
  mark: ReviewCopyMark;
  review: Review;
}

export function useReviewCopy(): ReviewCopyState | null {
  const db = useWorkbook();
  const { which } = useWorkbookSwitch();
  return (
    useLiveQuery(async () => {
      if (which !== 'review') return null;
      const mark = await reviewCopyMark(db);
      const review = mark ? await ownReviewOf(db, mark.assessmentId) : null;
      return mark && review ? { mark, review } : null;
    }, [db, which]) ?? null
  );
}
