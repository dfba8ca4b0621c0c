/** Opens the workbook before anything else renders; a database that cannot be opened shows the recovery screen. */
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { openWorkbook, type WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { RecoveryScreen } from './RecoveryScreen';
import { requestPersistenceOnce } from './storagePersistence';
import { WorkbookContext } from './WorkbookContext';

type State = { phase: 'opening' } | { phase: 'open'; db: WorkbookDb } | { phase: 'failed'; error: WorkbookError };

export function WorkbookProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ phase: 'opening' });
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let opened: WorkbookDb | null = null;
    openWorkbook()
      .then(async (db) => {
        opened = db;
        if (!live) return db.close();
        setState({ phase: 'open', db });
        await requestPersistenceOnce(db).catch(() => undefined);
      })
      .catch((error: unknown) => {
        const failure = error instanceof WorkbookError ? error : new WorkbookError(String(error), 'open-failed');
        if (live) setState({ phase: 'failed', error: failure });
      });
    return () => {
      live = false;
      opened?.close();
    };
  }, [attempt]);

  const retry = useCallback(() => {
    setState({ phase: 'opening' });
    setAttempt((n) => n + 1);
  }, []);

  if (state.phase === 'opening') {
    return (
      <p className="loading" role="status">
        Opening your workbook…
      </p>
    );
  }
  if (state.phase === 'failed') return <RecoveryScreen error={state.error} onRetry={retry} />;
  return <WorkbookContext.Provider value={state.db}>{children}</WorkbookContext.Provider>;
}
