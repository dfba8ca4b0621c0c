/**
 * Notices about the workbook itself, above every screen: that the sample is open (and how to leave it),
 * that a save failed in the storage (with the offer of a recovery copy, at once), and that work which
 * writes many records was interrupted last time (nothing of it was kept; offer to do it again).
 */
import { ReviewBanner } from '../review/ReviewBanner';
import { useEffect, useState } from 'react';
import { BackupReminder } from '../bundle/BackupReminder';
import { Dialog } from '../components/Dialog';
import { useToast } from '../components/toast';
import { storageFailed } from '../db/events';
import { takeInterrupted } from './pendingWork';
import { saveRecoveryCopy } from './recoveryCopy';
import { useWorkbook, useWorkbookSwitch } from './WorkbookContext';

function SampleBanner() {
  const workbooks = useWorkbookSwitch();
  const [closing, setClosing] = useState(false);
  if (workbooks.which !== 'sample') return null;
  return (
    <div className="notice-banner" role="region" aria-label="Sample workbook">
      <span>
        <strong>Sample workbook.</strong> You are looking at an example; nothing here is part of your own workbook, and closing it deletes
        it.
      </span>
      <button
        type="button"
        disabled={closing}
        onClick={() => {
          setClosing(true);
          window.location.hash = '/assessment';
          void workbooks.closeSample();
        }}
      >
        Close the sample
      </button>
    </div>
  );
}

function StorageFailureDialog() {
  const db = useWorkbook();
  const [message, setMessage] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => storageFailed.subscribe((failure) => failure.dbName === db.name && setMessage(failure.message)), [db]);
  return (
    <Dialog title="Your change was not saved" open={message !== ''} onClose={() => setMessage('')}>
      <p>{message}</p>
      <p>
        Everything saved before is still here. Save a recovery copy of your workbook now, to another drive if you can, so that nothing
        depends on this disk.
      </p>
      <div className="form-actions button-row">
        <button type="button" onClick={() => setMessage('')}>
          Close
        </button>
        <button
          type="button"
          className="primary"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void saveRecoveryCopy(db.name).then((result) => {
              setStatus(result);
              setBusy(false);
            });
          }}
        >
          Save a recovery copy
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </Dialog>
  );
}

function useInterruptedNotice() {
  const toast = useToast();
  const workbooks = useWorkbookSwitch();
  useEffect(() => {
    void takeInterrupted().then((interrupted) => {
      // A sample that is open finished after all: only the note's removal was cut off.
      if (!interrupted || (interrupted.redo === 'open-sample' && workbooks.which === 'sample')) return;
      if (interrupted.redo === 'open-review' && workbooks.which === 'review') return;
      toast({
        message: `${interrupted.label} was interrupted when the app closed; nothing of it was kept, so your workbook is as it was before.`,
        ...(interrupted.redo === 'open-sample'
          ? {
              action: {
                label: 'Open the sample again',
                run: () => workbooks.openSample().then((id) => void (window.location.hash = `/assessment/${id}`)),
              },
            }
          : {}),
      });
    });
    // Once per start.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
}

export function WorkbookNotices() {
  useInterruptedNotice();
  return (
    <>
      <SampleBanner />
      <ReviewBanner />
      <BackupReminder />
      <StorageFailureDialog />
    </>
  );
}
