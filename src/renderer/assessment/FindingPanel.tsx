/**
 * The finding on a requirement, derived as the documents print it (core/findings): its ID, grade, risk
 * and recommendation. The assessor may reword any of them; only what differs from the derived text is
 * saved, on the answer, as they type (with a draft), and nothing can change while the assessment is locked.
 */
import { useCallback, useId, useMemo, useState } from 'react';
import { findingsOf, GRADE_LABELS, type Finding } from '../../core/findings/findings';
import { RECORD_LIMITS } from '../../core/records/fields';
import type { FindingGrade, Response } from '../../core/records/model';
import { FINDING_GRADES } from '../../core/records/schema';
import { printedReviews } from '../../core/review/printed';
import { SaveIndicator } from '../components/SaveIndicator';
import { saveResponse, type ResponsePatch } from '../db/repo/responses';
import { findingDraftKey } from '../hooks/drafts';
import { useAutosave } from '../hooks/useAutosave';
import { useDraftsReady } from '../workbook/useDraftsReady';
import { useWorkbook } from '../workbook/WorkbookContext';
import type { WorkspaceData } from './useWorkspaceData';
import '../styles/findings.css';

interface Props {
  requirementId: string;
  data: WorkspaceData;
  response: Response;
  locked: boolean;
}

const REASONS: Record<Finding['reason'], string> = {
  gap: 'below its target',
  unsupported: 'level claimed without valid evidence',
  review: 'reviewer’s verdict',
};

type FindingChange = NonNullable<ResponsePatch['finding']>;

/** Later changes win field by field; a reset to the derived wording starts afresh. */
function merge(a: ResponsePatch, b: ResponsePatch): ResponsePatch {
  if (b.finding === undefined) return a;
  if (b.finding === null || a.finding === undefined || a.finding === null) return { finding: b.finding };
  return { finding: { ...a.finding, ...b.finding } };
}

/** The finding for one requirement, from the records the workspace already holds. */
function useFinding(requirementId: string, data: WorkspaceData, response: Response): Finding | undefined {
  const received = data.received;
  return useMemo(() => {
    const score = data.scores.requirements.get(requirementId);
    if (!score) return undefined;
    const links = data.links.filter((l) => l.requirementId === requirementId);
    return findingsOf({
      catalogue: data.index.catalogue,
      scores: { requirements: { [requirementId]: score } },
      responses: [response],
      actions: data.actions.filter((a) => a.requirementId === requirementId),
      evidence: links.flatMap((l) => data.evidence.get(l.evidenceId) ?? []),
      links,
      today: data.today,
      reviews: printedReviews(received ?? []),
    })[0];
  }, [requirementId, data, response, received]);
}

export function FindingPanel(props: Props) {
  const finding = useFinding(props.requirementId, props.data, props.response);
  // Like the answer's form, it reads its draft once, on mount, after drafts of an earlier session are back.
  if (!useDraftsReady()) return null;
  if (!finding) {
    return (
      <section className="panel finding" aria-labelledby="finding-title" data-testid="finding-panel">
        <h2 id="finding-title">Finding</h2>
        <p className="muted small">No finding: not below target, not claimed without valid evidence, and no reviewer objected.</p>
      </section>
    );
  }
  // Drawn afresh when the derived wording changes (a new level, say), so the fields show the new text.
  return (
    <FindingForm key={`${finding.derived.grade}|${finding.derived.risk}|${finding.derived.recommendation}`} {...props} finding={finding} />
  );
}

function FindingForm({ data, response, locked, finding }: Props & { finding: Finding }) {
  const db = useWorkbook();
  const assessmentId = data.assessment.id;
  const requirementId = response.requirementId;
  const id = useId();
  const save = useCallback(
    async (patch: ResponsePatch) => void (await saveResponse(db, assessmentId, requirementId, patch)),
    [db, assessmentId, requirementId],
  );
  const [draftKey] = useState(() => findingDraftKey(db.name, assessmentId, requirementId));
  const { state, schedule, flush } = useAutosave<ResponsePatch>(save, { draftKey, merge });
  // Bumped to redraw the text fields after going back to the derived wording.
  const [generation, setGeneration] = useState(0);
  const [grade, setGrade] = useState<FindingGrade | ''>(response.finding?.grade ?? '');

  const change = (patch: FindingChange | null, at: 'now' | 'typing') => {
    schedule({ finding: patch }, merge);
    if (at === 'now') void flush();
  };
  // The derived text itself, or nothing, is no override: the derived wording then follows the answer.
  const typed = (field: 'risk' | 'recommendation', value: string) =>
    change({ [field]: value.trim() === '' || value === finding.derived[field] ? null : value }, 'typing');
  const reset = () => {
    setGrade('');
    change(null, 'now');
    setGeneration((g) => g + 1);
  };
  const overridden = finding.overridden.grade || finding.overridden.risk || finding.overridden.recommendation;

  return (
    <section className="panel finding" aria-labelledby={`${id}-title`} data-testid="finding-panel">
      <div className="panel-header">
        <h2 id={`${id}-title`}>
          Finding <span data-testid="finding-id">{finding.id}</span>{' '}
          <span className={`badge grade-${finding.grade}`} data-testid="finding-grade">
            {GRADE_LABELS[finding.grade]}
          </span>
        </h2>
        <SaveIndicator state={state} />
      </div>
      <p className="muted small">
        Why: {finding.reasons.map((r) => REASONS[r]).join('; ')}. The grade, risk and recommendation below are derived by the rule printed
        in the report; change any of them to record your own judgement.
      </p>
      <p className="small" data-testid="finding-actions">
        {finding.actionIds.length
          ? `Actions on it: ${finding.actionIds.join(', ')}.`
          : 'No action on it yet: add one under Remediation actions below.'}
      </p>
      <fieldset className="plain-fieldset" disabled={locked} key={generation}>
        <div className="field">
          <label htmlFor={`${id}-grade`}>Grade</label>
          <select
            id={`${id}-grade`}
            value={grade}
            onChange={(e) => {
              const value = e.target.value as FindingGrade | '';
              setGrade(value);
              change({ grade: value === '' ? null : value }, 'now');
            }}
          >
            <option value="">As derived: {GRADE_LABELS[finding.derived.grade]}</option>
            {FINDING_GRADES.map((g) => (
              <option key={g} value={g}>
                {GRADE_LABELS[g]}
              </option>
            ))}
          </select>
        </div>
        {(['risk', 'recommendation'] as const).map((field) => (
          <div className="field" key={field}>
            <label htmlFor={`${id}-${field}`}>{field === 'risk' ? 'Risk' : 'Recommendation'}</label>
            <textarea
              id={`${id}-${field}`}
              rows={3}
              maxLength={RECORD_LIMITS.findingText}
              defaultValue={finding[field]}
              onChange={(e) => typed(field, e.target.value)}
              onBlur={() => void flush()}
            />
          </div>
        ))}
        {overridden && (
          <button type="button" onClick={reset}>
            Go back to the derived grade and wording
          </button>
        )}
      </fieldset>
    </section>
  );
}
