/** Edit an evidence record's details: title, owner, dates, classification. */
import { useState, type FormEvent } from 'react';
import type { Evidence } from '../../core/records/model';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { WorkbookError } from '../db/errors';
import { updateEvidence } from '../db/repo/evidence';
import { useWorkbook } from '../workbook/WorkbookContext';

export function EditEvidenceDialog({ evidence, onClose }: { evidence: Evidence | null; onClose: () => void }) {
  const db = useWorkbook();
  const [error, setError] = useState('');
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!evidence) return;
    const form = new FormData(event.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    try {
      await updateEvidence(db, evidence.id, {
        title: text('title'),
        owner: text('owner'),
        classification: text('classification'),
        ...(text('collectedOn') ? { collectedOn: text('collectedOn') } : {}),
        ...(text('expiresOn') ? { expiresOn: text('expiresOn') } : {}),
      });
      setError('');
      onClose();
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'The changes were not saved.');
    }
  }
  return (
    <Dialog title={evidence ? `Edit ${evidence.id}` : ''} open={evidence !== null} onClose={onClose} wide>
      {evidence && (
        <form className="form-grid" onSubmit={(e) => void submit(e)}>
          <label htmlFor="edit-title">Title</label>
          <input id="edit-title" name="title" defaultValue={evidence.title} required maxLength={300} autoFocus />
          <label htmlFor="edit-owner">Owner</label>
          <input id="edit-owner" name="owner" defaultValue={evidence.owner} maxLength={200} />
          <label htmlFor="edit-class">Classification</label>
          <input id="edit-class" name="classification" defaultValue={evidence.classification} maxLength={40} />
          <label htmlFor="edit-collected">Collected on</label>
          <input id="edit-collected" name="collectedOn" type="date" defaultValue={evidence.collectedOn ?? ''} />
          <label htmlFor="edit-expires">Expires on</label>
          <input id="edit-expires" name="expiresOn" type="date" defaultValue={evidence.expiresOn ?? ''} />
          <FormFooter error={error} submitLabel="Save" onCancel={onClose} />
        </form>
      )}
    </Dialog>
  );
}
