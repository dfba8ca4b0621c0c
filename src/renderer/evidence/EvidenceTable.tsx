/** The evidence library table. Only the rows in view are rendered, so 2,000 records stay quick. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatBytes, shortHash } from '../../core/format/bytes';
import type { LibraryRow, LibrarySort } from '../../core/workspace/evidenceLibrary';
import type { Evidence } from '../../core/records/model';

const KIND_LABEL = { file: 'File', link: 'Link', note: 'Note' } as const;
const ROW_HEIGHT = 41;

interface Props {
  rows: LibraryRow[];
  selected: Set<string>;
  onSelect: (id: string, on: boolean) => void;
  onSelectAll: (on: boolean) => void;
  sort: LibrarySort;
  descending: boolean;
  onSort: (sort: LibrarySort) => void;
  onEdit: (evidence: Evidence) => void;
  onDelete: (row: LibraryRow) => void;
}

export function EvidenceTable({ rows, selected, onSelect, onSelectAll, sort, descending, onSort, onEdit, onDelete }: Props) {
  const scroller = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the app does not use the React Compiler
  const virtual = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
  });
  const items = virtual.getVirtualItems();
  const top = items[0]?.start ?? 0;
  const bottom = virtual.getTotalSize() - (items.at(-1)?.end ?? 0);
  const header = (key: LibrarySort, label: string) => (
    <th scope="col" aria-sort={sort === key ? (descending ? 'descending' : 'ascending') : undefined}>
      <button type="button" className="link-button" onClick={() => onSort(key)}>
        {label}
        {sort === key ? (descending ? ' ↓' : ' ↑') : ''}
      </button>
    </th>
  );

  if (rows.length === 0) return <p className="muted">No evidence matches. Add files by choosing them or dropping them here.</p>;
  return (
    <div className="table-scroller" ref={scroller}>
      <table className="data-table evidence-table" aria-label="Evidence" aria-rowcount={rows.length + 1}>
        <thead>
          <tr>
            <th scope="col">
              <input
                type="checkbox"
                aria-label="Select all shown"
                checked={rows.length > 0 && rows.every((r) => selected.has(r.evidence.id))}
                onChange={(e) => onSelectAll(e.target.checked)}
              />
            </th>
            {header('id', 'ID')}
            {header('title', 'Title')}
            <th scope="col">Kind</th>
            {header('size', 'Size')}
            <th scope="col">SHA-256</th>
            {header('expiresOn', 'Expires')}
            {header('links', 'Linked')}
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {top > 0 && <tr style={{ height: top }} aria-hidden="true" />}
          {items.map((item) => {
            const { evidence: e, links, expiry } = rows[item.index]!;
            return (
              <tr key={e.id} data-evidence-id={e.id} aria-rowindex={item.index + 2} style={{ height: ROW_HEIGHT }}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${e.id}`}
                    checked={selected.has(e.id)}
                    onChange={(event) => onSelect(e.id, event.target.checked)}
                  />
                </td>
                <td>{e.id}</td>
                <td className="cell-title">{e.title}</td>
                <td>{KIND_LABEL[e.kind]}</td>
                <td>{e.size !== undefined ? formatBytes(e.size) : '—'}</td>
                <td>{e.sha256 ? <code title={e.sha256}>{shortHash(e.sha256)}</code> : '—'}</td>
                <td>
                  {e.expiresOn ?? '—'}
                  {expiry === 'expired' && <span className="badge bad">expired</span>}
                  {expiry === 'expiring' && <span className="badge">soon</span>}
                </td>
                <td>{links}</td>
                <td>
                  <span className="row-actions">
                    <button type="button" onClick={() => onEdit(e)} aria-label={`Edit ${e.id}`}>
                      Edit
                    </button>
                    <button type="button" onClick={() => onDelete(rows[item.index]!)} aria-label={`Delete ${e.id}`}>
                      Delete
                    </button>
                  </span>
                </td>
              </tr>
            );
          })}
          {bottom > 0 && <tr style={{ height: bottom }} aria-hidden="true" />}
        </tbody>
      </table>
    </div>
  );
}
