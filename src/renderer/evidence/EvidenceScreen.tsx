/** The evidence of the whole workbook: add files (button or drop), see what is stored, check integrity. */
import { useLiveQuery } from 'dexie-react-hooks';
import { Upload } from 'lucide-react';
import { useRef, useState, type DragEvent } from 'react';
import { readSettings } from '../db/repo/settings';
import { platform } from '../platform';
import { useWorkbook } from '../workbook/WorkbookContext';
import { AddFilesStatus } from './AddFilesStatus';
import { EvidenceTable } from './EvidenceTable';
import { IntegrityPanel } from './IntegrityPanel';
import { useAddFiles } from './useAddFiles';

export function EvidenceScreen() {
  const db = useWorkbook();
  const evidence = useLiveQuery(() => db.evidence.orderBy('number').toArray(), [db]);
  const { state, add, dismiss, fail } = useAddFiles();
  const [dragging, setDragging] = useState(false);
  const depth = useRef(0);

  async function choose() {
    const { evidenceSizeCap } = await readSettings(db);
    const picked = await platform.openFiles({ multiple: true, filters: [], maxBytes: evidenceSizeCap });
    if (picked.ok) await add(picked.value);
    else fail(picked.error);
  }

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    depth.current = 0;
    setDragging(false);
    const files = Array.from(event.dataTransfer.files);
    void add(files.map((f) => ({ name: f.name, type: f.type, blob: f })));
  };

  return (
    <section
      className={`screen${dragging ? ' dragging' : ''}`}
      aria-labelledby="screen-title"
      onDragEnter={(e) => {
        e.preventDefault();
        depth.current += 1;
        setDragging(true);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDragLeave={() => {
        depth.current -= 1;
        if (depth.current <= 0) setDragging(false);
      }}
      onDrop={onDrop}
    >
      <header className="screen-header">
        <h1 id="screen-title">Evidence</h1>
        <button type="button" className="primary" onClick={() => void choose()} disabled={state.phase === 'working'}>
          <Upload aria-hidden="true" size={16} /> Add files
        </button>
      </header>
      <AddFilesStatus state={state} onChoose={(files, choice) => void add(files, choice)} onDismiss={dismiss} canLinkExisting={false} />
      {evidence === undefined ? <p role="status">Loading…</p> : <EvidenceTable evidence={evidence} />}
      <IntegrityPanel />
    </section>
  );
}
