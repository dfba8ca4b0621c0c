/** The answer to one requirement, saved as the assessor types; typing not yet saved is kept as a draft (hooks/drafts.ts). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useId, useState } from 'react';
import type { Requirement } from '../../core/catalogue/types';
import { LEVELS } from '../../core/records/maturity';
import type { MaturityLevel, Response } from '../../core/records/model';
import { SaveIndicator } from '../components/SaveIndicator';
import { responseDraftKey } from '../hooks/drafts';
import { useAutosave } from '../hooks/useAutosave';
import { lastChangeOf } from '../db/queries/lastChanges';
import { LevelChoice } from './LevelChoice';
import { saveResponse, type ResponsePatch } from '../db/repo/responses';
import { useDraftsReady } from '../workbook/useDraftsReady';
import { useWorkbook } from '../workbook/WorkbookContext';

interface Props {
  assessmentId: string;
  response: Response;
  defaultTarget: MaturityLevel;
  locked: boolean;
  /** The catalogue's criteria for ML1–ML4, where it gives them. */
  criteria?: Requirement['levels'];
}

const merge = (a: ResponsePatch, b: ResponsePatch) => ({ ...a, ...b });

export function ResponseForm(props: Props) {
  // The form reads its draft once, on mount: it waits until drafts from an earlier session are back.
  if (!useDraftsReady()) {
    return (
      <section className="panel" aria-busy="true">
        <p role="status">Loading the answer…</p>
      </section>
    );
  }
  return <AnswerForm {...props} />;
}

/** Who last changed the answer and when, from the change log; it follows each save as it lands. */
function LastChangeLine({ assessmentId, requirementId }: { assessmentId: string; requirementId: string }) {
  const db = useWorkbook();
  const change = useLiveQuery(() => lastChangeOf(db, assessmentId, requirementId), [db, assessmentId, requirementId]);
  if (!change) return null;
  const when = new Date(change.at).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <p className="muted small last-change" data-testid="last-change">
      Last changed by {change.actor} on {when}
    </p>
  );
}

function AnswerForm({ assessmentId, response: saved, defaultTarget, locked, criteria }: Props) {
  const db = useWorkbook();
  const requirementId = saved.requirementId;
  const save = useCallback(
    async (patch: ResponsePatch) => void (await saveResponse(db, assessmentId, requirementId, patch)),
    [db, assessmentId, requirementId],
  );
  const [draftKey] = useState(() => responseDraftKey(db.name, assessmentId, requirementId));
  const { state, schedule, flush, recovered, discardRecovered } = useAutosave<ResponsePatch>(save, { draftKey, merge });
  // Choices show at once, before the save lands; once the saved record changes they come from it again.
  // Typing left unsaved by an earlier session shows over the saved answer until its save lands.
  const [pending, setPending] = useState<ResponsePatch>(() => recovered ?? {});
  const [seen, setSeen] = useState(saved.updatedAt);
  // Bumped to redraw the text fields from the saved answer when a recovered draft is discarded.
  const [generation, setGeneration] = useState(0);
  if (saved.updatedAt !== seen) {
    setSeen(saved.updatedAt);
    setPending({});
  }
  const response = { ...saved, ...pending } as Response;
  const id = useId();
  const now = (patch: ResponsePatch) => {
    setPending((p) => ({ ...p, ...patch }));
    schedule(patch, merge);
    void flush();
  };
  const discard = () => {
    discardRecovered();
    setPending({});
    setGeneration((g) => g + 1);
  };
  const justificationMissing = !response.applicable && !response.justification.trim();

  return (
    <section className="panel" aria-labelledby={`${id}-title`}>
      <div className="panel-header">
        <h2 id={`${id}-title`}>Answer</h2>
        <SaveIndicator state={state} />
      </div>
      <LastChangeLine assessmentId={assessmentId} requirementId={requirementId} />
      {recovered && state.phase === 'error' && (
        <p className="notice warning" role="alert">
          What you typed here before the app last closed could not be saved, and is kept on this computer until you discard it.{' '}
          <button type="button" className="link-button" onClick={discard}>
            Discard the unsaved text
          </button>
        </p>
      )}
      {response.carriedOver && (
        <p className="notice warning">Carried over from the previous assessment: check it and change anything to confirm it.</p>
      )}
      <fieldset className="inline-fieldset" disabled={locked}>
        <legend>Applicable</legend>
        <label>
          <input type="radio" name={`${id}-applicable`} checked={response.applicable} onChange={() => now({ applicable: true })} /> Yes
        </label>
        <label>
          <input type="radio" name={`${id}-applicable`} checked={!response.applicable} onChange={() => now({ applicable: false })} /> No,
          not applicable
        </label>
      </fieldset>
      {!response.applicable && (
        <div className="field">
          <label htmlFor={`${id}-just`}>Why it does not apply (required)</label>
          <textarea
            id={`${id}-just`}
            key={generation}
            defaultValue={response.justification}
            rows={2}
            disabled={locked}
            aria-invalid={justificationMissing}
            aria-describedby={justificationMissing ? `${id}-just-error` : undefined}
            onChange={(e) => schedule({ justification: e.target.value }, merge)}
            onBlur={() => void flush()}
          />
          {justificationMissing && (
            <p id={`${id}-just-error`} className="error-text small">
              A justification is required when a requirement does not apply.
            </p>
          )}
        </div>
      )}
      {response.applicable && (
        <>
          <div className="field">
            <label htmlFor={`${id}-target`}>Target level</label>
            <select
              id={`${id}-target`}
              value={response.targetLevel ?? ''}
              disabled={locked}
              onChange={(e) => now({ targetLevel: e.target.value === '' ? null : (Number(e.target.value) as MaturityLevel) })}
            >
              <option value="">Assessment default (ML{defaultTarget})</option>
              {LEVELS.filter((l) => l.level > 0).map((l) => (
                <option key={l.level} value={l.level}>
                  {l.label} {l.name}
                </option>
              ))}
            </select>
          </div>
          <LevelChoice
            id={id}
            criteria={criteria}
            chosen={response.achievedLevel}
            locked={locked}
            onChoose={(level) => now({ achievedLevel: level })}
          />
          <div className="field">
            <label htmlFor={`${id}-narrative`}>How it is implemented</label>
            <textarea
              id={`${id}-narrative`}
              key={generation}
              defaultValue={response.narrative}
              rows={5}
              disabled={locked}
              onChange={(e) => schedule({ narrative: e.target.value }, merge)}
              onBlur={() => void flush()}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-gaps`}>Gaps</label>
            <textarea
              id={`${id}-gaps`}
              key={generation}
              defaultValue={response.gaps}
              rows={3}
              disabled={locked}
              onChange={(e) => schedule({ gaps: e.target.value }, merge)}
              onBlur={() => void flush()}
            />
          </div>
        </>
      )}
      <div className="field review-row">
        <label htmlFor={`${id}-review`}>Review</label>
        <select
          id={`${id}-review`}
          value={response.reviewStatus}
          onChange={(e) => now({ reviewStatus: e.target.value as Response['reviewStatus'] })}
        >
          <option value="none">Not reviewed</option>
          <option value="flagged">Flagged for review</option>
          <option value="reviewed">Reviewed</option>
        </select>
        <label htmlFor={`${id}-comment`} className="visually-hidden">
          Reviewer comment
        </label>
        <input
          id={`${id}-comment`}
          key={generation}
          placeholder="Reviewer comment"
          defaultValue={response.reviewComment}
          onChange={(e) => schedule({ reviewComment: e.target.value }, merge)}
          onBlur={() => void flush()}
        />
      </div>
    </section>
  );
}
