/**
 * Asked right after files are attached to a requirement: who owns them, when they were collected and when
 * they stop being valid. Prefilled (the owner already on the record or the person working, collected
 * today, no expiry) and skippable; Save gives the same details to every file just attached.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import { RECORD_LIMITS } from '../../core/records/fields';
import type { Evidence } from '../../core/records/model';
import { WorkbookError } from '../db/errors';
import { updateEvidenceDetails, workingPersonName } from '../db/repo/evidenceDetails';
import { useWorkbook } from '../workbook/WorkbookContext';
import '../styles/findings.css';

export function AttachDetailsForm({ evidence, today, onDone }: { evidence: Evidence[]; today: string; onDone: () => void }) {
  const db = useWorkbook();
  const id = useId();
  const first = evidence[0];
  const [owner, setOwner] = useState(first?.owner ?? '');
  const [collectedOn, setCollectedOn] = useState(first?.collectedOn ?? today);
  const [expiresOn, setExpiresOn] = useState(first?.expiresOn ?? '');
  const [error, setError] = useState('');

  useEffect(() => {
    // Only a record without an owner is prefilled with the person working, and only if not yet typed in.
    if (first?.owner) return;
    let live = true;
    void workingPersonName(db).then((name) => live && name && setOwner((o) => o || name));
    return () => {
      live = false;
    };
  }, [db, first?.owner]);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    try {
      await updateEvidenceDetails(
        db,
        evidence.map((e) => e.id),
        {
          ...(owner.trim() ? { owner: owner.trim() } : {}),
          ...(collectedOn ? { collectedOn } : {}),
          ...(expiresOn ? { expiresOn } : {}),
        },
      );
      onDone();
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'The details were not saved; the files are attached.');
    }
  }

  const names = evidence.map((e) => e.id).join(', ');
  return (
    <form className="notice action-fields" aria-label={`Details of ${names}`} onSubmit={(e) => void submit(e)}>
      <p className="field wide">Details for {names} (optional):</p>
      <div className="field">
        <label htmlFor={`${id}-owner`}>Owner</label>
        <input id={`${id}-owner`} maxLength={RECORD_LIMITS.owner} value={owner} onChange={(e) => setOwner(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-collected`}>Collected on</label>
        <input id={`${id}-collected`} type="date" max="9999-12-31" value={collectedOn} onChange={(e) => setCollectedOn(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-expires`}>Expires on</label>
        <input id={`${id}-expires`} type="date" max="9999-12-31" value={expiresOn} onChange={(e) => setExpiresOn(e.target.value)} />
      </div>
      <div className="button-row" style={{ flex: '1 1 100%' }}>
        <button type="submit" className="primary">
          Save details
        </button>
        <button type="button" onClick={onDone}>
          Skip
        </button>
      </div>
      {error && (
        <p role="alert" className="error-text field wide">
          {error}
        </p>
      )}
    </form>
  );
}
