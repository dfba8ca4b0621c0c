/**
 * On every screen of a review copy: what is being reviewed, that the owner's data is read-only here,
 * how far the review has got, and the two ways out (save the review file, close the copy).
 */
import { useState } from 'react';
import { useToast } from '../components/toast';
import { useWorkbookSwitch } from '../workbook/WorkbookContext';
import { saveReviewFile } from './reviewFiles';
import { useReviewCopy } from './useReviewCopy';
import '../styles/review.css';

export function ReviewBanner() {
  const workbooks = useWorkbookSwitch();
  const copy = useReviewCopy();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  if (workbooks.which !== 'review' || !copy) return null;
  const { mark, review } = copy;

  async function save() {
    setBusy(true);
    try {
      const where = await saveReviewFile(review);
      if (where) toast({ message: `The review file was saved: ${where}.` });
    } catch (error) {
      toast({ message: `The review file was not saved: ${(error as Error).message}`, tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="review-banner" role="region" aria-label="Review copy" data-testid="review-banner">
      <p>
        <strong>Review copy — read-only.</strong> You are reviewing “{review.assessmentName}” from {mark.bundleName} (change log up to entry{' '}
        {mark.basedOn.count}) as {review.reviewer.name}
        {review.reviewer.organization && `, ${review.reviewer.organization}`}. The owner’s answers, evidence and actions cannot change here;
        record a verdict on each requirement. Verdicts so far: {review.verdicts.length}; evidence checked: {review.evidenceChecks.length}.
      </p>
      <span className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>
          Save review file…
        </button>
        {confirming ? (
          <>
            <button
              type="button"
              className="danger"
              onClick={() => {
                window.location.hash = '/dashboard';
                void workbooks.closeReview();
              }}
            >
              Close and delete the copy
            </button>
            <button type="button" onClick={() => setConfirming(false)}>
              Keep reviewing
            </button>
          </>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Close review copy…
          </button>
        )}
      </span>
      {confirming && (
        <p role="alert" className="small">
          Closing deletes this copy and the verdicts in it. Save the review file first if you have not.
        </p>
      )}
    </div>
  );
}
