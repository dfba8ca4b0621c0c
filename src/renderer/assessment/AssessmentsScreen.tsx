/** All assessments of the workbook, and where a new one (or the sample) starts. */
import { useLiveQuery } from 'dexie-react-hooks';
import { Plus } from 'lucide-react';
import { useState } from 'react';
import { STATUS_LABELS } from '../../core/records/lifecycle';
import { assessmentRows } from '../db/queries/assessmentList';
import { useToast } from '../components/toast';
import { useWorkbook, useWorkbookSwitch } from '../workbook/WorkbookContext';
import { AssessmentActions } from './AssessmentActions';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { ReviewImport } from '../review/ReviewImport';

export function AssessmentsScreen({ onOpen }: { onOpen: (id: string) => void }) {
  const db = useWorkbook();
  const toast = useToast();
  const workbooks = useWorkbookSwitch();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [loadingSample, setLoadingSample] = useState(false);
  // Progress as the dashboard counts it: assessed of applicable (not-applicable ones are left out).
  const rows = useLiveQuery(() => assessmentRows(db, { includeArchived: showArchived }), [db, showArchived]);

  async function openSample() {
    setLoadingSample(true);
    try {
      onOpen(await workbooks.openSample());
    } catch (error) {
      toast({ message: `The sample could not be opened: ${(error as Error).message}`, tone: 'error' });
      setLoadingSample(false);
    }
  }

  if (!rows) return <p role="status">Loading…</p>;
  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Assessments</h1>
        <div className="button-row">
          {workbooks.which === 'main' && (
            <button type="button" onClick={() => void openSample()} disabled={loadingSample}>
              {loadingSample ? 'Opening the sample…' : 'Open the sample assessment'}
            </button>
          )}
          {workbooks.which !== 'review' && (
            <button type="button" className="primary" onClick={() => setCreating(true)}>
              <Plus aria-hidden="true" size={16} /> New assessment
            </button>
          )}
        </div>
      </header>
      {workbooks.which === 'main' && <ReviewImport />}
      {rows.length === 0 ? (
        <div className="panel empty-state">
          <h2>No assessments yet</h2>
          <p>
            Start a new assessment against IEC 62443-2-1, or open the sample assessment of a water treatment plant to see a workbook in use.
          </p>
        </div>
      ) : (
        <table className="data-table" aria-label="Assessments">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Site</th>
              <th scope="col">Catalogue</th>
              <th scope="col">Period</th>
              <th scope="col">Assessed</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ assessment: a, siteName, edition, progress }) => (
              <tr key={a.id}>
                <td>
                  <a href={`#/assessment/${a.id}`}>{a.name}</a>
                  {a.carriedFrom && <span className="badge">re-assessment</span>}
                </td>
                <td>{siteName ?? '—'}</td>
                <td>{edition ?? a.catalogueId}</td>
                <td>
                  {a.periodStart} – {a.periodEnd}
                </td>
                <td>{progress ? `${progress.assessed} of ${progress.applicable} applicable` : '—'}</td>
                <td>{a.archived ? 'Archived' : STATUS_LABELS[a.status]}</td>
                <td>
                  <AssessmentActions assessment={a} onOpen={onOpen} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <label className="inline-check">
        <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived assessments
      </label>
      <NewAssessmentDialog
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(id) => {
          setCreating(false);
          onOpen(id);
        }}
      />
    </section>
  );
}
