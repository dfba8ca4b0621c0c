/**
 * False until the drafts IndexedDB kept from an earlier session are back in localStorage (see
 * replayDrafts.ts), so a form reading its draft on mount cannot miss one. Only the first form of a
 * page load waits, for one small read.
 */
import { useEffect, useState } from 'react';
import { ensureHydrated, isHydrated } from './replayDrafts';
import { useWorkbook } from './WorkbookContext';

export function useDraftsReady(): boolean {
  const db = useWorkbook();
  const [ready, setReady] = useState(() => isHydrated(db));
  useEffect(() => {
    if (ready) return;
    let live = true;
    void ensureHydrated(db).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [db, ready]);
  return ready;
}
