/**
 * The reviewer's panel on a requirement page of a review copy: a verdict and a comment, and for each
 * evidence file linked here a check that re-hashes the stored file against the register's SHA-256.
 */
import { useId, useState } from 'react';
import type { Evidence } from '../../core/records/model';
import { VERDICT_LABELS, VERDICTS, type Review, type Verdict } from '../../core/review/schema';
import { useToast } from '../components/toast';
import { WorkbookError } from '../db/errors';
import { checkEvidenceFile, setVerdict } from '../db/repo/reviews';
import { hashInWorker } from '../workers/hashInWorker';
import { useAutosave } from '../hooks/useAutosave';
import { useWorkbook } from '../workbook/WorkbookContext';

/** Keyed by requirement where it is used: its state starts from what is stored, and only it changes the review here. */
interface Props {
  review: Review;
  requirementId: string;
  linked: readonly Evidence[];
}

const message = (error: unknown, fallback: string) => (error instanceof WorkbookError ? error.message : fallback);

export function ReviewPanel({ review, requirementId, linked }: Props) {
  const db = useWorkbook();
  const toast = useToast();
  const saved = review.verdicts.find((v) => v.requirementId === requirementId);
  const [comment, setComment] = useState(saved?.comment ?? '');
  // Shown at once; the stored review follows a moment later.
  const [choice, setChoice] = useState<Verdict | null>(saved?.verdict ?? null);
  const commentId = useId();
  // The comment is saved as it is typed (a moment after typing stops, at once on blur or when the window hides).
  const autosave = useAutosave<{ verdict: Verdict; comment: string }>((v) =>
    setVerdict(db, review.id, requirementId, v.verdict, v.comment).then(() => undefined),
  );

  async function save(verdict: Verdict | null, text: string) {
    setChoice(verdict);
    // A comment still waiting to be saved lands first, so the verdict's save does not overwrite it.
    await autosave.flush();
    try {
      await setVerdict(db, review.id, requirementId, verdict, text);
    } catch (error) {
      toast({ message: message(error, 'The verdict was not saved.'), tone: 'error' });
    }
  }

  return (
    <section className="panel review-panel" aria-labelledby="review-panel-title" data-testid="review-panel">
      <h2 id="review-panel-title">Your verdict</h2>
      <fieldset className="verdict-choices">
        <legend className="visually-hidden">Verdict on {requirementId}</legend>
        {VERDICTS.map((v) => (
          <label key={v}>
            <input type="radio" name={`verdict-${requirementId}`} checked={choice === v} onChange={() => void save(v, comment)} />{' '}
            {VERDICT_LABELS[v]}
          </label>
        ))}
        <label>
          <input type="radio" name={`verdict-${requirementId}`} checked={choice === null} onChange={() => void save(null, '')} /> No verdict
          yet
        </label>
      </fieldset>
      <label htmlFor={commentId}>Comment for the owner</label>
      <textarea
        id={commentId}
        value={comment}
        maxLength={20_000}
        disabled={choice === null}
        placeholder={choice ? 'What you saw, what is missing' : 'Choose a verdict first'}
        onChange={(e) => {
          setComment(e.target.value);
          if (choice) autosave.schedule({ verdict: choice, comment: e.target.value });
        }}
        onBlur={() => void autosave.flush()}
      />
      {autosave.state.phase === 'error' && (
        <p role="alert" className="error-text">
          {/* A whole sentence that already says the change was not saved. */}
          Comment: {autosave.state.message}
        </p>
      )}
      <h3>Evidence</h3>
      {linked.length === 0 ? (
        <p className="muted">No evidence is linked to this requirement.</p>
      ) : (
        <ul className="evidence-checks">
          {linked.map((e) => (
            <EvidenceCheckRow key={e.id} review={review} evidence={e} />
          ))}
        </ul>
      )}
    </section>
  );
}

function EvidenceCheckRow({ review, evidence }: { review: Review; evidence: Evidence }) {
  const db = useWorkbook();
  const toast = useToast();
  const check = review.evidenceChecks.find((c) => c.evidenceId === evidence.id);
  const [note, setNote] = useState(check?.note ?? '');
  const [busy, setBusy] = useState(false);
  const noteId = useId();

  async function run() {
    setBusy(true);
    try {
      const result = await checkEvidenceFile(db, review.id, evidence.id, note, hashInWorker);
      toast({
        message:
          result === 'verified'
            ? `${evidence.id}: the stored file matches the register’s SHA-256.`
            : `${evidence.id}: the stored file does NOT match the register’s SHA-256.`,
        tone: result === 'verified' ? undefined : 'error',
      });
    } catch (error) {
      toast({ message: message(error, 'The file could not be checked.'), tone: 'error' });
    } finally {
      setBusy(false);
    }
  }

  return (
    <li data-testid={`evidence-check-${evidence.id}`}>
      <span>
        <strong>{evidence.id}</strong> {evidence.title}
      </span>
      {check && (
        <span className={`verdict-badge ${check.result === 'verified' ? 'accepted' : 'not-accepted'}`}>
          {check.result === 'verified' ? 'Verified' : 'Does not match'} {new Date(check.at).toLocaleDateString()}
        </span>
      )}
      {evidence.kind === 'file' ? (
        <>
          <label htmlFor={noteId} className="visually-hidden">
            Note on {evidence.id}
          </label>
          <input
            id={noteId}
            type="text"
            value={note}
            maxLength={5_000}
            placeholder="Note (optional)"
            onChange={(e) => setNote(e.target.value)}
          />
          <button type="button" disabled={busy} onClick={() => void run()}>
            {check ? 'Check again' : 'Check the file'}
          </button>
        </>
      ) : (
        <span className="muted small">A {evidence.kind}: there is no stored file to re-hash.</span>
      )}
    </li>
  );
}
