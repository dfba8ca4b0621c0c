/** An action's details edited in place under its row of the remediation plan; Save sends only what changed. */
import { useId, useState, type FormEvent } from 'react';
import { actionRef } from '../../core/findings/actionRef';
import { RECORD_LIMITS } from '../../core/records/fields';
import type { Action } from '../../core/records/model';
import { draftOf, patchFrom, type ActionDraft } from './actionEdit';
import '../styles/findings.css';

const PRIORITIES = ['low', 'medium', 'high', 'critical'] as const;

export function ActionEditRow({
  action,
  columns,
  onSave,
  onClose,
}: {
  action: Action;
  columns: number;
  onSave: (patch: ReturnType<typeof patchFrom>) => Promise<boolean>;
  onClose: () => void;
}) {
  const id = useId();
  const [draft, setDraft] = useState<ActionDraft>(() => draftOf(action));
  const set =
    <K extends keyof ActionDraft>(key: K) =>
    (value: ActionDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const ref = actionRef(action);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const patch = patchFrom(action, draft);
    if (Object.keys(patch).length === 0 || (await onSave(patch))) onClose();
  }

  return (
    <tr className="action-edit-row">
      <td colSpan={columns}>
        <form
          className="action-fields"
          aria-label={`Edit ${ref}`}
          onSubmit={(e) => void submit(e)}
          onKeyDown={(e) => e.key === 'Escape' && onClose()}
        >
          <div className="field wide">
            <label htmlFor={`${id}-description`}>Action</label>
            <textarea
              id={`${id}-description`}
              rows={2}
              required
              autoFocus
              maxLength={RECORD_LIMITS.description}
              value={draft.description}
              onChange={(e) => set('description')(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-owner`}>Owner</label>
            <input id={`${id}-owner`} maxLength={RECORD_LIMITS.owner} value={draft.owner} onChange={(e) => set('owner')(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-due`}>Due date</label>
            <input id={`${id}-due`} type="date" max="9999-12-31" value={draft.dueDate} onChange={(e) => set('dueDate')(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor={`${id}-priority`}>Priority</label>
            <select id={`${id}-priority`} value={draft.priority} onChange={(e) => set('priority')(e.target.value as Action['priority'])}>
              {PRIORITIES.map((p) => (
                <option key={p}>{p}</option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={`${id}-expected`}>Level expected after</label>
            <select id={`${id}-expected`} value={draft.expectedLevel} onChange={(e) => set('expectedLevel')(e.target.value)}>
              <option value="">Not stated</option>
              {[1, 2, 3, 4].map((level) => (
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
              value={draft.closureCheck}
              onChange={(e) => set('closureCheck')(e.target.value)}
            />
          </div>
          <div className="button-row" style={{ flex: '1 1 100%' }}>
            <button type="submit">Save {ref}</button>
            <button type="button" onClick={onClose}>
              Cancel
            </button>
          </div>
        </form>
      </td>
    </tr>
  );
}
