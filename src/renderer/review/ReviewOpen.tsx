/**
 * Opening a received bundle for review: it is read and checked whole in a worker, the reviewer says
 * who they are (and which assessment, if it holds several), and a review copy is made apart from the
 * user's own workbook. A refused bundle says why and nothing is made.
 */
import { useId, useState, type FormEvent } from 'react';
import { BUNDLE_LIMITS } from '../../core/bundle/format';
import { BUNDLE_FILTERS } from '../bundle/saveBundle';
import type { ReadBundleResult } from '../bundle/bundleIo';
import { assessmentsToReview, loadReviewCopy } from '../db/bundle/reviewCopy';
import { WorkbookError } from '../db/errors';
import { platform } from '../platform';
import { unpackInWorker } from '../workers/bundleInWorker';
import { useWorkbookSwitch } from '../workbook/WorkbookContext';
import { BundleChecking } from '../bundle/BundleChecking';

type Phase =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; done: number; total: number; cancel: () => void }
  | { phase: 'details'; name: string; read: ReadBundleResult }
  | { phase: 'opening'; name: string }
  | { phase: 'refused'; message: string };

const sentence = (clause: string) => `${clause.replace(/[.\s]+$/, '')}.`;

export function ReviewOpen() {
  const workbooks = useWorkbookSwitch();
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const ids = { assessment: useId(), name: useId(), organization: useId() };

  async function pick() {
    const picked = await platform.openFiles({ multiple: false, filters: BUNDLE_FILTERS, maxBytes: BUNDLE_LIMITS.totalBytes });
    if (!picked.ok) return setState({ phase: 'refused', message: picked.error });
    const file = picked.value[0];
    if (!file) return;
    const job = unpackInWorker(file.blob, (done, total) =>
      setState({ phase: 'reading', name: file.name, done, total, cancel: job.cancel }),
    );
    setState({ phase: 'reading', name: file.name, done: 0, total: file.blob.size, cancel: job.cancel });
    try {
      const read = await job.result;
      if (read.bundle.logProblem) {
        return setState({ phase: 'refused', message: `${file.name} cannot be reviewed: ${sentence(read.bundle.logProblem)}` });
      }
      setState({ phase: 'details', name: file.name, read });
    } catch (error) {
      if ((error as Error).name === 'AbortError') return setState({ phase: 'idle' });
      setState({ phase: 'refused', message: `${file.name} cannot be reviewed: ${sentence((error as Error).message)} Nothing was made.` });
    }
  }

  async function open(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (state.phase !== 'details') return;
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '').trim();
    const { name, read } = state;
    const assessmentId = value('assessment');
    setState({ phase: 'opening', name });
    try {
      await workbooks.openReview((db) =>
        loadReviewCopy(db, read.bundle, read.files, {
          assessmentId,
          bundleName: name,
          reviewer: { name: value('reviewer'), organization: value('organization') },
        }).then(() => undefined),
      );
      window.location.hash = `/assessment/${assessmentId}`;
    } catch (error) {
      const reason = error instanceof WorkbookError ? error.message : (error as Error).message;
      setState({ phase: 'refused', message: `The review copy was not made: ${sentence(reason)}` });
    }
  }

  const offered = state.phase === 'details' ? assessmentsToReview(state.read.bundle) : [];
  return (
    <div className="review-open">
      {(state.phase === 'idle' || state.phase === 'refused') && (
        <button type="button" onClick={() => void pick()}>
          Review a bundle…
        </button>
      )}
      {state.phase === 'refused' && (
        <p role="alert" className="error-text" data-testid="review-open-result">
          {state.message}
        </p>
      )}
      {state.phase === 'reading' && <BundleChecking name={state.name} done={state.done} total={state.total} onCancel={state.cancel} />}
      {state.phase === 'opening' && <p role="status">Making the review copy of {state.name}…</p>}
      {state.phase === 'details' && (
        <form className="panel form-grid" aria-label={`Review ${state.name}`} onSubmit={(e) => void open(e)}>
          <p className="form-actions">
            {state.name} is intact: every file matches its hash and the change log vouches for every record. It opens as a read-only review
            copy beside your own workbook, which stays as it is.
          </p>
          <label htmlFor={ids.assessment}>Assessment to review</label>
          <select id={ids.assessment} name="assessment" defaultValue={offered[0]?.id}>
            {offered.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor={ids.name}>Reviewer’s name</label>
          <input id={ids.name} name="reviewer" required maxLength={200} autoFocus />
          <label htmlFor={ids.organization}>Reviewer’s organization</label>
          <input id={ids.organization} name="organization" maxLength={200} placeholder="e.g. the audit firm" />
          <div className="form-actions button-row">
            <button type="submit" className="primary">
              Open for review
            </button>
            <button type="button" onClick={() => setState({ phase: 'idle' })}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
