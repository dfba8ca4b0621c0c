/**
 * Remediation actions for one requirement, each a card that wraps at narrow widths: its ACT ID, what is
 * to be done, by whom and when, the level expected once done and how closing it will be checked. Add,
 * edit in place, delete with undo; all disabled while the assessment is locked.
 */
import { useId, type FormEvent } from 'react';
import { actionRef } from '../../core/findings/actionRef';
import { RECORD_LIMITS } from '../../core/records/fields';
import { isOverdueAction } from '../../core/rules/rules';
import type { Action } from '../../core/records/model';
import { useToast } from '../components/toast';
import { addAction, deleteAction, restoreAction, updateAction, type ActionInput, type ActionPatch } from '../db/repo/actions';
import { useSaveFeedback } from '../hooks/useSaveFeedback';
import { useWorkbook } from '../workbook/WorkbookContext';
import '../styles/findings.css';

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const STATUSES = { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' } as const;
const EXPECTED = [1, 2, 3, 4] as const;

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
        <div className="field wide">
          <label htmlFor={`${id}-description`}>Action</label>
          <textarea
            id={`${id}-description`}
            rows={2}
            maxLength={RECORD_LIMITS.description}
            defaultValue={a.description}
            onBlur={(e) => e.target.value !== a.description && update(a.id, { description: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-owner`}>Owner</label>
          <input
            id={`${id}-owner`}
            maxLength={RECORD_LIMITS.owner}
            defaultValue={a.owner}
            onBlur={(e) => e.target.value !== a.owner && update(a.id, { owner: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-due`}>Due date</label>
          <input
            id={`${id}-due`}
            type="date"
            max="9999-12-31"
            defaultValue={a.dueDate ?? ''}
            onBlur={(e) => e.target.value && e.target.value !== a.dueDate && update(a.id, { dueDate: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={`${id}-priority`}>Priority</label>
          <select
            id={`${id}-priority`}
            value={a.priority}
            onChange={(e) => update(a.id, { priority: e.target.value as Action['priority'] })}
          >
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-status`}>Status</label>
          <select id={`${id}-status`} value={a.status} onChange={(e) => update(a.id, { status: e.target.value as Action['status'] })}>
            {Object.entries(STATUSES).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={`${id}-expected`}>Level expected after</label>
          <select
            id={`${id}-expected`}
            value={a.expectedLevel ?? ''}
            onChange={(e) => update(a.id, { expectedLevel: e.target.value === '' ? null : (Number(e.target.value) as 1 | 2 | 3 | 4) })}
          >
            <option value="">Not stated</option>
            {EXPECTED.map((level) => (
              <option key={level} value={level}>
                ML{level}
              </option>
            ))}
          </select>
        </div>
        <div className="field wide">
          <label htmlFor={`${id}-closure`}>How closure will be checked</label>
          <input
            id={`${id}-closure`}
            maxLength={RECORD_LIMITS.closureCheck}
            defaultValue={a.closureCheck ?? ''}
            onBlur={(e) => e.target.value !== (a.closureCheck ?? '') && update(a.id, { closureCheck: e.target.value })}
          />
        </div>
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

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const due = String(form.get('due') ?? '');
    const expected = String(form.get('expected') ?? '');
    const closure = String(form.get('closure') ?? '').trim();
    await run(async () => {
      await addAction(db, assessmentId, requirementId, {
        description: String(form.get('description') ?? ''),
        owner: String(form.get('owner') ?? ''),
        priority: form.get('priority') as ActionInput['priority'],
        ...(due ? { dueDate: due } : {}),
        ...(expected ? { expectedLevel: Number(expected) as 1 | 2 | 3 | 4 } : {}),
        ...(closure ? { closureCheck: closure } : {}),
      });
      formElement.reset();
    });
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
        <div className="action-fields">
          <div className="field wide">
            <label htmlFor={`${id}-new`}>New action</label>
            <input
              disabled={locked}
              id={`${id}-new`}
              name="description"
              placeholder="e.g. Remove the direct route from the office network"
              required
              maxLength={RECORD_LIMITS.description}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-owner`}>
              Owner
              <span className="visually-hidden"> of the new action</span>
            </label>
            <input disabled={locked} id={`${id}-new-owner`} name="owner" maxLength={RECORD_LIMITS.owner} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-due`}>
              Due date
              <span className="visually-hidden"> of the new action</span>
            </label>
            <input disabled={locked} id={`${id}-new-due`} name="due" type="date" max="9999-12-31" />
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-priority`}>
              Priority
              <span className="visually-hidden"> of the new action</span>
            </label>
            <select disabled={locked} id={`${id}-new-priority`} name="priority" defaultValue="medium">
              {PRIORITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-new-expected`}>
              Level expected after
              <span className="visually-hidden"> the new action</span>
            </label>
            <select disabled={locked} id={`${id}-new-expected`} name="expected" defaultValue="">
              <option value="">Not stated</option>
              {EXPECTED.map((level) => (
                <option key={level} value={level}>
                  ML{level}
                </option>
              ))}
            </select>
          </div>
          <div className="field wide">
            <label htmlFor={`${id}-new-closure`}>
              How closure will be checked
              <span className="visually-hidden"> (new action)</span>
            </label>
            <input disabled={locked} id={`${id}-new-closure`} name="closure" maxLength={RECORD_LIMITS.closureCheck} />
          </div>
          <div className="field">
            <button disabled={locked} type="submit">
              Add action
            </button>
          </div>
        </div>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
