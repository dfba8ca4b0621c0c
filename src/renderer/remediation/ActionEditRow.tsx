/** An action's details edited in place under its row of the remediation plan; Save sends only what changed. */
import { useId, useState, type FormEvent } from 'react';
import { actionRef } from '../../core/findings/actionRef';
import type { Action } from '../../core/records/model';
import { ActionFields } from '../actions/ActionFields';
import { draftOf, patchFrom, type ActionDraft } from '../actions/actionDraft';
import '../styles/findings.css';

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
          <ActionFields
            id={id}
            variant="edit"
            autoFocus
            draft={draft}
            onChange={(field, value) => setDraft((d) => ({ ...d, [field]: value }))}
          />
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
