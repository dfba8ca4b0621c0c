/** Add a link (a document held elsewhere) or a note (an observation) as evidence. */
import { useState, type FormEvent } from 'react';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { WorkbookError } from '../db/errors';
import { addLink, addNote, type ResponseRef } from '../db/repo/evidence';
import { useWorkbook } from '../workbook/WorkbookContext';

export function EvidenceFormDialog({ kind, onClose, link }: { kind: 'link' | 'note' | null; onClose: () => void; link?: ResponseRef }) {
  const db = useWorkbook();
  const [error, setError] = useState('');
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (k: string) => String(form.get(k) ?? '').trim();
    const dates = {
      ...(text('collectedOn') ? { collectedOn: text('collectedOn') } : {}),
      ...(text('expiresOn') ? { expiresOn: text('expiresOn') } : {}),
    };
    try {
      if (kind === 'link') await addLink(db, { title: text('title'), location: text('location'), owner: text('owner'), ...dates }, link);
      else await addNote(db, { title: text('title'), note: text('note'), owner: text('owner'), ...dates }, link);
      setError('');
      onClose();
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'The evidence was not saved.');
    }
  }
  return (
    <Dialog title={kind === 'link' ? 'Add a link to a document' : 'Add a note'} open={kind !== null} onClose={onClose} wide>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor="ev-title">Title</label>
        <input id="ev-title" name="title" required maxLength={300} autoFocus />
        {kind === 'link' ? (
          <>
            <label htmlFor="ev-location">Where it is held</label>
            <input
              id="ev-location"
              name="location"
              required
              maxLength={2000}
              placeholder="Document number, file-share path or intranet address (never opened by the app)"
            />
          </>
        ) : (
          <>
            <label htmlFor="ev-note">Note</label>
            <textarea id="ev-note" name="note" required rows={4} maxLength={50000} />
          </>
        )}
        <label htmlFor="ev-owner">Owner</label>
        <input id="ev-owner" name="owner" maxLength={200} />
        <label htmlFor="ev-collected">Collected on</label>
        <input id="ev-collected" name="collectedOn" type="date" />
        <label htmlFor="ev-expires">Expires on</label>
        <input id="ev-expires" name="expiresOn" type="date" />
        <FormFooter error={error} submitLabel="Add" onCancel={onClose} />
      </form>
    </Dialog>
  );
}
