/**
 * Backups and transfer: save the workbook (or one assessment) as a bundle, open a bundle to add or
 * restore, and in the desktop app the automatic backups with a way back from each.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { formatBytes } from '../../core/format/bytes';
import { BACKUP_AFTER_CHANGES, BACKUP_AFTER_MINUTES, readBackup } from '../bundle/backups';
import { BundleImport } from '../bundle/BundleImport';
import { ReviewOpen } from '../review/ReviewOpen';
import { saveBundle } from '../bundle/saveBundle';
import { useBackups } from '../bundle/useBackups';
import { listAssessments } from '../db/repo/assessments';
import { platform } from '../platform';
import { resetMarker } from '../workbook/marker';
import { useWorkbook } from '../workbook/WorkbookContext';

type Status = { phase: 'idle' } | { phase: 'working'; done: number; total: number } | { phase: 'done'; message: string; ok: boolean };

export function BundleSection() {
  const db = useWorkbook();
  const assessments = useLiveQuery(() => listAssessments(db, { includeArchived: true }), [db]) ?? [];
  const [scope, setScope] = useState('workbook');
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [preset, setPreset] = useState<{ name: string; file: Blob } | null>(null);
  const scopeId = useId();
  // Listed again after every save: a save may be followed by a backup.
  const backups = useBackups(status);

  async function save() {
    setStatus({ phase: 'working', done: 0, total: 1 });
    try {
      const where = await saveBundle(
        db,
        scope === 'workbook' ? { kind: 'workbook' } : { kind: 'assessment', assessmentId: scope },
        (done, total) => setStatus({ phase: 'working', done, total }),
      );
      setStatus({ phase: 'done', ok: true, message: where ? `Saved ${where}.` : 'Nothing was saved.' });
    } catch (error) {
      setStatus({ phase: 'done', ok: false, message: `The bundle was not saved: ${(error as Error).message}` });
    }
  }

  async function restoreBackup(name: string) {
    if (!platform.backups) return;
    setPreset({ name, file: await readBackup(platform.backups, name) });
  }

  return (
    <section className="panel" aria-labelledby="bundles-title">
      <h2 id="bundles-title">Backups and transfer</h2>
      <p>
        A bundle (.csmsx) holds the records, the change log and every evidence file; it moves the workbook to another computer or keeps a
        copy safe. Whoever opens it checks every file and the change log again.
      </p>
      <div className="form-grid">
        <label htmlFor={scopeId}>What to save</label>
        <select id={scopeId} value={scope} onChange={(e) => setScope(e.target.value)}>
          <option value="workbook">The whole workbook</option>
          {assessments.map((a) => (
            <option key={a.id} value={a.id}>
              Only “{a.name}”
            </option>
          ))}
        </select>
      </div>
      <div className="button-row">
        <button type="button" disabled={status.phase === 'working'} onClick={() => void save()}>
          Save as a bundle…
        </button>
      </div>
      {status.phase === 'working' && <progress max={status.total || 1} value={status.done} aria-label="Saving the bundle" />}
      {status.phase === 'done' && <p role={status.ok ? 'status' : 'alert'}>{status.message}</p>}
      <h3>Open a bundle</h3>
      <BundleImport
        db={db}
        preset={preset}
        onRestored={async (log) => {
          await resetMarker(db.name, { ...log, at: new Date().toISOString() });
        }}
      />
      <h3>Review a bundle</h3>
      <p>
        Open a bundle someone sent you as a read-only review copy, apart from this workbook: record a verdict per requirement and send back
        a review file.
      </p>
      <ReviewOpen />
      {backups && (
        <>
          <h3>Automatic backups</h3>
          <p>
            Written to {backups.folder} after {BACKUP_AFTER_CHANGES} changes, {BACKUP_AFTER_MINUTES} minutes after a change, and when the
            app closes; the newest are kept.
          </p>
          {backups.backups.length === 0 ? (
            <p>No backup yet.</p>
          ) : (
            <table className="data-table compact" aria-label="Backups, newest first">
              <thead>
                <tr>
                  <th scope="col">Written</th>
                  <th scope="col">Changes</th>
                  <th scope="col">Size</th>
                  <th scope="col">
                    <span className="visually-hidden">Restore</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {backups.backups.map((b) => (
                  <tr key={b.name}>
                    <td>{new Date(b.at).toLocaleString()}</td>
                    <td>{b.logCount ?? 'unknown'}</td>
                    <td>{formatBytes(b.size)}</td>
                    <td>
                      <button type="button" onClick={() => void restoreBackup(b.name)}>
                        Open…
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
