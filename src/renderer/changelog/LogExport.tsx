/** Saves the filtered or whole log as CSV (to read) or JSON lines (to check), through the platform's save. */
import { useState } from 'react';
import type { AuditEntry } from '../../core/audit/chain';
import { changeLogCsv, changeLogJsonl } from '../../core/audit/logFiles';
import type { LogNames } from '../../core/audit/logView';
import { platform } from '../platform';

interface Props {
  all: AuditEntry[];
  /** The filtered entries in log order. */
  filtered: AuditEntry[];
  names: LogNames;
}

export function LogExport({ all, filtered, names }: Props) {
  const [scope, setScope] = useState<'filtered' | 'all'>('filtered');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const entries = scope === 'all' ? all : filtered;

  async function save(kind: 'csv' | 'jsonl') {
    setBusy(true);
    setStatus(`Preparing ${entries.length.toLocaleString('en')} entries…`);
    // Let the status paint before the (synchronous) text is built.
    await new Promise((resolve) => setTimeout(resolve, 0));
    try {
      const text = kind === 'csv' ? changeLogCsv(entries, names) : changeLogJsonl(entries);
      const type = kind === 'csv' ? 'text/csv' : 'application/jsonl';
      const filters = [kind === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'JSON lines', extensions: ['jsonl'] }];
      const saved = await platform.saveBlob(`changelog.${kind}`, new Blob([text], { type }), filters);
      if (!saved.ok) throw new Error(saved.error);
      setStatus(saved.value.saved ? `Saved ${saved.value.path}.` : 'Nothing was saved.');
    } catch (error) {
      setStatus(`The log was not saved: ${(error as Error).message}`);
    } finally {
      setBusy(false);
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
      </div>
      {scope === 'filtered' && filtered.length !== all.length && (
        <p className="muted">Only the whole log can be checked as a chain (csms log verify); a filtered file leaves entries out.</p>
      )}
      {status && <p role="status">{status}</p>}
    </div>
  );
}
