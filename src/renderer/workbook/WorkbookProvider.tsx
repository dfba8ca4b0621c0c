/**
 * Opens the workbook before anything else renders: the user's own, or the sample in its own database.
 * A database that cannot be opened, or the user's workbook found missing or shorter than the marker
 * kept outside it, shows the recovery screen instead.
 */
import { Dexie } from 'dexie';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DATABASE_NAME, openWorkbook, type WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { logHead } from '../db/integrity';
import { SAMPLE_DATABASE_NAME } from '../sample/sampleDatabase';
import { opfsProbe, setSpaceProbe } from '../db/space';
import { platform } from '../platform';
import { clearMarker, followCommits, keepCopies, recordSave } from './marker';
import { opfsMarker } from './opfsMarker';
import { runTracked } from './pendingWork';
import { RecoveryScreen } from './RecoveryScreen';
import { checkAgainstMarker } from './startCheck';
import { requestPersistenceOnce } from './storagePersistence';
import { WorkbookContext, WorkbookSwitchContext, type WorkbookSwitch } from './WorkbookContext';

type State =
  | { phase: 'opening' }
  | { phase: 'open'; db: WorkbookDb }
  | { phase: 'failed'; error: WorkbookError }
  | { phase: 'lost'; db: WorkbookDb; error: WorkbookError };

const OPEN_KEY = 'csms.open-workbook';

// The desktop app knows the volume's free bytes and keeps the marker in a file too; the browser probes.
keepCopies(DATABASE_NAME, [opfsMarker(`${DATABASE_NAME}.marker.json`), platform.markerFile]);
if (platform.kind === 'electron') {
  setSpaceProbe(async (bytes) => {
    const free = await platform.freeBytes();
    return free === null ? opfsProbe(bytes) : free >= bytes;
  });
}

function chosenWorkbook(): 'main' | 'sample' {
  try {
    return localStorage.getItem(OPEN_KEY) === 'sample' ? 'sample' : 'main';
  } catch {
    return 'main';
  }
}

function choose(which: 'main' | 'sample'): void {
  if (which === 'sample') localStorage.setItem(OPEN_KEY, 'sample');
  else localStorage.removeItem(OPEN_KEY);
}

async function open(which: 'main' | 'sample'): Promise<{ db: WorkbookDb; which: 'main' | 'sample'; lost: string | null }> {
  if (which === 'sample') {
    const db = await openWorkbook(SAMPLE_DATABASE_NAME);
    // A sample database without its organization was never finished: fall back to the user's workbook.
    if (await db.organization.get('organization')) return { db, which, lost: null };
    db.close();
    choose('main');
  }
  const db = await openWorkbook(DATABASE_NAME);
  return { db, which: 'main', lost: await checkAgainstMarker(db) };
}

export function WorkbookProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ phase: 'opening' });
  const [which, setWhich] = useState(chosenWorkbook);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let opened: WorkbookDb | null = null;
    let stopFollowing = () => undefined as unknown;
    open(which)
      .then(async (result) => {
        opened = result.db;
        if (!live) return result.db.close();
        if (result.which !== which) setWhich(result.which);
        if (result.lost) {
          setState({ phase: 'lost', db: result.db, error: new WorkbookError(result.lost, 'lost') });
          return;
        }
        if (result.which === 'main') stopFollowing = followCommits(result.db.name);
        setState({ phase: 'open', db: result.db });
        if (result.which === 'main') await requestPersistenceOnce(result.db).catch(() => undefined);
      })
      .catch((error: unknown) => {
        const failure = error instanceof WorkbookError ? error : new WorkbookError(String(error), 'open-failed');
        if (live) setState({ phase: 'failed', error: failure });
      });
    return () => {
      live = false;
      stopFollowing();
      opened?.close();
    };
  }, [which, attempt]);

  const retry = useCallback(() => {
    setState({ phase: 'opening' });
    setAttempt((n) => n + 1);
  }, []);

  const switcher = useMemo<WorkbookSwitch>(
    () => ({
      which,
      openSample: async () => {
        const { createSampleDatabase } = await import('../sample/loadSample');
        const { assessmentId } = await runTracked({ label: 'Opening the sample', redo: 'open-sample' }, () => createSampleDatabase());
        choose('sample');
        setState({ phase: 'opening' });
        setWhich('sample');
        return assessmentId;
      },
      closeSample: async () => {
        choose('main');
        setState({ phase: 'opening' });
        setWhich('main');
        // Deleting waits until the sample's connection (closed by the effect above) is gone.
        await Dexie.delete(SAMPLE_DATABASE_NAME);
      },
    }),
    [which],
  );

  if (state.phase === 'opening') {
    return (
      <p className="loading" role="status">
        Opening your workbook…
      </p>
    );
  }
  if (state.phase === 'failed') return <RecoveryScreen error={state.error} dbName={DATABASE_NAME} onRetry={retry} />;
  if (state.phase === 'lost') {
    const db = state.db;
    return (
      <RecoveryScreen
        error={state.error}
        dbName={db.name}
        onRetry={() => {
          db.close();
          retry();
        }}
        onOpenAnyway={() => {
          void logHead(db).then((head) => {
            // Lowering the marker is the one deliberate exception to "it never moves back".
            clearMarker(db.name);
            if (head.count > 0) recordSave(db.name, { ...head, at: new Date().toISOString() });
            db.close();
            retry();
          });
        }}
      />
    );
  }
  return (
    <WorkbookSwitchContext.Provider value={switcher}>
      <WorkbookContext.Provider value={state.db} key={state.db.name}>
        {children}
      </WorkbookContext.Provider>
    </WorkbookSwitchContext.Provider>
  );
}
