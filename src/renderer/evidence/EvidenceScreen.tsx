/** The evidence library: every record of the workbook, filtered and sorted; add, edit, bulk link, delete. */
import { useLiveQuery } from 'dexie-react-hooks';
import { Upload } from 'lucide-react';
import { useMemo, useState } from 'react';
import { libraryRows, type LibraryFilter, type LibraryRow, type LibrarySort } from '../../core/workspace/evidenceLibrary';
import type { Evidence, EvidenceKind } from '../../core/records/model';
import { requirementsByEvidence } from '../../core/workspace/evidenceRequirements';
import { useChosenAssessment } from '../components/AssessmentPicker';
import { Dialog } from '../components/Dialog';
import { useToast } from '../components/toast';
import { evidenceLibrary } from '../db/queries/evidenceLibrary';
import { deleteEvidence, restoreEvidence } from '../db/repo/evidence';
import { useFileDrop } from '../hooks/useFileDrop';
import { useToday } from '../hooks/useToday';
import { useWorkbook } from '../workbook/WorkbookContext';
import { AddFilesStatus } from './AddFilesStatus';
import { BulkLinkDialog } from './BulkLinkDialog';
import { EditEvidenceDialog } from './EditEvidenceDialog';
import { EvidenceFormDialog } from './EvidenceFormDialog';
import { EvidenceTable } from './EvidenceTable';
import { IntegrityPanel } from './IntegrityPanel';
import { pickAndAddFiles } from './pickFiles';
import { useAddFiles } from './useAddFiles';

export function EvidenceScreen() {
  const db = useWorkbook();
  const toast = useToast();
  const data = useLiveQuery(() => evidenceLibrary(db), [db]);
  const upload = useAddFiles();
  const { state, add, dismiss } = upload;
  const drop = useFileDrop((files) => void add(files));
  const [kind, setKind] = useState<EvidenceKind | 'all'>('all');
  const [filter, setFilter] = useState<LibraryFilter>('all');
  const [text, setText] = useState('');
  const [sort, setSort] = useState<{ key: LibrarySort; descending: boolean }>({ key: 'id', descending: false });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [dialog, setDialog] = useState<'link' | 'note' | 'bulk' | null>(null);
  const [editing, setEditing] = useState<Evidence | null>(null);
  const [deleting, setDeleting] = useState<LibraryRow | null>(null);
  const today = useToday();
  // Which assessment's requirements the table names; 'all' names every assessment's.
  const { assessments } = useChosenAssessment();
  const [supportsIn, setSupportsIn] = useState<string>('all');
  const supports = useMemo(() => requirementsByEvidence(data?.links ?? [], supportsIn), [data, supportsIn]);
  const assessmentNames = useMemo(() => new Map((assessments ?? []).map((a) => [a.id, a.name])), [assessments]);
  const rows = useMemo(
    () => (data ? libraryRows(data.evidence, data.links, { today, kind, filter, text, sort: sort.key, descending: sort.descending }) : []),
    [data, today, kind, filter, text, sort],
  );

  async function remove(row: LibraryRow) {
    setDeleting(null);
    try {
      const deleted = await deleteEvidence(db, row.evidence.id, { unlinkEverywhere: true });
      if (deleted) toast({ message: `Deleted ${row.evidence.id}.`, undo: () => restoreEvidence(db, deleted) });
    } catch (e) {
      toast({ message: (e as Error).message, tone: 'error' });
    }
  }

  return (
    <section className={`screen${drop.dragging ? ' dragging' : ''}`} aria-labelledby="screen-title" {...drop.handlers}>
      <header className="screen-header">
        <h1 id="screen-title">Evidence</h1>
        <div className="button-row">
          <button type="button" onClick={() => setDialog('link')}>
            Add link
          </button>
          <button type="button" onClick={() => setDialog('note')}>
            Add note
          </button>
          <button type="button" className="primary" onClick={() => void pickAndAddFiles(db, upload)} disabled={state.phase === 'working'}>
            <Upload aria-hidden="true" size={16} /> Add files
          </button>
        </div>
      </header>
      <AddFilesStatus state={state} onChoose={(files, choice) => void add(files, choice)} onDismiss={dismiss} canLinkExisting={false} />
      <div className="toolbar">
        <input
          type="search"
          aria-label="Find evidence"
          placeholder="Find by ID, title, owner"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <select aria-label="Kind" value={kind} onChange={(e) => setKind(e.target.value as EvidenceKind | 'all')}>
          <option value="all">All kinds</option>
          <option value="file">Files</option>
          <option value="link">Links</option>
          <option value="note">Notes</option>
        </select>
        <select aria-label="Show" value={filter} onChange={(e) => setFilter(e.target.value as LibraryFilter)}>
          <option value="all">All evidence</option>
          <option value="expiring">Expiring within 30 days</option>
          <option value="expired">Expired</option>
          <option value="unlinked">Not linked to any requirement</option>
        </select>
        <select aria-label="Requirements shown from" value={supportsIn} onChange={(e) => setSupportsIn(e.target.value)}>
          <option value="all">Requirements in all assessments</option>
          {(assessments ?? []).map((a) => (
            <option key={a.id} value={a.id}>
              Requirements in {a.name}
            </option>
          ))}
        </select>
        <span className="muted small" role="status">
          {rows.length} of {data?.evidence.length ?? 0}
        </span>
        <button type="button" disabled={selected.size === 0} onClick={() => setDialog('bulk')}>
          Link {selected.size || ''} selected to a requirement…
        </button>
      </div>
      {data === undefined ? (
        <p role="status">Loading…</p>
      ) : (
        <EvidenceTable
          rows={rows}
          selected={selected}
          onSelect={(id, on) => setSelected((s) => (on ? new Set(s).add(id) : new Set([...s].filter((x) => x !== id))))}
          onSelectAll={(on) => setSelected(on ? new Set(rows.map((r) => r.evidence.id)) : new Set())}
          sort={sort.key}
          descending={sort.descending}
          onSort={(key) => setSort((s) => ({ key, descending: s.key === key ? !s.descending : false }))}
          onEdit={setEditing}
          onDelete={setDeleting}
          supports={supports}
          assessmentNames={assessmentNames}
        />
      )}
      <IntegrityPanel />
      <EvidenceFormDialog kind={dialog === 'link' || dialog === 'note' ? dialog : null} onClose={() => setDialog(null)} />
      <BulkLinkDialog
        evidenceIds={[...selected]}
        open={dialog === 'bulk'}
        onClose={() => setDialog(null)}
        onDone={(message) => {
          setDialog(null);
          setSelected(new Set());
          toast({ message });
        }}
      />
      <EditEvidenceDialog evidence={editing} onClose={() => setEditing(null)} />
      <Dialog title={deleting ? `Delete ${deleting.evidence.id}?` : ''} open={deleting !== null} onClose={() => setDeleting(null)}>
        {deleting && (
          <>
            <p>
              “{deleting.evidence.title}”{' '}
              {deleting.links > 0
                ? `is linked to ${deleting.links} requirement${deleting.links > 1 ? 's' : ''}; deleting it removes those links too.`
                : 'is not linked to any requirement.'}
            </p>
            <div className="button-row">
              <button type="button" className="danger" onClick={() => void remove(deleting)}>
                Delete
              </button>
              <button type="button" onClick={() => setDeleting(null)}>
                Cancel
              </button>
            </div>
          </>
        )}
      </Dialog>
    </section>
  );
}
