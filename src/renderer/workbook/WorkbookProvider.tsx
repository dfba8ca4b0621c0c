/**
 * Opens the workbook before anything else renders: the user's own, or the sample in its own database.
 * A database that cannot be opened, or the user's workbook found missing or shorter than the marker
 * kept outside it, shows the recovery screen instead.
 */
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DATABASE_NAME, deleteWorkbook, openWorkbook, type WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { logHead } from '../db/integrity';
import { readOrganization } from '../db/queries/profile';
import { SAMPLE_DATABASE_NAME } from '../sample/sampleDatabase';
import { REVIEW_DATABASE_NAME, reviewCopyAtStart } from '../review/reviewDatabase';
import { opfsProbe, setSpaceProbe } from '../db/space';
import { platform } from '../platform';
import { followCommits, keepCopies, resetMarker } from './marker';
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

// The desktop app knows the volume's free bytes and keeps the marker in a file too; the browser probes.
keepCopies(DATABASE_NAME, [opfsMarker(`${DATABASE_NAME}.marker.json`), platform.markerFile]);
if (platform.kind === 'electron') {
  setSpaceProbe(async (bytes) => {
    const free = await platform.freeBytes();
    return free === null ? opfsProbe(bytes) : free >= bytes;
  });
}

type Which = 'main' | 'sample' | 'review';

/**
 * Whether the sample is open is read from its database, not from a setting: a complete sample database
 * exists only while the sample is open (closing deletes it), and one left unfinished by a crash is
 * removed here. A setting kept in localStorage would be lost by a crash in the seconds after it was set.
 */
async function sampleAtStart(): Promise<'complete' | 'none'> {
  const names = (await indexedDB.databases?.().catch(() => [])) ?? [];
  if (!names.some((d) => d.name === SAMPLE_DATABASE_NAME)) return 'none';
  const db = await openWorkbook(SAMPLE_DATABASE_NAME);
  const complete = (await readOrganization(db)) !== null;
  db.close();
  if (!complete) await deleteWorkbook(SAMPLE_DATABASE_NAME);
  return complete ? 'complete' : 'none';
}

async function whichAtStart(): Promise<Which> {
  if (await reviewCopyAtStart()) return 'review';
  return (await sampleAtStart()) === 'complete' ? 'sample' : 'main';
}

async function open(wanted: Which | 'at-start'): Promise<{ db: WorkbookDb; which: Which; lost: string | null }> {
  const which = wanted === 'at-start' ? await whichAtStart() : wanted;
  if (which === 'sample') return { db: await openWorkbook(SAMPLE_DATABASE_NAME), which, lost: null };
  if (which === 'review') return { db: await openWorkbook(REVIEW_DATABASE_NAME), which, lost: null };
  const db = await openWorkbook(DATABASE_NAME);
  return { db, which: 'main', lost: await checkAgainstMarker(db) };
}

export function WorkbookProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<State>({ phase: 'opening' });
  const [wanted, setWanted] = useState<Which | 'at-start'>('at-start');
  const [which, setWhich] = useState<Which>('main');
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let opened: WorkbookDb | null = null;
    let stopFollowing = () => undefined as unknown;
    open(wanted)
      .then(async (result) => {
        opened = result.db;
        if (!live) return result.db.close();
        setWhich(result.which);
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
  }, [wanted, attempt]);

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
        setState({ phase: 'opening' });
        setWanted('sample');
        return assessmentId;
      },
      closeSample: async () => {
        setState({ phase: 'opening' });
        setWanted('main');
        // Deleting waits until the sample's connection (closed by the effect above) is gone.
        await deleteWorkbook(SAMPLE_DATABASE_NAME);
      },
      openReview: async (prepare) => {
        await runTracked({ label: 'Opening the review copy', redo: 'open-review' }, async () => {
          await deleteWorkbook(REVIEW_DATABASE_NAME);
          const copy = await openWorkbook(REVIEW_DATABASE_NAME);
          try {
            await prepare(copy);
          } catch (error) {
            copy.close();
            await deleteWorkbook(REVIEW_DATABASE_NAME);
            throw error;
          }
          copy.close();
        });
        setState({ phase: 'opening' });
        setWanted('review');
      },
      closeReview: async () => {
        setState({ phase: 'opening' });
        setWanted('main');
        await deleteWorkbook(REVIEW_DATABASE_NAME);
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
        restoreInto={{
          db,
          onRestored: () => {
            db.close();
            retry();
          },
        }}
        onOpenAnyway={() => {
          void logHead(db)
            .then((head) => resetMarker(db.name, head.count > 0 ? { ...head, at: new Date().toISOString() } : null))
            .then(() => {
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
