/**
 * Import answers from a spreadsheet: choose an .xlsx or CSV file, read it in a worker (with progress and
 * cancel), preview every row against the stored answers, and apply the changes in one all-or-nothing write.
 */
import { useRef, useState } from 'react';
import { isLocked, lockedMessage } from '../../core/records/lifecycle';
import { previewAnswersImport, type ImportPreview, type PreviewRow, type PreviewStatus } from '../../core/sheets/importAnswers';
import { IMPORT_LIMITS, ImportRefused } from '../../core/sheets/importAnswersTable';
import { Dialog } from '../components/Dialog';
import { useToast } from '../components/toast';
import { WorkbookError } from '../db/errors';
import { applyImportedAnswers } from '../db/repo/importAnswers';
import { platform } from '../platform';
import { answersImportInWorker, type AnswersImportJob } from '../workers/answersImportInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';
import type { WorkspaceData } from './useWorkspaceData';
import '../styles/importAnswers.css';

const FILTERS = [{ name: 'Spreadsheet (xlsx or CSV)', extensions: ['xlsx', 'csv'] }];
const STATUS_LABELS: Record<PreviewStatus, string> = { new: 'New', changed: 'Changed', unchanged: 'Unchanged', rejected: 'Rejected' };
const ORDER: PreviewStatus[] = ['new', 'changed', 'unchanged', 'rejected'];

type Phase =
  | { kind: 'choose' }
  | { kind: 'reading'; label: string }
  | { kind: 'preview'; fileName: string; preview: ImportPreview }
  | { kind: 'applying' };

function RowDetail({ row }: { row: PreviewRow }) {
  if (row.status === 'rejected') return <span>{row.reason}</span>;
  if (row.changes.length === 0) return <span className="muted">Same as the stored answer</span>;
  return (
    <ul className="import-changes">
      {row.changes.map((c) => (
        <li key={c.field}>
          <strong>{c.label}:</strong> {c.before} → {c.after}
        </li>
      ))}
    </ul>
  );
}

function PreviewTable({ preview, shown }: { preview: ImportPreview; shown: PreviewStatus | 'all' }) {
  const rows = preview.rows.filter((r) => shown === 'all' || r.status === shown);
  return (
    <div className="import-table-wrap" tabIndex={0} role="region" aria-label="Rows of the file">
      <table className="import-table">
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Requirement</th>
            <th scope="col">Result</th>
            <th scope="col">Change or reason</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.line} className={`import-${row.status}`}>
              <td>{row.line}</td>
              <td>{row.requirementId || <span className="muted">(no ID)</span>}</td>
              <td>{STATUS_LABELS[row.status]}</td>
              <td>
                <RowDetail row={row} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length === 0 && <p className="muted">No rows of this kind.</p>}
    </div>
  );
}

export function ImportAnswersDialog({
  data,
  open,
  onClose,
  onApplied,
}: {
  data: WorkspaceData;
  open: boolean;
  onClose: () => void;
  /** After the answers are saved, with the answers as they were before: the open requirement's form must show the new ones. */
  onApplied: (before: WorkspaceData['responses']) => void;
}) {
  const db = useWorkbook();
  const toast = useToast();
  const [phase, setPhase] = useState<Phase>({ kind: 'choose' });
  const [error, setError] = useState('');
  const [shown, setShown] = useState<PreviewStatus | 'all'>('all');
  const job = useRef<AnswersImportJob | null>(null);
  const locked = isLocked(data.assessment);

  const close = () => {
    job.current?.cancel();
    job.current = null;
    setPhase({ kind: 'choose' });
    setError('');
    setShown('all');
    onClose();
  };

  async function choose() {
    setError('');
    const picked = await platform.openFiles({ multiple: false, filters: FILTERS, maxBytes: IMPORT_LIMITS.fileBytes });
    if (!picked.ok) return setError(picked.error);
    const file = picked.value[0];
    if (!file) return;
    setPhase({ kind: 'reading', label: 'Reading the file…' });
    const started = answersImportInWorker(file.blob, file.name, (label) => setPhase({ kind: 'reading', label }));
    job.current = started;
    try {
      const table = await started.result;
      const preview = previewAnswersImport(table, {
        catalogue: data.index.catalogue,
        assessment: data.assessment,
        responses: data.responses,
      });
      setShown(preview.counts.new + preview.counts.changed > 0 ? 'all' : 'rejected');
      setPhase({ kind: 'preview', fileName: file.name, preview });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setPhase({ kind: 'choose' });
      // Messages from the worker and from the preview are our own plain sentences.
      setError(`${file.name.slice(0, 80)} was not imported. ${e instanceof ImportRefused || e instanceof Error ? e.message : ''}`);
    } finally {
      job.current = null;
    }
  }

  function cancelReading() {
    job.current?.cancel();
    job.current = null;
    setPhase({ kind: 'choose' });
  }

  async function apply(fileName: string, preview: ImportPreview) {
    const answers = preview.rows
      .filter((r) => r.status === 'new' || r.status === 'changed')
      .map(({ requirementId, patch, expected }) => ({ requirementId, patch, expected }));
    setPhase({ kind: 'applying' });
    try {
      const count = await applyImportedAnswers(db, data.assessment.id, answers);
      onApplied(data.responses);
      toast({ message: `Imported ${count} ${count === 1 ? 'answer' : 'answers'} from ${fileName.slice(0, 80)}.` });
      close();
    } catch (e) {
      setPhase({ kind: 'preview', fileName, preview });
      setError(e instanceof WorkbookError ? e.message : 'The answers were not imported. Nothing was changed.');
    }
  }

  return (
    <Dialog title="Import answers from a spreadsheet" open={open} onClose={close} wide>
      {locked && <p className="error-text">{lockedMessage(data.assessment)}</p>}
      {phase.kind === 'choose' && (
        <>
          <p>
            Choose the Answers sheet of an exported spreadsheet (.xlsx), its answers CSV file, or a sheet with a Requirement ID column and
            any of Applicable, Justification, Target, Achieved, Narrative and Gaps. You see every change before anything is saved.
          </p>
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void choose()}>
              Choose a file…
            </button>
            <button type="button" onClick={close}>
              Close
            </button>
          </div>
        </>
      )}
      {phase.kind === 'reading' && (
        <div className="button-row">
          <p role="status">
            <progress aria-label="Reading the file" /> {phase.label}
          </p>
          <button type="button" onClick={cancelReading}>
            Cancel
          </button>
        </div>
      )}
      {phase.kind === 'applying' && <p role="status">Saving the answers…</p>}
      {phase.kind === 'preview' && (
        <>
          <p className="small">
            {phase.fileName.slice(0, 80)} ({phase.preview.source}): columns read:{' '}
            {phase.preview.columns.map((c) => c.charAt(0).toUpperCase() + c.slice(1)).join(', ')}. Columns the file does not have are left
            as they are.
          </p>
          <div className="import-filter" role="group" aria-label="Show rows">
            {(['all', ...ORDER] as const).map((key) => (
              // The preview takes the focus from the progress line it replaces.
              <button key={key} type="button" aria-pressed={shown === key} autoFocus={key === 'all'} onClick={() => setShown(key)}>
                {key === 'all' ? `All ${phase.preview.rows.length}` : `${STATUS_LABELS[key]} ${phase.preview.counts[key]}`}
              </button>
            ))}
          </div>
          <PreviewTable preview={phase.preview} shown={shown} />
        </>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      {phase.kind === 'preview' && (
        <div className="button-row">
          <button
            type="button"
            className="primary"
            disabled={locked || phase.preview.counts.new + phase.preview.counts.changed === 0}
            onClick={() => void apply(phase.fileName, phase.preview)}
          >
            Apply {phase.preview.counts.new + phase.preview.counts.changed} changes
          </button>
          <button type="button" onClick={() => setPhase({ kind: 'choose' })}>
            Choose another file
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      )}
    </Dialog>
  );
}
