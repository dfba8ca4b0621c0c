/**
 * Remediation actions for one requirement, each a card that wraps at narrow widths: its ACT ID, what is
 * to be done, by whom and when, the level expected once done and how closing it will be checked. Add,
 * edit in place, delete with undo; all disabled while the assessment is locked.
 */
import { useCallback, useId, useState, type FormEvent } from 'react';
import { actionRef } from '../../core/findings/actionRef';
import { isOverdueAction } from '../../core/rules/rules';
import type { Action } from '../../core/records/model';
import { ActionFields, TYPED_FIELDS } from '../actions/ActionFields';
import { actionDraftKey } from '../actions/actionCardDraft';
import { NEW_ACTION_DRAFT, draftFields, draftOf, fieldPatch, inputFrom, type ActionDraft } from '../actions/actionDraft';
import { useToast } from '../components/toast';
import { addAction, deleteAction, restoreAction, updateAction, type ActionPatch } from '../db/repo/actions';
import { useAutosave } from '../hooks/useAutosave';
import { useSaveFeedback } from '../hooks/useSaveFeedback';
import { useDraftsReady } from '../workbook/useDraftsReady';
import { useWorkbook } from '../workbook/WorkbookContext';
import '../styles/findings.css';

const mergePatches = (a: ActionPatch, b: ActionPatch): ActionPatch => ({ ...a, ...b });

/**
 * What the user has changed on a card and the saved action does not show yet, a draft recovered from
 * an earlier session first. Each change stays shown until the saved action carries it, so a save landing
 * meanwhile (of another field, or from elsewhere) never takes typing away.
 */
function useCardEdits(action: Action, recovered: ActionPatch | null) {
  const saved = draftOf(action);
  const [edits, setEdits] = useState<Partial<ActionDraft>>(() => (recovered ? draftFields(recovered) : {}));
  const [seen, setSeen] = useState(action.updatedAt);
  if (action.updatedAt !== seen) {
    setSeen(action.updatedAt);
    setEdits((e) => Object.fromEntries(Object.entries(e).filter(([field, value]) => value !== saved[field as keyof ActionDraft])));
  }
  return {
    draft: { ...saved, ...edits } as ActionDraft,
    edit: (field: keyof ActionDraft, value: string) => setEdits((e) => ({ ...e, [field]: value })),
  };
}

/**
 * One action as a card. Typed fields save a moment after typing stops and on leaving them, choices at
 * once; until saved, what was typed is also kept as a draft that the next start saves (useAutosave).
 */
function ActionCard({
  action: a,
  today,
  locked,
  remove,
}: {
  action: Action;
  today: string;
  locked: boolean;
  remove: (action: Action) => void;
}) {
  const db = useWorkbook();
  const id = useId();
  const overdue = isOverdueAction(a, today);
  const ref = actionRef(a);
  const save = useCallback(async (patch: ActionPatch) => void (await updateAction(db, a.id, patch)), [db, a.id]);
  const [draftKey] = useState(() => actionDraftKey(db.name, a.id));
  const { state, schedule, flush, recovered } = useAutosave<ActionPatch>(save, { draftKey, merge: mergePatches });
  const { draft, edit } = useCardEdits(a, recovered);
  return (
    <li className={`action-card${overdue ? ' overdue' : ''}`} aria-labelledby={`${id}-ref`} data-testid="action-card">
      <div className="action-card-head">
        <span className="act-id" id={`${id}-ref`} data-testid="action-ref">
          {ref}
        </span>
        {overdue && <span className="badge bad">overdue</span>}
        <button type="button" disabled={locked} onClick={() => remove(a)} aria-label={`Delete action ${ref}`}>
          Delete
        </button>
      </div>
      <fieldset className="plain-fieldset action-fields" disabled={locked}>
        <ActionFields
          id={id}
          variant="card"
          draft={draft}
          onChange={(field, value) => {
            edit(field, value);
            schedule(fieldPatch(field, value));
            if (!TYPED_FIELDS.has(field)) void flush();
          }}
          onLeave={() => void flush()}
        />
      </fieldset>
      {state.phase === 'error' && (
        <p role="alert" className="error-text">
          {/* A whole sentence that already says the change was not saved. */}
          {ref}: {state.message}
        </p>
      )}
    </li>
  );
}

export function ActionsPanel({
  assessmentId,
  requirementId,
  actions,
  today,
  locked,
}: {
  assessmentId: string;
  requirementId: string;
  actions: Action[];
  today: string;
  locked: boolean;
}) {
  const db = useWorkbook();
  const toast = useToast();
  const id = useId();
  const { error, run } = useSaveFeedback('The action was not saved.');

  const [draft, setDraft] = useState<ActionDraft>(NEW_ACTION_DRAFT);
  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const added = await run(() => addAction(db, assessmentId, requirementId, inputFrom(draft)));
    if (added) setDraft(NEW_ACTION_DRAFT);
  }

  async function remove(action: Action) {
    await run(async () => {
      await deleteAction(db, action.id);
      toast({ message: `Action ${actionRef(action)} deleted.`, undo: () => restoreAction(db, action) });
    });
  }

  // Like the answer's form, each card reads its draft once, on mount, after drafts of an earlier session are back.
  const draftsReady = useDraftsReady();
  const sorted = [...actions].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">Remediation actions ({actions.length})</h2>
      {sorted.length > 0 && !draftsReady && <p role="status">Loading the actions…</p>}
      {sorted.length > 0 && draftsReady && (
        <ul className="action-cards" aria-label="Remediation actions">
          {sorted.map((a) => (
            <ActionCard key={a.id} action={a} today={today} locked={locked} remove={(x) => void remove(x)} />
          ))}
        </ul>
      )}
      <form className="action-card" onSubmit={(e) => void add(e)} aria-label="New action">
        <fieldset className="plain-fieldset action-fields" disabled={locked}>
          <ActionFields
            id={`${id}-new`}
            variant="new"
            draft={draft}
            onChange={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
          />
          <div className="field">
            <button type="submit">Add action</button>
          </div>
        </fieldset>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
