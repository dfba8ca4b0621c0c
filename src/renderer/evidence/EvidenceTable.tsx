/** The evidence library table. Only the rows in view are rendered, so 2,000 records stay quick. */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useRef } from 'react';
import { formatBytes, shortHash } from '../../core/format/bytes';
import type { LibraryRow, LibrarySort } from '../../core/workspace/evidenceLibrary';
import type { Evidence } from '../../core/records/model';
import { firstFew, type SupportedRequirement } from '../../core/workspace/evidenceRequirements';

const KIND_LABEL = { file: 'File', link: 'Link', note: 'Note' } as const;
const ROW_HEIGHT = 41;
const SHOWN_REQUIREMENTS = 2;

/** The requirements an item supports, each a link to its page; the rest counted, named in the tooltip. */
function Supports({ list, assessmentNames }: { list: SupportedRequirement[] | undefined; assessmentNames: ReadonlyMap<string, string> }) {
  if (!list || list.length === 0) return <span className="muted">—</span>;
  const { head, more } = firstFew(list, SHOWN_REQUIREMENTS);
  return (
    <span
      className="supports"
      title={list.map((r) => `${r.requirementId} (${assessmentNames.get(r.assessmentId) ?? 'assessment'})`).join('\n')}
    >
      {head.map((r, i) => (
        <span key={`${r.assessmentId}/${r.requirementId}`}>
          {i > 0 && ', '}
          <a href={`#/assessment/${r.assessmentId}/${encodeURIComponent(r.requirementId)}`} data-testid="supports-link">
            {r.requirementId}
          </a>
        </span>
      ))}
      {more > 0 && ` and ${more} more`}
    </span>
  );
}

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
  /** Evidence ID → the requirements it supports, in the assessment(s) the screen has chosen. */
  supports: ReadonlyMap<string, SupportedRequirement[]>;
  assessmentNames: ReadonlyMap<string, string>;
}

export function EvidenceTable(props: Props) {
  const { rows, selected, onSelect, onSelectAll, sort, descending, onSort, onEdit, onDelete, supports, assessmentNames } = props;
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
            <th scope="col" className="col-wide">
              Kind
            </th>
            {header('size', 'Size')}
            <th scope="col" className="col-wide">
              SHA-256
            </th>
            {header('expiresOn', 'Expires')}
            {header('links', 'Supports')}
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
                <td className="col-wide">{KIND_LABEL[e.kind]}</td>
                <td>{e.size !== undefined ? formatBytes(e.size) : '—'}</td>
                <td className="col-wide">{e.sha256 ? <code title={e.sha256}>{shortHash(e.sha256)}</code> : '—'}</td>
                <td>
                  {e.expiresOn ?? '—'}
                  {expiry === 'expired' && <span className="badge bad">expired</span>}
                  {expiry === 'expiring' && <span className="badge">soon</span>}
                </td>
                <td data-links={links}>
                  <Supports list={supports.get(e.id)} assessmentNames={assessmentNames} />
                </td>
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
