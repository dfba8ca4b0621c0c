/**
 * Saves the filtered or whole log as CSV (to read) or JSON lines (to check), through the platform's
 * save. The file is built in a worker with its progress shown; Cancel stops it and saves nothing.
 */
import { useEffect, useRef, useState } from 'react';
import type { AuditEntry } from '../../core/audit/chain';
import type { LogFileKind } from '../../core/audit/logFiles';
import type { LogNames } from '../../core/audit/logView';
import { platform } from '../platform';
import { isCancelled, logFileInWorker, type ChangeLogJob } from '../workers/changeLogInWorker';

interface Props {
  all: AuditEntry[];
  /** The filtered entries in log order. */
  filtered: AuditEntry[];
  names: LogNames;
}

const FILTERS: Record<LogFileKind, { name: string; extensions: string[] }> = {
  csv: { name: 'CSV', extensions: ['csv'] },
  jsonl: { name: 'JSON lines', extensions: ['jsonl'] },
};

type Status =
  | { phase: 'idle' }
  | { phase: 'building'; label: string; done: number; total: number }
  | { phase: 'saving' }
  | { phase: 'done'; message: string }
  | { phase: 'failed'; message: string };

export function LogExport({ all, filtered, names }: Props) {
  const [scope, setScope] = useState<'filtered' | 'all'>('filtered');
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const job = useRef<ChangeLogJob<Blob> | null>(null);
  const busy = status.phase === 'building' || status.phase === 'saving';
  const entries = scope === 'all' ? all : filtered;

  // Leaving the screen stops a file still being built.
  useEffect(() => () => job.current?.cancel(), []);

  async function save(kind: LogFileKind) {
    const label = `Preparing the ${kind === 'csv' ? 'CSV' : 'JSON lines'} file…`;
    setStatus({ phase: 'building', label, done: 0, total: entries.length });
    try {
      job.current = logFileInWorker(kind, entries, names, (_stage, done, total) => setStatus({ phase: 'building', label, done, total }));
      const blob = await job.current.result;
      job.current = null;
      setStatus({ phase: 'saving' });
      const saved = await platform.saveBlob(`changelog.${kind}`, blob, [FILTERS[kind]]);
      if (!saved.ok) throw new Error(saved.error);
      setStatus({ phase: 'done', message: saved.value.saved ? `Saved ${saved.value.path}.` : 'Nothing was saved.' });
    } catch (error) {
      setStatus(
        isCancelled(error)
          ? { phase: 'done', message: 'Cancelled: nothing was saved.' }
          : { phase: 'failed', message: `The log was not saved: ${(error as Error).message}` },
      );
    } finally {
      job.current = null;
    }
  }

  return (
    <div className="log-export">
      <fieldset>
        <legend>Save</legend>
        <label>
          <input type="radio" name="log-scope" checked={scope === 'filtered'} onChange={() => setScope('filtered')} /> the entries shown (
          {filtered.length.toLocaleString('en')})
        </label>
        <label>
          <input type="radio" name="log-scope" checked={scope === 'all'} onChange={() => setScope('all')} /> the whole log (
          {all.length.toLocaleString('en')})
        </label>
      </fieldset>
      <div className="button-row">
        <button type="button" disabled={busy || entries.length === 0} onClick={() => void save('csv')}>
          Save as CSV
        </button>
        <button type="button" disabled={busy || entries.length === 0} onClick={() => void save('jsonl')}>
          Save as JSON lines
        </button>
        {status.phase === 'building' && (
          <button type="button" onClick={() => job.current?.cancel()}>
            Cancel
          </button>
        )}
      </div>
      {scope === 'filtered' && filtered.length !== all.length && (
        <p className="muted">Only the whole log can be checked as a chain (csms log verify); a filtered file leaves entries out.</p>
      )}
      {status.phase === 'building' && (
        <div className="notice" role="status">
          <label>
            {status.label} {status.done.toLocaleString('en')} of {status.total.toLocaleString('en')} entries
            <progress max={status.total || 1} value={status.done} />
          </label>
        </div>
      )}
      {status.phase === 'saving' && <p role="status">Saving the file…</p>}
      {status.phase === 'done' && <p role="status">{status.message}</p>}
      {status.phase === 'failed' && (
        <p role="alert" className="notice error">
          {status.message}
        </p>
      )}
    </div>
  );
}
