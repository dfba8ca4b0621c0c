/**
 * Shown instead of the workbook when it cannot be opened, or when it is missing or shorter than this
 * computer recorded: say why, and what can be done. Never first start over a lost workbook.
 */
import { useState } from 'react';
import { readBackup } from '../bundle/backups';
import { BundleImport } from '../bundle/BundleImport';
import { useBackups } from '../bundle/useBackups';
import type { WorkbookDb } from '../db/database';
import type { WorkbookError } from '../db/errors';
import { platform } from '../platform';
import { resetMarker } from './marker';
import { saveRecoveryCopy } from './recoveryCopy';

interface RecoveryProps {
  error: WorkbookError;
  dbName: string;
  onRetry: () => void;
  /** For a workbook that opened but is shorter than recorded: continue with what is there. */
  onOpenAnyway?: () => void;
  /** The opened (but lost) workbook, to restore a bundle or backup into; then reopened with onRestored. */
  restoreInto?: { db: WorkbookDb; onRestored: () => void };
}

export function RecoveryScreen({ error, dbName, onRetry, onOpenAnyway, restoreInto }: RecoveryProps) {
  const [status, setStatus] = useState<string>('');
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const backups = useBackups(null, !!restoreInto);
  const [preset, setPreset] = useState<{ name: string; file: Blob } | null>(null);

  async function download() {
    setBusy(true);
    setStatus('Reading what can be read…');
    setStatus(await saveRecoveryCopy(dbName));
    setBusy(false);
  }

  const lost = error.kind === 'lost';
  return (
    <main className="recovery" aria-labelledby="recovery-title">
      <h1 id="recovery-title">{lost ? 'Your workbook is not what this computer last saved' : 'Your workbook could not be opened'}</h1>
      <p role="alert">{error.message}</p>
      {error.kind === 'newer-format' ? (
        <p>Your data is untouched. Open it with the newer version of CSMS Workbook that saved it.</p>
      ) : lost ? (
        <p>
          Nothing has been changed. Save a copy of what can still be read, restore a bundle or backup you saved, or continue with what is
          there.
        </p>
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
        {onOpenAnyway && !confirming && (
          <button type="button" onClick={() => setConfirming(true)} disabled={busy}>
            Continue with what is there…
          </button>
        )}
      </div>
      {onOpenAnyway && confirming && (
        <div className="panel" role="group" aria-label="Continue with what is there">
          <p>
            The missing changes cannot be brought back from here. From now on this computer records the workbook as it is. Save a copy first
            if you have not.
          </p>
          <div className="button-row">
            <button type="button" onClick={() => setConfirming(false)}>
              Cancel
            </button>
            <button type="button" className="danger" onClick={onOpenAnyway}>
              Continue with the workbook as it is
            </button>
          </div>
        </div>
      )}
      {restoreInto && (
        <section className="panel" aria-labelledby="restore-title">
          <h2 id="restore-title">Restore a copy</h2>
          <p>Replace what is there with a bundle you saved, or with one of the automatic backups. The copy is checked whole first.</p>
          {backups && backups.backups.length > 0 && (
            <ul>
              {backups.backups.slice(0, 5).map((b) => (
                <li key={b.name}>
                  <button
                    type="button"
                    onClick={() => {
                      const store = platform.backups;
                      if (store) void readBackup(store, b.name).then((file) => setPreset({ name: b.name, file }));
                    }}
                  >
                    Open the backup of {new Date(b.at).toLocaleString()}
                    {b.logCount !== null ? ` (${b.logCount} changes)` : ''}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <BundleImport
            db={restoreInto.db}
            restoreOnly
            preset={preset}
            onRestored={async (log) => {
              await resetMarker(dbName, { ...log, at: new Date().toISOString() });
              restoreInto.onRestored();
            }}
          />
        </section>
      )}
      {status && <p role="status">{status}</p>}
    </main>
  );
}
