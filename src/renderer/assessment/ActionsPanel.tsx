/**
 * Remediation actions for one requirement, each a card that wraps at narrow widths: its ACT ID, what is
 * to be done, by whom and when, the level expected once done and how closing it will be checked. Add,
 * edit in place, delete with undo; all disabled while the assessment is locked.
 */
import { useId, useState, type FormEvent } from 'react';
import { actionRef } from '../../core/findings/actionRef';
import { isOverdueAction } from '../../core/rules/rules';
import type { Action } from '../../core/records/model';
import { ActionFields, TYPED_FIELDS } from '../actions/ActionFields';
import { NEW_ACTION_DRAFT, draftOf, inputFrom, patchFrom, type ActionDraft } from '../actions/actionDraft';
import { useToast } from '../components/toast';
import { addAction, deleteAction, restoreAction, updateAction, type ActionPatch } from '../db/repo/actions';
import { useSaveFeedback } from '../hooks/useSaveFeedback';
import { useWorkbook } from '../workbook/WorkbookContext';
import '../styles/findings.css';

/**
 * What the user has changed on a card and the saved action does not show yet. A typed field is saved on
 * leaving it, a choice at once; each change stays shown until the saved action carries it, so a save
 * landing meanwhile (of another field, or from elsewhere) never takes typing away.
 */
function useCardEdits(action: Action) {
  const saved = draftOf(action);
  const [edits, setEdits] = useState<Partial<ActionDraft>>({});
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

function ActionCard({
  action: a,
  today,
  locked,
  update,
  remove,
}: {
  action: Action;
  today: string;
  locked: boolean;
  update: (id: string, patch: ActionPatch) => void;
  remove: (action: Action) => void;
}) {
  const id = useId();
  const overdue = isOverdueAction(a, today);
  const ref = actionRef(a);
  const { draft, edit } = useCardEdits(a);
  // Only the one field, and only when it differs from what is saved.
  const save = (field: keyof ActionDraft, value: string) => {
    const patch = patchFrom(a, { ...draftOf(a), [field]: value });
    if (Object.keys(patch).length > 0) update(a.id, patch);
  };
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
            if (!TYPED_FIELDS.has(field)) save(field, value);
          }}
          onLeave={(field) => save(field, draft[field])}
        />
      </fieldset>
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
  const update = (actionId: string, patch: ActionPatch) => void run(() => updateAction(db, actionId, patch));

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

  const sorted = [...actions].sort((a, b) => (a.number ?? 0) - (b.number ?? 0));
  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">Remediation actions ({actions.length})</h2>
      {sorted.length > 0 && (
        <ul className="action-cards" aria-label="Remediation actions">
          {sorted.map((a) => (
            <ActionCard key={a.id} action={a} today={today} locked={locked} update={update} remove={(x) => void remove(x)} />
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
