/**
 * Conduct and scope of one assessment: the system under consideration, how the assessment was done,
 * the assessor's conclusion and, apart from it, the management statement. Saved as it is typed
 * through the one write path; read-only once signed off or in a review copy.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useId, useState } from 'react';
import {
  applyConduct,
  INDEPENDENCE,
  type Conduct,
  type ConductPatch,
  type Independence,
  type TeamMember,
  type Zone,
} from '../../core/records/conduct';
import { RECORD_LIMITS as LIMITS } from '../../core/records/fields';
import { isLocked } from '../../core/records/lifecycle';
import type { Assessment, Evidence } from '../../core/records/model';
import { SaveIndicator } from '../components/SaveIndicator';
import { conductRecords } from '../db/queries/conduct';
import { updateConduct, type ConductChange } from '../db/repo/conduct';
import { useAutosave, type SaveState } from '../hooks/useAutosave';
import { useDraftsReady } from '../workbook/useDraftsReady';
import { useWorkbook, useWorkbookSwitch } from '../workbook/WorkbookContext';
import { conductDraftKey } from './conductDraft';
import { EvidenceRefs } from './EvidenceRefs';
import { FieldworkDates } from './FieldworkDates';
import { RowsEditor } from './RowsEditor';
import '../styles/conduct.css';

const merge = (a: ConductChange, b: ConductChange): ConductChange => ({ ...a, ...b });
const KINDS = [
  { value: 'zone', label: 'Zone' },
  { value: 'conduit', label: 'Conduit' },
] as const;
// Short words in the list; the hint and the report spell them out.
const INDEPENDENCE_WORDS: Record<Independence, string> = {
  internal: 'Internal',
  'independent-internal': 'Independent internal',
  external: 'External',
};
const INDEPENDENCE_OPTIONS = INDEPENDENCE.map((value) => ({ value, label: INDEPENDENCE_WORDS[value] }));

export function ConductScreen({ assessmentId }: { assessmentId: string }) {
  const db = useWorkbook();
  const { which } = useWorkbookSwitch();
  const records = useLiveQuery(() => conductRecords(db, assessmentId), [db, assessmentId]);
  // The form reads its draft once, on mount: it waits until drafts from an earlier session are back.
  const draftsReady = useDraftsReady();
  if (records === undefined || !draftsReady) return <p role="status">Loading…</p>;
  if (records === null) return <p role="alert">This assessment no longer exists.</p>;
  return <ConductView assessment={records.assessment} evidence={records.evidence} reviewing={which === 'review'} />;
}

/** The page for a loaded assessment; read-only with a sentence saying why when signed off or in a review copy. */
export function ConductView({ assessment, evidence, reviewing }: { assessment: Assessment; evidence: Evidence[]; reviewing: boolean }) {
  const readOnly = reviewing ? 'review' : isLocked(assessment) ? 'locked' : null;
  return (
    <div className="conduct-page">
      <p className="muted small">
        <a href="#/assessment">Assessments</a> › <a href={`#/assessment/${assessment.id}`}>{assessment.name}</a> › Conduct and scope
      </p>
      <h1>Conduct and scope</h1>
      {readOnly && (
        <p className="notice warning" data-testid="conduct-read-only">
          {readOnly === 'review'
            ? 'This is a review copy: the conduct and scope can be read here but not changed.'
            : 'This assessment is signed off and locked: its conduct and scope can be read but not changed until it is reopened.'}
        </p>
      )}
      {/* Keyed by assessment: the form starts from the saved record and then holds what is typed. */}
      <ConductForm
        key={assessment.id}
        assessmentId={assessment.id}
        saved={assessment.conduct ?? {}}
        evidence={evidence}
        disabled={!!readOnly}
      />
    </div>
  );
}

/**
 * The save state again beside each later section's heading, so it is in sight wherever the page is
 * scrolled; hidden from screen readers, which hear it once from the first.
 */
function SaveEcho({ state }: { state: SaveState }) {
  return (
    <span aria-hidden="true" className="save-echo">
      <SaveIndicator state={state} />
    </span>
  );
}

interface FormProps {
  assessmentId: string;
  saved: Conduct;
  evidence: Evidence[];
  disabled: boolean;
}

function ConductForm({ assessmentId, saved, evidence, disabled }: FormProps) {
  const db = useWorkbook();
  const id = useId();
  const save = useCallback(async (change: ConductChange) => void (await updateConduct(db, assessmentId, change)), [db, assessmentId]);
  const [draftKey] = useState(() => conductDraftKey(db.name, assessmentId));
  const { state, schedule, flush, recovered, discardRecovered } = useAutosave<ConductChange>(save, { merge, delayMs: 400, draftKey });
  // Typing an earlier session left unsaved shows over the saved record until its save lands.
  const [conduct, setConduct] = useState<Conduct>(() => (recovered ? applyConduct(saved, recovered as ConductPatch) : saved));
  // Bumped to redraw the dates, which hold their own typing, when a recovered draft is discarded.
  const [generation, setGeneration] = useState(0);
  const discard = () => {
    discardRecovered();
    setConduct(saved);
    setGeneration((g) => g + 1);
  };
  // Each change sends the field whole, so a later change also repairs one that was refused.
  const change = (patch: ConductChange, now = false) => {
    setConduct((c) => ({ ...c, ...patch }) as Conduct);
    schedule(patch);
    if (now) void flush();
  };
  const text = (
    key: 'boundary' | 'exclusions' | 'sampling' | 'limitations' | 'conclusion' | 'managementStatement',
    label: string,
    max: number,
    rows = 3,
    hint?: string,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {hint && (
        <p id={`${id}-${key}-hint`} className="muted small">
          {hint}
        </p>
      )}
      <textarea
        id={`${id}-${key}`}
        rows={rows}
        value={conduct[key] ?? ''}
        maxLength={max}
        disabled={disabled}
        aria-describedby={hint ? `${id}-${key}-hint` : undefined}
        onChange={(e) => change({ [key]: e.target.value })}
        onBlur={() => void flush()}
      />
    </div>
  );
  const documents = (conduct.documentsReviewed ?? []).map((title) => ({ title }));

  return (
    <div className="conduct-form">
      {recovered && state.phase === 'error' && (
        <p className="notice warning" role="alert">
          What you typed here before the app last closed could not be saved, and is kept on this computer until you discard it.{' '}
          <button type="button" className="link-button" onClick={discard}>
            Discard the unsaved text
          </button>
        </p>
      )}
      <section className="panel" aria-labelledby={`${id}-system`}>
        <div className="panel-header">
          <h2 id={`${id}-system`}>System under consideration</h2>
          <SaveIndicator state={state} />
        </div>
        {text('boundary', 'Boundary', LIMITS.conductText, 3, 'Where the system assessed begins and ends.')}
        <RowsEditor<Zone>
          testId="conduct-zones"
          legend="Zones and conduits"
          rows={conduct.zones ?? []}
          fields={[
            { key: 'name', label: 'Name', maxLength: LIMITS.conductEntry, grow: 2 },
            { key: 'kind', label: 'Kind', options: KINDS },
            { key: 'description', label: 'What it holds or carries', maxLength: LIMITS.zoneDescription, grow: 4 },
          ]}
          blank={{ name: '', kind: 'zone', description: '' }}
          addLabel="Add a zone or conduit"
          max={LIMITS.conductRows}
          disabled={disabled}
          nameOf={(z, i) => z.name || `row ${i + 1}`}
          onChange={(zones, structural) => change({ zones }, structural)}
        />
        {text('exclusions', 'Exclusions', LIMITS.conductText, 2, 'What is left out of the assessment, and why.')}
        <EvidenceRefs
          ids={conduct.evidenceIds ?? []}
          evidence={evidence}
          max={LIMITS.conductRows}
          disabled={disabled}
          onChange={(evidenceIds) => change({ evidenceIds }, true)}
        />
      </section>
      <section className="panel" aria-labelledby={`${id}-conduct`}>
        <div className="panel-header">
          <h2 id={`${id}-conduct`}>Assessment conduct</h2>
          <SaveEcho state={state} />
        </div>
        <RowsEditor<TeamMember>
          testId="conduct-team"
          legend="Assessment team"
          hint="Independent internal: from within the organization but not responsible for the area assessed. External: from outside the organization."
          rows={conduct.team ?? []}
          fields={[
            { key: 'name', label: 'Name', maxLength: LIMITS.conductEntry, grow: 2 },
            { key: 'role', label: 'Role in the assessment', maxLength: LIMITS.conductEntry, grow: 2 },
            { key: 'independence', label: 'Independence', options: INDEPENDENCE_OPTIONS },
          ]}
          blank={{ name: '', role: '', independence: 'internal' }}
          addLabel="Add a team member"
          max={LIMITS.conductRows}
          disabled={disabled}
          nameOf={(t, i) => t.name || `row ${i + 1}`}
          onChange={(team, structural) => change({ team }, structural)}
        />
        <RowsEditor
          testId="conduct-interviewees"
          legend="Interviewees"
          rows={conduct.interviewees ?? []}
          fields={[
            { key: 'name', label: 'Name', maxLength: LIMITS.conductEntry },
            { key: 'role', label: 'Role', maxLength: LIMITS.conductEntry },
          ]}
          blank={{ name: '', role: '' }}
          addLabel="Add an interviewee"
          max={LIMITS.conductRows}
          disabled={disabled}
          nameOf={(p, i) => p.name || `row ${i + 1}`}
          onChange={(interviewees, structural) => change({ interviewees }, structural)}
        />
        <RowsEditor
          testId="conduct-documents"
          legend="Documents reviewed"
          hint="A title or document number each; an evidence ID such as EV-0001 is printed with its title."
          rows={documents}
          fields={[{ key: 'title', label: 'Document', maxLength: LIMITS.conductEntry }]}
          blank={{ title: '' }}
          addLabel="Add a document"
          max={LIMITS.conductRows}
          disabled={disabled}
          nameOf={(d, i) => d.title || `row ${i + 1}`}
          onChange={(rows, structural) => change({ documentsReviewed: rows.map((r) => r.title) }, structural)}
        />
        <FieldworkDates
          key={generation}
          start={conduct.fieldworkStart}
          end={conduct.fieldworkEnd}
          disabled={disabled}
          onChange={(dates) => change(dates, true)}
        />
        {text('sampling', 'Sampling approach', LIMITS.conductText, 3, 'What was looked at, and how much of it.')}
        {text('limitations', 'Limitations', LIMITS.conductText, 3, 'What could not be seen or tested, and why.')}
      </section>
      <section className="panel" aria-labelledby={`${id}-conclusion`}>
        <div className="panel-header">
          <h2 id={`${id}-conclusion`}>Overall conclusion</h2>
          <SaveEcho state={state} />
        </div>
        {text('conclusion', 'The assessor’s conclusion', LIMITS.conclusion, 6)}
      </section>
      <section className="panel" aria-labelledby={`${id}-statement`}>
        <div className="panel-header">
          <h2 id={`${id}-statement`}>Management statement</h2>
          <SaveEcho state={state} />
        </div>
        {text(
          'managementStatement',
          'The organization’s statement',
          LIMITS.conclusion,
          5,
          'Management’s own response and commitments. The report prints it in a section of its own, apart from the assessor’s conclusion.',
        )}
      </section>
    </div>
  );
}
