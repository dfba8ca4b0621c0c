/**
 * Start-up safety net for typing: saves the drafts an earlier session left (replayDrafts) and tells
 * the user about any it could not save; and answers the desktop window's request to save before it closes.
 * Used once, below the workbook and toast providers.
 */
import { useEffect } from 'react';
import { useToast } from '../components/toast';
import { platform } from '../platform';
import { runClosingTasks } from './closing';
import { replayDrafts, replayMessage } from './replayDrafts';
import { useWorkbook } from './WorkbookContext';

// Once per database per page load, even when React mounts the caller twice.
const replayed = new Set<string>();

export function useDraftReplay(): void {
  const db = useWorkbook();
  const toast = useToast();

  useEffect(() => {
    if (replayed.has(db.name)) return;
    replayed.add(db.name);
    void replayDrafts(db)
      .then((report) => {
        const message = replayMessage(report);
        if (message) toast(message);
      })
      // Drafts that were not replayed stay where they are; the next start tries again.
      .catch(() => undefined);
  }, [db, toast]);

  useEffect(() => platform.onFlushRequest(runClosingTasks), []);
}
