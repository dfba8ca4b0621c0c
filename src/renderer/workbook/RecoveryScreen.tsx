/** Shown instead of a blank window when the workbook cannot be opened: say why, and what can be done. */
import { useState } from 'react';
import type { WorkbookError } from '../db/errors';
import { platform } from '../platform';

export function RecoveryScreen({ error, onRetry }: { error: WorkbookError; onRetry: () => void }) {
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);

  async function download() {
    setBusy(true);
    setStatus('Reading what can be read…');
    try {
      const { exportRaw } = await import('./rawExport');
      const result = await exportRaw();
      const saved = await platform.saveFile({
        suggestedName: `csms-workbook-recovery-${new Date().toISOString().slice(0, 10)}.zip`,
        bytes: result.zip,
        filters: [{ name: 'Zip archive', extensions: ['zip'] }],
      });
      const counts = Object.entries(result.stores)
        .map(([store, n]) => `${store}: ${n}`)
        .join(', ');
      if (!saved.ok) setStatus(`The copy could not be saved: ${saved.error}`);
      else if (saved.value.saved)
        setStatus(`Saved a copy (${counts}).${result.unreadable.length ? ` Could not read: ${result.unreadable.join(', ')}.` : ''}`);
      else setStatus('Nothing was saved.');
    } catch (e) {
      setStatus(`Nothing could be read: ${(e as Error).message}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">Your workbook could not be opened</h1>
      <p role="alert">{error.message}</p>
      {error.kind === 'newer-format' ? (
        <p>Your data is untouched. Open it with the newer version of CSMS Workbook that saved it.</p>
      ) : (
        <p>
          Your data has not been changed. Try again; if it keeps failing, save a copy of everything that can still be read and keep it safe.
        </p>
      )}
      <div className="button-row">
        <button type="button" onClick={onRetry} disabled={busy}>
          Try again
        </button>
        <button type="button" onClick={() => void download()} disabled={busy}>
          Save a copy of what can be read
        </button>
      </div>
      {status && <p role="status">{status}</p>}
    </main>
  );
}
