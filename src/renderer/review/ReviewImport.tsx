/**
 * The owner takes a reviewer's file back: it is read and checked (size, shape, its own hash), then bound
 * to this workbook (the assessment is here, the log head it names is ours) before anything is written.
 */
import { useState } from 'react';
import { WorkbookError } from '../db/errors';
import { importReview } from '../db/repo/reviews';
import { useWorkbook } from '../workbook/WorkbookContext';
import { pickReviewFile } from './reviewFiles';

const OUTCOMES = {
  added: 'was imported: its verdicts now show beside each requirement.',
  replaced: 'was imported and replaces the earlier file of the same review.',
  'already-here': 'was imported before; nothing changed.',
} as const;

export function ReviewImport() {
  const db = useWorkbook();
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function pick() {
    setBusy(true);
    setStatus(null);
    try {
      const picked = await pickReviewFile();
      if (!picked) return;
      if (!picked.ok) return setStatus({ ok: false, message: picked.message });
      const outcome = await importReview(db, picked.content);
      const count = picked.content.verdicts.length;
      setStatus({
        ok: true,
        message: `${picked.name} (${count} verdict${count === 1 ? '' : 's'} by ${picked.content.reviewer.name} on “${picked.content.assessmentName}”) ${OUTCOMES[outcome]}`,
      });
    } catch (error) {
      setStatus({
        ok: false,
        message: error instanceof WorkbookError ? error.message : 'The review file could not be imported. Nothing was changed.',
      });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="review-import">
      <button type="button" disabled={busy} onClick={() => void pick()}>
        Import a review file…
      </button>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? undefined : 'error-text'} data-testid="review-import-status">
          {status.message}
        </p>
      )}
    </div>
  );
}
