/** Pick evidence already in the workbook and link it to this requirement. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { fold } from '../../core/catalogue/search';
import { Dialog } from '../components/Dialog';
import { evidenceByNumber } from '../db/queries/evidenceLibrary';
import { linkEvidence, type ResponseRef } from '../db/repo/evidence';
import { useWorkbook } from '../workbook/WorkbookContext';

const MAX_SHOWN = 50;

/** Mounted only while open: the whole library is read then, not on every requirement page. */
export function LinkExistingDialog({
  open,
  onClose,
  target,
  linked,
}: {
  open: boolean;
  onClose: () => void;
  target: ResponseRef;
  linked: Set<string>;
}) {
  const db = useWorkbook();
  const evidence = useLiveQuery(() => evidenceByNumber(db), [db]);
  const [query, setQuery] = useState('');
  const matches = useMemo(() => {
    const q = fold(query.trim());
    return (evidence ?? []).filter((e) => !linked.has(e.id) && (!q || fold(`${e.id} ${e.title} ${e.fileName ?? ''}`).includes(q)));
  }, [evidence, linked, query]);
  return (
    <Dialog title="Link existing evidence" open={open} onClose={onClose} wide>
      <input
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        aria-label="Find evidence by ID or title"
        placeholder="Find by ID or title"
        autoFocus
      />
      <ul className="picker" aria-label="Evidence to link">
        {matches.slice(0, MAX_SHOWN).map((e) => (
          <li key={e.id}>
            <button
              type="button"
              onClick={() => {
                void linkEvidence(db, e.id, target);
                onClose();
              }}
            >
              <strong>{e.id}</strong> {e.title}
            </button>
          </li>
        ))}
      </ul>
      <p className="muted small">
        {matches.length === 0
          ? 'No evidence matches.'
          : matches.length > MAX_SHOWN
            ? `Showing ${MAX_SHOWN} of ${matches.length}: type to narrow down.`
            : `${matches.length} found.`}
      </p>
      <button type="button" onClick={onClose}>
        Close
      </button>
    </Dialog>
  );
}
