/**
 * "Save as Word": both snapshots are built as for every document (change log checked), the document is
 * built and packed in the export worker with progress and Cancel, and saved through the platform.
 */
import { useState } from 'react';
import { buildSnapshot } from '../export/buildSnapshot';
import { noteExport } from '../export/exportAnchor';
import { platform } from '../platform';
import { changesInWorker } from '../workers/exportInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';
import { JobStatusView, type JobStatus } from '../components/JobStatus';

type Status = JobStatus;

export function SaveChangesButton({ baselineId, currentId, disabled }: { baselineId: string; currentId: string; disabled: boolean }) {
  const db = useWorkbook();
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [cancel, setCancel] = useState<(() => void) | null>(null);

  async function save() {
    setStatus({ phase: 'working', done: 0, total: 3, label: 'Collecting both assessments…' });
    try {
      const [baseline, current] = await Promise.all(
        [baselineId, currentId].map((id) => buildSnapshot(db, id, { includeLicensedText: false })),
      );
      const job = changesInWorker(baseline!, current!, {}, (done, total, label) =>
        setStatus({ phase: 'working', done: done + 1, total: total + 1, label }),
      );
      setCancel(() => job.cancel);
      const file = await job.result;
      const result = await platform.saveFile({
        suggestedName: file.name,
        bytes: file.bytes,
        filters: [{ name: 'Word document', extensions: ['docx'] }],
      });
      if (!result.ok) throw new Error(result.error);
      if (result.value.saved) await noteExport(db, current!.changeLog, `changes of ${current!.assessment.name}`);
      setStatus({ phase: 'done', message: result.value.saved ? `Saved ${result.value.path}.` : 'Nothing was saved.' });
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      setStatus(
        cancelled
          ? { phase: 'done', message: 'Cancelled. Nothing was saved.' }
          : { phase: 'failed', message: `The document could not be saved: ${(error as Error).message}` },
      );
    } finally {
      setCancel(null);
    }
  }

  const working = status.phase === 'working';
  return (
    <div className="compare-save">
      <div className="button-row">
        <button type="button" className="primary" disabled={disabled || working} onClick={() => void save()}>
          Save as Word
        </button>
        {working && cancel && (
          <button type="button" onClick={cancel}>
            Cancel
          </button>
        )}
      </div>
      <JobStatusView status={status} />
    </div>
  );
}
