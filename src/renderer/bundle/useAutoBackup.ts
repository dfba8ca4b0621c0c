/** Runs the automatic backups of the user's own workbook in the desktop app (see backups.ts), and clears old bundle outputs. */
import { useEffect } from 'react';
import { useToast } from '../components/toast';
import { DATABASE_NAME } from '../db/database';
import { platform } from '../platform';
import { whenClosing } from '../workbook/closing';
import { useWorkbook } from '../workbook/WorkbookContext';
import { scheduleBackups } from './backups';
import { clearOutputs } from './opfsOutput';

export function useAutoBackup(): void {
  const db = useWorkbook();
  const toast = useToast();
  // Bundles saved in an earlier session were written to files of their own; nothing reads them any more.
  useEffect(() => void clearOutputs(), []);
  useEffect(() => {
    const store = platform.backups;
    // The sample is thrown away when it closes; only the user's own workbook is backed up.
    if (!store || db.name !== DATABASE_NAME) return;
    const stop = scheduleBackups(db, store, (message) => toast({ message }));
    const unregister = whenClosing(stop);
    return () => {
      unregister();
      void stop();
    };
  }, [db, toast]);
}
