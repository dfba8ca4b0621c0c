/**
 * Rename, carry over into a re-assessment, archive and delete: each with its own small dialog.
 * A signed-off assessment is locked: rename and delete stay visible but disabled, with why; re-assess and archive stay.
 */
import { useId, useState, type FormEvent } from 'react';
import { isLocked } from '../../core/records/lifecycle';
import type { Assessment } from '../../core/records/model';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { useToast } from '../components/toast';
import { WorkbookError } from '../db/errors';
import { archiveAssessment, deleteAssessment, duplicateAssessment, renameAssessment } from '../db/repo/assessments';
import { runTracked } from '../workbook/pendingWork';
import { useWorkbook } from '../workbook/WorkbookContext';
import '../styles/lifecycle.css';

type Mode = 'rename' | 'duplicate' | 'delete' | null;

export function AssessmentActions({ assessment, onOpen }: { assessment: Assessment; onOpen: (id: string) => void }) {
  const db = useWorkbook();
  const toast = useToast();
  const [mode, setMode] = useState<Mode>(null);
  const [error, setError] = useState('');
  const lockedNoteId = useId();
  const locked = isLocked(assessment);
  const lockedProps = locked
    ? { disabled: true, 'aria-describedby': lockedNoteId, title: 'Signed off and locked: reopen it to change or delete it.' }
    : {};
  const close = () => {
    setMode(null);
    setError('');
  };
  const attempt = async (work: () => Promise<void>) => {
    try {
      await work();
      close();
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'That did not work.');
    }
  };
  const field = (event: FormEvent<HTMLFormElement>, name: string) => String(new FormData(event.currentTarget).get(name) ?? '');
  const nextYear = (date: string) => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}`;

  return (
    <div className="row-actions">
      <button type="button" className="primary" onClick={() => onOpen(assessment.id)}>
        Open
      </button>
      <button type="button" {...lockedProps} onClick={() => setMode('rename')}>
        Rename
      </button>
      <button type="button" onClick={() => setMode('duplicate')}>
        Re-assess
      </button>
      <button type="button" onClick={() => void archiveAssessment(db, assessment.id, !assessment.archived)}>
        {assessment.archived ? 'Restore' : 'Archive'}
      </button>
      <button type="button" {...lockedProps} onClick={() => setMode('delete')}>
        Delete
      </button>
      {locked && (
        <span id={lockedNoteId} className="muted small row-note">
          Signed off and locked. Reopen it to rename or delete it.
        </span>
      )}

      <Dialog title={`Rename “${assessment.name}”`} open={mode === 'rename'} onClose={close}>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            const name = field(e, 'name');
            void attempt(async () => void (await renameAssessment(db, assessment.id, name)));
          }}
        >
          <label>
            New name <input name="name" defaultValue={assessment.name} required maxLength={200} autoFocus />
          </label>
          {error && (
            <p role="alert" className="error-text">
              {error}
            </p>
          )}
          <div className="button-row">
            <button type="submit" className="primary">
              Rename
            </button>
            <button type="button" onClick={close}>
              Cancel
            </button>
          </div>
        </form>
      </Dialog>

      <Dialog title="Start a re-assessment" open={mode === 'duplicate'} onClose={close}>
        <p>The new assessment starts from this one’s answers and evidence links, each marked as carried over until you confirm it.</p>
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            const input = { name: field(e, 'name'), periodStart: field(e, 'start'), periodEnd: field(e, 'end') };
            void attempt(async () =>
              onOpen(
                (await runTracked({ label: `Re-assessing "${assessment.name}"` }, () => duplicateAssessment(db, assessment.id, input))).id,
              ),
            );
          }}
        >
          <label htmlFor="dup-name">Name</label>
          <input id="dup-name" name="name" defaultValue={`${assessment.name} (re-assessment)`} required maxLength={200} />
          <label htmlFor="dup-start">Period from</label>
          <input id="dup-start" name="start" type="date" defaultValue={nextYear(assessment.periodStart)} required />
          <label htmlFor="dup-end">Period to</label>
          <input id="dup-end" name="end" type="date" defaultValue={nextYear(assessment.periodEnd)} required />
          <FormFooter error={error} submitLabel="Create re-assessment" onCancel={close} />
        </form>
      </Dialog>

      <Dialog title={`Delete “${assessment.name}”?`} open={mode === 'delete'} onClose={close}>
        <p>
          Its answers, evidence links and actions are deleted with it. Evidence records stay in the evidence library. This cannot be undone.
        </p>
        {error && (
          <p role="alert" className="error-text">
            {error}
          </p>
        )}
        <div className="button-row">
          <button
            type="button"
            className="danger"
            onClick={() =>
              void attempt(async () => {
                const removed = await runTracked({ label: `Deleting "${assessment.name}"` }, () => deleteAssessment(db, assessment.id));
                toast({ message: `Deleted “${assessment.name}” with ${removed.responses} answers and ${removed.actions} actions.` });
              })
            }
          >
            Delete assessment
          </button>
          <button type="button" onClick={close}>
            Cancel
          </button>
        </div>
      </Dialog>
    </div>
  );
}
