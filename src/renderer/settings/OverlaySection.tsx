/** Settings: import the licensed official text of a catalogue (CSV or JSON), kept on this computer only. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { OVERLAY_LIMITS, type OverlayEntry } from '../../core/catalogue/overlay';
import { useToast } from '../components/toast';
import { shippedCatalogues } from '../content/catalogues';
import { WorkbookError } from '../db/errors';
import { getOverlay, removeOverlay, saveOverlay } from '../db/repo/overlays';
import { platform } from '../platform';
import { overlayInWorker } from '../workers/overlayInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';
import { entriesLabel, planOverlayImport, type PendingOverlay } from './overlayImport';
import { UnknownIdsDialog } from './UnknownIdsDialog';

const FILTERS = [{ name: 'CSV or JSON', extensions: ['csv', 'json'] }];

export function OverlaySection() {
  const db = useWorkbook();
  const toast = useToast();
  const catalogues = shippedCatalogues().catalogues;
  const [catalogueId, setCatalogueId] = useState(catalogues[0]?.catalogue.id ?? '');
  const overlay = useLiveQuery(() => getOverlay(db, catalogueId), [db, catalogueId]);
  const selectId = useId();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<string[]>([]);
  const [pending, setPending] = useState<PendingOverlay | null>(null);
  const [message, setMessage] = useState('');
  const index = catalogues.find((c) => c.catalogue.id === catalogueId);

  function report(problems: string[], done = '') {
    setErrors(problems);
    setMessage(done);
  }

  async function save(fileName: string, entries: OverlayEntry[]) {
    try {
      await saveOverlay(db, catalogueId, fileName, entries);
      report([], `Imported ${entriesLabel(entries.length)} from ${fileName}.`);
    } catch (e) {
      report([e instanceof WorkbookError ? e.message : 'The licensed text was not saved.']);
    }
  }

  async function choose() {
    if (!index) return;
    report([]);
    const picked = await platform.openFiles({ multiple: false, filters: FILTERS, maxBytes: OVERLAY_LIMITS.fileBytes });
    if (!picked.ok) return report([picked.error]);
    const file = picked.value[0];
    if (!file) return;
    setBusy(true);
    try {
      // Parsed in a worker: the file is untrusted, and a hostile one must not freeze the page.
      const knownIds = index.requirements.map((r) => r.id);
      const plan = planOverlayImport(file.name, await overlayInWorker(file.name, file.blob, knownIds));
      if (plan.kind === 'errors') report(plan.errors);
      else if (plan.kind === 'confirm') setPending({ fileName: file.name, entries: plan.entries, unknownIds: plan.unknownIds });
      else await save(file.name, plan.entries);
    } catch {
      report([`${file.name} could not be read.`]);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (!overlay) return;
    try {
      await removeOverlay(db, catalogueId);
      report([], '');
      toast({
        message: `Removed the licensed text from ${overlay.fileName}.`,
        undo: async () => void (await saveOverlay(db, overlay.catalogueId, overlay.fileName, overlay.entries)),
      });
    } catch (e) {
      toast({ message: e instanceof WorkbookError ? e.message : 'The licensed text was not removed.', tone: 'error' });
    }
  }

  return (
    <section className="panel" aria-labelledby="overlay-title">
      <h2 id="overlay-title">Licensed text</h2>
      <p>
        If you own the standard, import its official wording (a CSV or JSON file with the columns id, text and optionally title) to show it
        beside each requirement. The text stays on this computer and goes into exports only when you choose to include it.
      </p>
      {catalogues.length === 0 ? (
        <p role="alert" className="error-text">
          No catalogue is available.
        </p>
      ) : (
        <>
          <div className="form-grid">
            <label htmlFor={selectId}>Catalogue</label>
            <select
              id={selectId}
              value={catalogueId}
              onChange={(e) => {
                setCatalogueId(e.target.value);
                report([]);
              }}
            >
              {catalogues.map((c) => (
                <option key={c.catalogue.id} value={c.catalogue.id}>
                  {c.catalogue.edition}
                </option>
              ))}
            </select>
          </div>
          {overlay === undefined ? (
            <p role="status">Loading…</p>
          ) : overlay ? (
            <dl className="facts settings-overlay-facts">
              <dt>File</dt>
              <dd>{overlay.fileName}</dd>
              <dt>Imported</dt>
              <dd>{new Date(overlay.importedAt).toLocaleString()}</dd>
              <dt>Entries</dt>
              <dd>{overlay.entries.length}</dd>
            </dl>
          ) : (
            <p className="muted">No licensed text imported for this catalogue.</p>
          )}
          <div className="button-row">
            <button
              type="button"
              onClick={() => void choose()}
              disabled={busy}
              aria-describedby={overlay ? `${selectId}-replace` : undefined}
            >
              {busy ? 'Reading…' : 'Import CSV or JSON…'}
            </button>
            {overlay && (
              <button type="button" onClick={() => void remove()} aria-label={`Remove the licensed text from ${overlay.fileName}`}>
                Remove
              </button>
            )}
          </div>
          {overlay && (
            <p id={`${selectId}-replace`} className="muted small">
              Importing a new file replaces the current text for this catalogue.
            </p>
          )}
        </>
      )}
      <p role="status" className="small">
        {message}
      </p>
      {errors.length > 0 && (
        <div role="alert" className="notice error">
          <p>Nothing was imported:</p>
          <ul>
            {/* The parser already caps the list and the length of each line. */}
            {errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}

      <UnknownIdsDialog
        pending={pending}
        onCancel={() => setPending(null)}
        onConfirm={(p) => {
          setPending(null);
          void save(p.fileName, p.entries);
        }}
      />
    </section>
  );
}
