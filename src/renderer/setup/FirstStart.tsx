/**
 * First start: who the organization is, the marking its documents carry, which site, and who is working.
 * The marking is asked for, never assumed. Everything else can wait.
 */
import { useId, useState, type FormEvent } from 'react';
import { hasVisibleText } from '../../core/format/visibleText';
import { BundleImport } from '../bundle/BundleImport';
import { ReviewOpen } from '../review/ReviewOpen';
import { WorkbookError } from '../db/errors';
import { setUpWorkbook } from '../db/repo/setup';
import { resetMarker } from '../workbook/marker';
import { useWorkbook } from '../workbook/WorkbookContext';
import { MarkingPicker } from '../settings/MarkingPicker';

export function FirstStart() {
  const db = useWorkbook();
  const ids = { org: useId(), marking: useId(), site: useId(), name: useId(), role: useId() };
  const [marking, setMarking] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (key: string) => String(form.get(key) ?? '').trim();
    if (!hasVisibleText(marking)) {
      setError('Choose the classification marking your documents carry, or write your organization’s own.');
      return;
    }
    setBusy(true);
    setError('');
    try {
      await setUpWorkbook(db, {
        organization: value('organization'),
        classification: marking,
        site: value('site'),
        name: value('name'),
        role: value('role'),
      });
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'Setup could not be saved.');
      setBusy(false);
    }
  }

  return (
    <section className="screen narrow" aria-labelledby="screen-title">
      <h1 id="screen-title">Welcome to CSMS Workbook</h1>
      <p>
        Set up your organization once. Everything stays on this computer: the app never connects to a network. You can change these details
        later in Settings.
      </p>
      <form className="panel form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor={ids.org}>Organization</label>
        <input id={ids.org} name="organization" required maxLength={200} autoFocus placeholder="e.g. North Valley Water Authority" />
        <span id={ids.marking}>Classification marking</span>
        <MarkingPicker labelId={ids.marking} value={marking} onChange={setMarking} describedBy={`${ids.marking}-hint`} />
        <p id={`${ids.marking}-hint`} className="muted small form-actions marking-note">
          Printed on every page of every document you export, and given to new evidence unless you change it on the item.
        </p>
        <label htmlFor={ids.site}>Site</label>
        <input id={ids.site} name="site" required maxLength={200} placeholder="e.g. Riverside treatment plant" />
        <label htmlFor={ids.name}>Your name</label>
        <input id={ids.name} name="name" required maxLength={200} />
        <label htmlFor={ids.role}>Your role</label>
        <input id={ids.role} name="role" maxLength={200} placeholder="e.g. OT security lead" />
        <div className="form-actions">
          <button type="submit" className="primary" disabled={busy}>
            Continue
          </button>
        </div>
        {error && (
          <p role="alert" className="error-text form-actions marking-note">
            {error}
          </p>
        )}
      </form>
      <section className="panel" aria-labelledby="start-from-bundle">
        <h2 id="start-from-bundle">Or start from a bundle</h2>
        <p>
          Moving to this computer? Open the workbook bundle (.csmsx) saved on the other one; it is checked whole before anything is written.
        </p>
        <BundleImport
          db={db}
          restoreOnly
          onRestored={async (log) => {
            await resetMarker(db.name, { ...log, at: new Date().toISOString() });
          }}
        />
      </section>
      <section className="panel" aria-labelledby="review-a-bundle">
        <h2 id="review-a-bundle">Or review someone else’s bundle</h2>
        <p>
          Auditing or reviewing an assessment you were sent? Open it as a read-only review copy, record a verdict per requirement, and send
          back a review file. Nothing is set up here for it.
        </p>
        <ReviewOpen />
      </section>
    </section>
  );
}
