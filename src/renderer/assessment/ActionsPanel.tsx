/** Remediation actions for one requirement: add, edit in place, delete with undo; all disabled while the assessment is locked. */
import { useSaveFeedback } from '../hooks/useSaveFeedback';
import type { FormEvent } from 'react';
import { isOverdueAction } from '../../core/rules/rules';
import type { Action } from '../../core/records/model';
import { useToast } from '../components/toast';
import { addAction, deleteAction, restoreAction, updateAction, type ActionInput } from '../db/repo/actions';
import { useWorkbook } from '../workbook/WorkbookContext';

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;
const STATUSES = { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' } as const;

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
  const { error, run } = useSaveFeedback('The action was not saved.');
  const update = (id: string, patch: Partial<ActionInput>) => void run(() => updateAction(db, id, patch));

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const due = String(form.get('due') ?? '');
    await run(async () => {
      await addAction(db, assessmentId, requirementId, {
        description: String(form.get('description') ?? ''),
        owner: String(form.get('owner') ?? ''),
        priority: form.get('priority') as ActionInput['priority'],
        ...(due ? { dueDate: due } : {}),
      });
      formElement.reset();
    });
  }

  async function remove(action: Action) {
    await run(async () => {
      await deleteAction(db, action.id);
      toast({ message: 'Action deleted.', undo: () => restoreAction(db, action) });
    });
  }

  return (
    <section className="panel" aria-labelledby="actions-title">
      <h2 id="actions-title">Remediation actions ({actions.length})</h2>
      {actions.length > 0 && (
        <table className="data-table compact" aria-label="Remediation actions">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Owner</th>
              <th scope="col">Due</th>
              <th scope="col">Priority</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="visually-hidden">Delete</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {actions.map((a) => {
              const overdue = isOverdueAction(a, today);
              return (
                <tr key={a.id} className={overdue ? 'overdue' : undefined}>
                  <td>
                    <input
                      aria-label="Action"
                      disabled={locked}
                      defaultValue={a.description}
                      onBlur={(e) => e.target.value !== a.description && update(a.id, { description: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label="Owner"
                      disabled={locked}
                      defaultValue={a.owner}
                      onBlur={(e) => e.target.value !== a.owner && update(a.id, { owner: e.target.value })}
                    />
                  </td>
                  <td>
                    <input
                      aria-label="Due date"
                      disabled={locked}
                      type="date"
                      defaultValue={a.dueDate ?? ''}
                      onBlur={(e) => e.target.value && e.target.value !== a.dueDate && update(a.id, { dueDate: e.target.value })}
                    />
                    {overdue && <span className="badge bad">overdue</span>}
                  </td>
                  <td>
                    <select
                      aria-label="Priority"
                      disabled={locked}
                      value={a.priority}
                      onChange={(e) => update(a.id, { priority: e.target.value as Action['priority'] })}
                    >
                      {PRIORITIES.map((p) => (
                        <option key={p}>{p}</option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <select
                      aria-label="Status"
                      disabled={locked}
                      value={a.status}
                      onChange={(e) => update(a.id, { status: e.target.value as Action['status'] })}
                    >
                      {Object.entries(STATUSES).map(([value, label]) => (
                        <option key={value} value={value}>
                          {label}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    <button type="button" disabled={locked} onClick={() => void remove(a)} aria-label={`Delete action ${a.description}`}>
                      Delete
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <form className="action-form" onSubmit={(e) => void add(e)} aria-label="New action">
        <input
          name="description"
          aria-label="New action"
          placeholder="New action, e.g. Remove the direct route from the office network"
          required
          maxLength={5000}
          disabled={locked}
        />
        <input name="owner" aria-label="Owner of the new action" placeholder="Owner" maxLength={200} disabled={locked} />
        <input name="due" aria-label="Due date of the new action" type="date" disabled={locked} />
        <select name="priority" aria-label="Priority of the new action" defaultValue="medium" disabled={locked}>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
        <button type="submit" disabled={locked}>
          Add action
        </button>
      </form>
      {error && (
        <p role="alert" className="error-text">
          {error}
        </p>
      )}
    </section>
  );
}
