/** The results as a spreadsheet: one .xlsx workbook, or the same sheets as CSV files in one zip. */
import type { SheetOptions } from '../../core/sheets/build';
import type { JobStatus } from '../components/JobStatus';
import { platform } from '../platform';
import { sheetsInWorker } from '../workers/sheetsInWorker';
import type { SheetFormat } from '../workers/sheets.worker';
import { useWorkbook } from '../workbook/WorkbookContext';
import { buildSnapshot } from './buildSnapshot';
import { noteExport } from './exportAnchor';

interface Props {
  assessmentId: string;
  options: Partial<SheetOptions>;
  disabled: boolean;
  onStatus: (status: JobStatus) => void;
  /** Hands the way to cancel to the screen while the spreadsheet is being built. */
  onCancelable: (cancel: (() => void) | null) => void;
}

const FILTERS = {
  xlsx: [{ name: 'Excel workbook', extensions: ['xlsx'] }],
  csv: [{ name: 'Zip archive of CSV files', extensions: ['zip'] }],
} satisfies Record<SheetFormat, { name: string; extensions: string[] }[]>;

export function SpreadsheetExport({ assessmentId, options, disabled, onStatus, onCancelable }: Props) {
  const db = useWorkbook();

  async function run(format: SheetFormat) {
    let cancelled = false;
    let stop = () => {
      cancelled = true;
    };
    onCancelable(() => stop());
    try {
      onStatus({ phase: 'working', done: 0, total: 1, label: 'Collecting the workbook…' });
      const snapshot = await buildSnapshot(db, assessmentId, { includeLicensedText: false });
      if (cancelled) throw new DOMException('The export was cancelled.', 'AbortError');
      const author = snapshot.preparedBy?.name || snapshot.app.name;
      const job = sheetsInWorker(snapshot, format, options, author, (done, total, label) =>
        onStatus({ phase: 'working', done, total, label }),
      );
      stop = job.cancel;
      const file = await job.result;
      const saved = await platform.saveFile({ suggestedName: file.name, bytes: file.bytes, filters: FILTERS[format] });
      if (!saved.ok) throw new Error(saved.error);
      if (saved.value.saved) await noteExport(db, snapshot.changeLog, `spreadsheet of ${snapshot.assessment.name}`);
      onStatus({ phase: 'done', message: saved.value.saved ? `Saved ${saved.value.path}.` : 'Nothing was saved.' });
    } catch (error) {
      const aborted = error instanceof DOMException && error.name === 'AbortError';
      onStatus(
        aborted
          ? { phase: 'done', message: 'Export cancelled. Nothing was saved.' }
          : { phase: 'failed', message: `The spreadsheet was not saved: ${(error as Error).message}` },
      );
    } finally {
      onCancelable(null);
    }
  }

  return (
    <>
      <button type="button" disabled={disabled} onClick={() => void run('xlsx')}>
        Save as spreadsheet (xlsx)
      </button>
      <button type="button" disabled={disabled} onClick={() => void run('csv')}>
        Save as CSV files (zip)
      </button>
    </>
  );
}
