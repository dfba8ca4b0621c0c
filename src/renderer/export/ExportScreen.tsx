/** Export: pick the documents and options, build them in a worker with progress and Cancel, save them. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState } from 'react';
import { DOCUMENT_KINDS, DOCUMENT_TITLES, type DocumentKind } from '../../core/documents/build';
import { useChosenAssessment } from '../components/AssessmentPicker';
import { readOrganization } from '../db/queries/profile';
import { platform } from '../platform';
import { exportInWorker } from '../workers/exportInWorker';
import { useWorkbook } from '../workbook/WorkbookContext';
import { buildSnapshot } from './buildSnapshot';
import { finishExport, startExport } from './exportIdentity';
import { ExportIdentityNote } from './ExportIdentityNote';
import type { ExportControl } from '../../core/documents/control';
import { EvidencePackageButton } from './EvidencePackageButton';
import { SpreadsheetExport } from './SpreadsheetExport';
import { exportMarking, MarkingChoice } from './MarkingChoice';
import { JobStatusView, type JobStatus } from '../components/JobStatus';
import { useExportChoices } from './useExportChoices';

type Status = JobStatus;

export function ExportScreen() {
  const db = useWorkbook();
  const { assessments, assessmentId, choose } = useChosenAssessment();
  const organization = useLiveQuery(() => readOrganization(db), [db]);
  // Remembered per assessment, across screens and restarts.
  const { choices, change } = useExportChoices(db.name, assessmentId);
  const kinds = new Set(choices.kinds);
  const { marking } = choices;
  const options = {
    includeNarratives: choices.includeNarratives,
    includeReviewerComments: choices.includeReviewerComments,
    includeLicensedText: choices.includeLicensedText,
  };
  const [status, setStatus] = useState<Status>({ phase: 'idle' });
  const [exported, setExported] = useState<ExportControl | null>(null);
  // The way to stop whatever is running now (documents or package), while something runs.
  const [cancel, setCancel] = useState<(() => void) | null>(null);
  const ids = { assessment: useId() };
  const chosen = exportMarking(marking, organization?.classification);
  // No marking, no export: the field says why.
  const classification = 'marking' in chosen ? chosen.marking : '';

  async function exportDocuments() {
    const selected = DOCUMENT_KINDS.filter((k) => kinds.has(k));
    setStatus({ phase: 'working', done: 0, total: selected.length, label: 'Collecting the workbook…' });
    setExported(null);
    try {
      const snapshot = await buildSnapshot(db, assessmentId, { includeLicensedText: options.includeLicensedText });
      const identity = await startExport(db, assessmentId);
      const job = exportInWorker(
        snapshot,
        selected,
        { ...options, classification },
        (done, total, current) =>
          setStatus({ phase: 'working', done, total, label: `Building the ${DOCUMENT_TITLES[current].toLowerCase()}…` }),
        identity,
      );
      setCancel(() => job.cancel);
      const files = await job.result;
      const saved: string[] = [];
      for (const file of files) {
        const result = await platform.saveFile({
          suggestedName: file.name,
          bytes: file.bytes,
          filters: [{ name: 'Word document', extensions: ['docx'] }],
        });
        if (!result.ok) throw new Error(result.error);
        if (result.value.saved) saved.push(result.value.path);
      }
      if (saved.length) {
        await finishExport(db, snapshot, identity, `documents of ${snapshot.assessment.name}`);
        setExported(job.control() ?? null);
      }
      setStatus({ phase: 'done', message: saved.length ? `Saved ${saved.join(', ')}.` : 'Nothing was saved.' });
    } catch (error) {
      const cancelled = error instanceof DOMException && error.name === 'AbortError';
      setStatus(
        cancelled
          ? { phase: 'done', message: 'Export cancelled. Nothing was saved.' }
          : { phase: 'failed', message: `The export failed: ${(error as Error).message}` },
      );
    } finally {
      setCancel(null);
    }
  }

  const toggle = (kind: DocumentKind, on: boolean) => change({ kinds: DOCUMENT_KINDS.filter((k) => (k === kind ? on : kinds.has(k))) });
  const working = status.phase === 'working';
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Export</h1>
      </header>
      {assessments?.length === 0 ? (
        <p className="panel">No assessment to export yet.</p>
      ) : (
        <div className="panel">
          <div className="form-grid">
            <label htmlFor={ids.assessment}>Assessment</label>
            <select id={ids.assessment} value={assessmentId} onChange={(e) => choose(e.target.value)}>
              {assessments?.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
            <span id="docs-label">Documents</span>
            <fieldset className="checkbox-list" aria-labelledby="docs-label">
              {DOCUMENT_KINDS.map((kind) => (
                <label key={kind}>
                  <input type="checkbox" checked={kinds.has(kind)} onChange={(e) => toggle(kind, e.target.checked)} />{' '}
                  {DOCUMENT_TITLES[kind]}
                </label>
              ))}
            </fieldset>
            <span id="options-label">Include</span>
            <fieldset className="checkbox-list" aria-labelledby="options-label">
              <label>
                <input
                  type="checkbox"
                  checked={options.includeNarratives}
                  onChange={(e) => change({ includeNarratives: e.target.checked })}
                />{' '}
                Implementation narratives
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={options.includeReviewerComments}
                  onChange={(e) => change({ includeReviewerComments: e.target.checked })}
                />{' '}
                Reviewer comments
              </label>
              <label>
                <input
                  type="checkbox"
                  checked={options.includeLicensedText}
                  onChange={(e) => change({ includeLicensedText: e.target.checked })}
                />{' '}
                Licensed text of the standard (only for readers licensed to it)
              </label>
            </fieldset>
            <MarkingChoice
              assessmentId={assessmentId}
              typed={marking}
              organization={organization?.classification}
              onChange={(typed) => change({ marking: typed })}
            />
          </div>
          <div className="button-row export-actions">
            <button
              type="button"
              className="primary"
              disabled={working || kinds.size === 0 || !assessmentId || !classification}
              onClick={() => void exportDocuments()}
            >
              Export documents
            </button>
            <EvidencePackageButton
              assessmentId={assessmentId}
              kinds={[...kinds]}
              options={{ ...options, classification }}
              disabled={working || !assessmentId || !classification}
              onStatus={setStatus}
              onCancelable={(fn) => setCancel(() => fn)}
            />
            <SpreadsheetExport
              assessmentId={assessmentId}
              options={{ classification }}
              disabled={working || !assessmentId || !classification}
              onStatus={setStatus}
              onCancelable={(fn) => setCancel(() => fn)}
            />
            {working && cancel && (
              <button type="button" onClick={cancel}>
                Cancel
              </button>
            )}
          </div>
          <JobStatusView status={status} />
          <ExportIdentityNote control={exported} />
        </div>
      )}
    </section>
  );
}
