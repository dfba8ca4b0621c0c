/** Link the selected evidence to one requirement of an assessment in one go. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { Dialog } from '../components/Dialog';
import { catalogueById } from '../content/catalogues';
import { WorkbookError } from '../db/errors';
import { listAssessments } from '../db/repo/assessments';
import { linkEvidenceMany } from '../db/repo/evidence';
import { runTracked } from '../workbook/pendingWork';
import { useWorkbook } from '../workbook/WorkbookContext';

export function BulkLinkDialog({
  evidenceIds,
  open,
  onClose,
  onDone,
}: {
  evidenceIds: string[];
  open: boolean;
  onClose: () => void;
  onDone: (message: string) => void;
}) {
  const db = useWorkbook();
  const assessments = useLiveQuery(() => listAssessments(db), [db]) ?? [];
  const [assessmentId, setAssessmentId] = useState('');
  const [requirementId, setRequirementId] = useState('');
  const [error, setError] = useState('');
  const assessment = assessments.find((a) => a.id === assessmentId) ?? assessments[0];
  const requirements = assessment
    ? (catalogueById(assessment.catalogueId)?.requirements.filter((r) => assessment.scope.includes(r.speId)) ?? [])
    : [];
  const chosen = requirementId || requirements[0]?.id || '';

  async function link() {
    if (!assessment || !chosen) return;
    try {
      await runTracked({ label: `Linking ${evidenceIds.length} evidence to ${chosen}` }, () =>
        linkEvidenceMany(db, evidenceIds, { assessmentId: assessment.id, requirementId: chosen }),
      );
      onDone(`Linked ${evidenceIds.length} evidence to ${chosen}.`);
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'Linking failed.');
    }
  }

  return (
    <Dialog title={`Link ${evidenceIds.length} evidence to a requirement`} open={open} onClose={onClose} wide>
      {assessments.length === 0 ? (
        <p>Create an assessment first.</p>
      ) : (
        <div className="form-grid">
          <label htmlFor="bulk-assessment">Assessment</label>
          <select id="bulk-assessment" value={assessment?.id ?? ''} onChange={(e) => setAssessmentId(e.target.value)}>
            {assessments.map((a) => (
              <option key={a.id} value={a.id}>
                {a.name}
              </option>
            ))}
          </select>
          <label htmlFor="bulk-requirement">Requirement</label>
          <select id="bulk-requirement" value={chosen} onChange={(e) => setRequirementId(e.target.value)}>
            {requirements.map((r) => (
              <option key={r.id} value={r.id}>
                {r.id} {r.title}
              </option>
            ))}
          </select>
        </div>
      )}
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="button" className="primary" onClick={() => void link()} disabled={!chosen}>
          Link
        </button>
        <button type="button" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
