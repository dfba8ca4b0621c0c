/** The backup the storage advice points at, one click away: the whole workbook saved as a bundle, with progress. */
import { useState } from 'react';
import { saveBundle } from '../bundle/saveBundle';
import { useWorkbook } from '../workbook/WorkbookContext';

type Status = { phase: 'idle' } | { phase: 'working'; done: number; total: number } | { phase: 'done'; message: string; ok: boolean };

export function BackupNowButton() {
  const db = useWorkbook();
  const [status, setStatus] = useState<Status>({ phase: 'idle' });

  async function save() {
    setStatus({ phase: 'working', done: 0, total: 1 });
    try {
      const where = await saveBundle(db, { kind: 'workbook' }, (done, total) => setStatus({ phase: 'working', done, total }));
      setStatus({
        phase: 'done',
        ok: true,
        message: where ? `Saved ${where}. Keep it on other media, away from this computer.` : 'Nothing was saved.',
      });
    } catch (error) {
      setStatus({ phase: 'done', ok: false, message: `The bundle was not saved: ${(error as Error).message}` });
    }
  }

  return (
    <div className="backup-now">
      <div className="button-row">
        <button type="button" disabled={status.phase === 'working'} onClick={() => void save()}>
          Save a bundle of the workbook now…
        </button>
      </div>
      {status.phase === 'working' && <progress max={status.total || 1} value={status.done} aria-label="Saving the bundle" />}
      {status.phase === 'done' && <p role={status.ok ? 'status' : 'alert'}>{status.message}</p>}
    </div>
  );
}
