/**
 * Opening a bundle: it is read and checked whole in a worker (every hash, the schema, the change log)
 * before anything is offered; then what it holds is shown, and the user adds it to this workbook or
 * replaces the workbook with it. A refused bundle says in one sentence what was wrong and writes nothing.
 */
import { useEffect, useId, useState } from 'react';
import { BUNDLE_LIMITS } from '../../core/bundle/format';
import { formatBytes } from '../../core/format/bytes';
import { STATUS_LABELS } from '../../core/records/lifecycle';
import type { WorkbookDb } from '../db/database';
import { mergeBundle, mergeConflicts, type MergeChoice, type MergeConflict } from '../db/bundle/merge';
import { restoreWorkbook, type RestoredLog } from '../db/bundle/restore';
import { readOrganization } from '../db/queries/profile';
import { WorkbookError } from '../db/errors';
import { platform } from '../platform';
import { BundleRefused, unpackInWorker } from '../workers/bundleInWorker';
import type { ReadBundleResult } from './bundleIo';
import { BUNDLE_FILTERS } from './saveBundle';
import { BundleChecking } from './BundleChecking';

type Phase =
  | { phase: 'idle' }
  | { phase: 'reading'; name: string; done: number; total: number; cancel: () => void }
  | { phase: 'preview'; name: string; read: ReadBundleResult; conflicts: MergeConflict[]; emptyHere: boolean }
  | { phase: 'writing'; name: string }
  | { phase: 'finished'; message: string; ok: boolean };

interface Props {
  db: WorkbookDb;
  /** On the recovery screen only a whole workbook can be restored; nothing is merged into a damaged one. */
  restoreOnly?: boolean;
  /** Called after the workbook was replaced, with its new log head (the marker must follow it). */
  onRestored: (log: RestoredLog) => void | Promise<void>;
  /** A bundle picked by someone else (a backup); the picker is skipped. */
  preset?: { name: string; file: Blob } | null;
}

/** A clause as the end of a sentence: one full stop, however the clause ended. */
function sentence(clause: string): string {
  return `${clause.replace(/[.\s]+$/, '')}.`;
}

function describe(read: ReadBundleResult): string {
  const { header, records } = read.bundle;
  const made = `Made by ${header.app.name} ${header.app.version} on ${new Date(header.createdAt).toLocaleString()}`;
  const holds =
    header.scope.kind === 'workbook'
      ? `the whole workbook of ${records.organization?.name ?? 'an unnamed organization'}`
      : `one assessment of ${records.organization?.name ?? 'an unnamed organization'}`;
  return `${made}; it holds ${holds}.`;
}

export function BundleImport({ db, restoreOnly = false, onRestored, preset = null }: Props) {
  const [state, setState] = useState<Phase>({ phase: 'idle' });
  const [choices, setChoices] = useState<Record<string, MergeChoice>>({});
  const [confirmed, setConfirmed] = useState(false);
  const confirmId = useId();

  async function read(name: string, file: Blob) {
    setChoices({});
    setConfirmed(false);
    if (file.size > BUNDLE_LIMITS.totalBytes) {
      setState({
        phase: 'finished',
        ok: false,
        message: `${name} was not opened: it is larger than any bundle can be. Nothing was changed.`,
      });
      return;
    }
    const job = unpackInWorker(file, (done, total) => setState({ phase: 'reading', name, done, total, cancel: job.cancel }));
    setState({ phase: 'reading', name, done: 0, total: file.size, cancel: job.cancel });
    try {
      const result = await job.result;
      if (result.bundle.logProblem) {
        setState({
          phase: 'finished',
          ok: false,
          message: `${name} was not opened: ${sentence(result.bundle.logProblem)} Nothing was changed.`,
        });
        return;
      }
      const [conflicts, organization] = await Promise.all([mergeConflicts(db, result.bundle), readOrganization(db)]);
      setState({ phase: 'preview', name, read: result, conflicts, emptyHere: organization === null });
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      const reason =
        error instanceof BundleRefused
          ? `it is not a valid bundle: ${error.message}`
          : `it could not be read (${(error as Error).message})`;
      setState({
        phase: 'finished',
        ok: false,
        message: cancelled
          ? 'Opening was cancelled. Nothing was changed.'
          : `${name} was not opened: ${sentence(reason)} Nothing was changed.`,
      });
    }
  }

  async function pick() {
    const picked = await platform.openFiles({ multiple: false, filters: BUNDLE_FILTERS, maxBytes: BUNDLE_LIMITS.totalBytes });
    if (!picked.ok) return setState({ phase: 'finished', ok: false, message: picked.error });
    const file = picked.value[0];
    if (file) await read(file.name, file.blob);
  }

  async function write(kind: 'merge' | 'restore') {
    if (state.phase !== 'preview') return;
    const { name, read: result } = state;
    setState({ phase: 'writing', name });
    try {
      if (kind === 'restore') {
        const log = await restoreWorkbook(db, result.bundle, result.files);
        await onRestored(log);
        setState({ phase: 'finished', ok: true, message: `The workbook was replaced with ${name} (${log.count} change-log entries).` });
      } else {
        const summary = await mergeBundle(db, result.bundle, result.files, choices);
        setState({
          phase: 'finished',
          ok: true,
          message: `Added ${summary.assessments} assessment${summary.assessments === 1 ? '' : 's'} from ${name}: ${summary.evidenceAdded} new evidence item${summary.evidenceAdded === 1 ? '' : 's'}, ${summary.evidenceMatched} already here.`,
        });
      }
    } catch (error) {
      const message = error instanceof WorkbookError ? error.message : (error as Error).message;
      setState({ phase: 'finished', ok: false, message: `${name} was not imported: ${message} Nothing was changed.` });
    }
  }

  useEffect(() => {
    if (!preset) return;
    // Started after this render: the reading reports its progress through state.
    void Promise.resolve().then(() => read(preset.name, preset.file));
    // Read once per bundle handed in.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [preset]);

  return (
    <div className="bundle-import">
      {state.phase !== 'reading' && state.phase !== 'writing' && !preset && (
        <button type="button" onClick={() => void pick()}>
          {restoreOnly ? 'Restore from a bundle…' : 'Open a bundle…'}
        </button>
      )}
      {state.phase === 'reading' && <BundleChecking name={state.name} done={state.done} total={state.total} onCancel={state.cancel} />}
      {state.phase === 'writing' && <p role="status">Writing {state.name} into the workbook…</p>}
      {state.phase === 'finished' && (
        <p role={state.ok ? 'status' : 'alert'} data-testid="bundle-result" data-ok={state.ok ? 'yes' : 'no'}>
          {state.message}
        </p>
      )}
      {state.phase === 'preview' && (
        <section className="panel bundle-preview" aria-label={`What ${state.name} holds`}>
          <p>{describe(state.read)}</p>
          {state.read.bundle.upgradedFrom !== null && <p>It was saved by an older version; it is brought up to date as it is imported.</p>}
          <table className="data-table compact" aria-label="Assessments in the bundle">
            <thead>
              <tr>
                <th scope="col">Assessment</th>
                <th scope="col">Status</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              {state.read.bundle.records.assessments.map((a) => (
                <tr key={a.id}>
                  <td>{a.name}</td>
                  <td>{STATUS_LABELS[a.status]}</td>
                  <td>{state.read.bundle.records.responses.filter((r) => r.assessmentId === a.id).length}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>
            {state.read.bundle.records.evidence.length} evidence items ({state.read.files.size} files,{' '}
            {formatBytes([...state.read.files.values()].reduce((n, b) => n + b.size, 0))}); change log of {state.read.bundle.log.length}{' '}
            entries, checked.
          </p>
          {!restoreOnly && (
            <fieldset>
              <legend>Add to this workbook</legend>
              {state.conflicts.map((c) => (
                <div key={c.id} role="radiogroup" aria-label={`“${c.name}” is already here`}>
                  <p>“{c.existingName}” is already in this workbook.</p>
                  {(['keep-both', 'replace'] as const).map((choice) => (
                    <label key={choice}>
                      <input
                        type="radio"
                        name={`choice-${c.id}`}
                        checked={choices[c.id] === choice}
                        onChange={() => setChoices((prev) => ({ ...prev, [c.id]: choice }))}
                      />
                      {choice === 'keep-both'
                        ? ' Keep both (the imported one is marked “imported”)'
                        : ' Replace it with the one from the bundle'}
                    </label>
                  ))}
                </div>
              ))}
              <button type="button" disabled={state.conflicts.some((c) => !choices[c.id])} onClick={() => void write('merge')}>
                Add to this workbook
              </button>
            </fieldset>
          )}
          {restoreOnly && state.read.bundle.header.scope.kind === 'assessment' && (
            <p>
              This bundle holds one assessment, not a whole workbook, so it cannot stand in for one. Set up the workbook, then add it in
              Settings.
            </p>
          )}
          {state.read.bundle.header.scope.kind === 'workbook' && (
            <fieldset>
              <legend>Replace this workbook</legend>
              {!state.emptyHere && (
                <label htmlFor={confirmId}>
                  <input id={confirmId} type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> Everything
                  in this workbook is replaced by the bundle
                </label>
              )}
              <button type="button" className="danger" disabled={!state.emptyHere && !confirmed} onClick={() => void write('restore')}>
                Replace this workbook with the bundle
              </button>
            </fieldset>
          )}
          <button type="button" onClick={() => setState({ phase: 'idle' })}>
            Close without importing
          </button>
        </section>
      )}
    </div>
  );
}
