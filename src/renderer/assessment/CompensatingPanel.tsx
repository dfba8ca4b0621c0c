/**
 * A compensating countermeasure on the answer: what is applied where the requirement cannot be met as
 * written, saved as the assessor types (with its own draft, like the answer's form), and shut while the
 * assessment is locked. It never changes the score: the achieved level stays the assessor's judgement.
 */
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { applyCompensating, EMPTY_COMPENSATING } from '../../core/records/compensating';
import { RECORD_LIMITS } from '../../core/records/fields';
import type { Compensating, Person, Response } from '../../core/records/model';
import { SaveIndicator } from '../components/SaveIndicator';
import { saveResponse, type ResponsePatch } from '../db/repo/responses';
import { compensatingDraftKey } from '../hooks/drafts';
import { useAutosave } from '../hooks/useAutosave';
import { useDraftsReady } from '../workbook/useDraftsReady';
import { useWorkbook } from '../workbook/WorkbookContext';
import '../styles/compensating.css';

interface Props {
  assessmentId: string;
  response: Response;
  locked: boolean;
  /** People to suggest for "accepted by", read once for the workspace. */
  people: readonly Person[] | undefined;
}

type TextField = 'measure' | 'reason' | 'residualRisk' | 'acceptedBy';

const TEXTS: { field: Exclude<TextField, 'acceptedBy'>; label: string; what: string; rows: number }[] = [
  { field: 'measure', label: 'Countermeasure applied instead', what: 'The countermeasure', rows: 3 },
  { field: 'reason', label: 'Why the requirement cannot be met as written', what: 'The reason', rows: 2 },
  { field: 'residualRisk', label: 'Residual risk', what: 'The residual risk', rows: 2 },
];

const LIMIT: Record<TextField, number> = {
  measure: RECORD_LIMITS.countermeasure,
  reason: RECORD_LIMITS.countermeasure,
  residualRisk: RECORD_LIMITS.countermeasure,
  acceptedBy: RECORD_LIMITS.name,
};

const tooLong = (what: string, field: TextField) => `${what} is too long: ${LIMIT[field].toLocaleString('en')} characters at most.`;

/**
 * Later changes win field by field. A removal followed by new typing stands for a fresh, empty
 * countermeasure with that typing, so the stored one is not brought back.
 */
function merge(a: ResponsePatch, b: ResponsePatch): ResponsePatch {
  if (b.compensating === undefined) return a;
  if (b.compensating === null || a.compensating === undefined) return { compensating: b.compensating };
  const base = a.compensating === null ? EMPTY_COMPENSATING : a.compensating;
  return { compensating: { ...base, ...b.compensating } };
}

export function CompensatingPanel(props: Props) {
  // Like the answer's form, it reads its draft once, on mount, after drafts of an earlier session are back.
  if (!useDraftsReady()) {
    return (
      <section className="panel" aria-busy="true">
        <p role="status">Loading the compensating countermeasure…</p>
      </section>
    );
  }
  return <CountermeasureForm {...props} />;
}

function CountermeasureForm({ assessmentId, response: saved, locked, people = [] }: Props) {
  const db = useWorkbook();
  const requirementId = saved.requirementId;
  const save = useCallback(
    async (patch: ResponsePatch) => void (await saveResponse(db, assessmentId, requirementId, patch)),
    [db, assessmentId, requirementId],
  );
  const [draftKey] = useState(() => compensatingDraftKey(db.name, assessmentId, requirementId));
  const { state, schedule, flush, recovered, discardRecovered } = useAutosave<ResponsePatch>(save, { draftKey, merge });
  // What is not saved yet shows over the saved countermeasure, a recovered draft included.
  const [pending, setPending] = useState<ResponsePatch>(() => recovered ?? {});
  const [seen, setSeen] = useState(saved.updatedAt);
  // Bumped to redraw the text fields: after a removal, or when a recovered draft is discarded.
  const [generation, setGeneration] = useState(0);
  const [opened, setOpened] = useState(false);
  // Where focus goes once the section opens or closes, so a keyboard user is not left on nothing.
  const focusTo = useRef<'measure' | 'open' | null>(null);
  const measureRef = useRef<HTMLTextAreaElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const [overLimit, setOverLimit] = useState<Partial<Record<TextField, boolean>>>({});
  if (saved.updatedAt !== seen) {
    setSeen(saved.updatedAt);
    setPending({});
  }
  const current: Compensating | undefined =
    pending.compensating === undefined ? saved.compensating : applyCompensating(saved.compensating, pending.compensating);
  const id = useId();

  const change = (patch: NonNullable<ResponsePatch['compensating']>, at: 'now' | 'typing') => {
    const next = { compensating: patch };
    setPending((p) => merge(p, next));
    schedule(next, merge);
    if (at === 'now') void flush();
  };
  const typed = (field: TextField, value: string) => {
    const over = value.length > LIMIT[field];
    setOverLimit((o) => (!!o[field] === over ? o : { ...o, [field]: over }));
    change({ [field]: value }, 'typing');
  };
  const remove = () => {
    // Nothing stored and nothing typed: closing is enough, and writes nothing.
    if (saved.compensating !== undefined || pending.compensating !== undefined) {
      const next = { compensating: null };
      setPending(next);
      schedule(next, merge);
      void flush();
    }
    setOpened(false);
    focusTo.current = 'open';
    setOverLimit({});
    setGeneration((g) => g + 1);
  };
  const discard = () => {
    discardRecovered();
    setPending({});
    setOverLimit({});
    setGeneration((g) => g + 1);
  };
  const shown = current !== undefined || opened;
  useEffect(() => {
    const to = focusTo.current;
    focusTo.current = null;
    if (to) (to === 'measure' ? measureRef : openRef).current?.focus();
  }, [shown]);

  return (
    <section className="panel compensating" aria-labelledby={`${id}-title`} data-testid="compensating-panel">
      <div className="panel-header">
        <h2 id={`${id}-title`}>Compensating countermeasure</h2>
        {shown && <SaveIndicator state={state} />}
      </div>
      {recovered && state.phase === 'error' && (
        <p className="notice warning" role="alert">
          What you typed here before the app last closed could not be saved, and is kept on this computer until you discard it.{' '}
          <button type="button" className="link-button" onClick={discard}>
            Discard the unsaved text
          </button>
        </p>
      )}
      {!shown ? (
        <>
          <p className="muted small">
            Where this requirement cannot be met as written, for example on a legacy system, record what is applied instead.
          </p>
          <button
            type="button"
            ref={openRef}
            disabled={locked}
            aria-expanded="false"
            onClick={() => {
              setOpened(true);
              focusTo.current = 'measure';
            }}
          >
            Record a compensating countermeasure…
          </button>
        </>
      ) : (
        <fieldset className="plain-fieldset" disabled={locked} key={generation}>
          <p className="muted small">The achieved level above stays your judgement: a countermeasure does not change the score.</p>
          {TEXTS.map(({ field, label, what, rows }) => (
            <div className="field" key={field}>
              <label htmlFor={`${id}-${field}`}>{label}</label>
              <textarea
                id={`${id}-${field}`}
                ref={field === 'measure' ? measureRef : undefined}
                defaultValue={current?.[field] ?? ''}
                rows={rows}
                aria-invalid={overLimit[field] ?? false}
                aria-describedby={overLimit[field] ? `${id}-${field}-error` : undefined}
                onChange={(e) => typed(field, e.target.value)}
                onBlur={() => void flush()}
              />
              {overLimit[field] && (
                <p id={`${id}-${field}-error`} className="error-text small">
                  {tooLong(what, field)}
                </p>
              )}
            </div>
          ))}
          <div className="compensating-acceptance">
            <div className="field">
              <label htmlFor={`${id}-acceptedBy`}>Risk accepted by</label>
              <input
                id={`${id}-acceptedBy`}
                list={`${id}-people`}
                defaultValue={current?.acceptedBy ?? ''}
                autoComplete="off"
                aria-invalid={overLimit.acceptedBy ?? false}
                aria-describedby={overLimit.acceptedBy ? `${id}-acceptedBy-error` : undefined}
                onChange={(e) => typed('acceptedBy', e.target.value)}
                onBlur={() => void flush()}
              />
              <datalist id={`${id}-people`}>
                {people.map((p) => (
                  <option key={p.id} value={p.name} />
                ))}
              </datalist>
              {overLimit.acceptedBy && (
                <p id={`${id}-acceptedBy-error`} className="error-text small">
                  {tooLong('The name', 'acceptedBy')}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor={`${id}-acceptedOn`}>Accepted on (optional)</label>
              <input
                id={`${id}-acceptedOn`}
                type="date"
                max="9999-12-31"
                defaultValue={current?.acceptedOn ?? ''}
                onChange={(e) => change({ acceptedOn: e.target.value === '' ? null : e.target.value }, 'now')}
              />
            </div>
          </div>
          <button type="button" onClick={remove}>
            Remove the countermeasure
          </button>
        </fieldset>
      )}
    </section>
  );
}
