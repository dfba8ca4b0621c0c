/**
 * An action's fields, the same on the requirement page's cards, its new-action form and the
 * remediation plan's edit row: what is to be done, by whom and when, its priority (and status), the
 * level expected once done and how closing it will be checked. The form around them decides when a
 * change is saved.
 */
import type { ActionDraft } from './actionDraft';
import { RECORD_LIMITS } from '../../core/records/fields';
import type { Action } from '../../core/records/model';

const PRIORITIES: readonly Action['priority'][] = ['low', 'medium', 'high', 'critical'];
export const STATUS_LABELS: Record<Action['status'], string> = {
  open: 'Open',
  'in-progress': 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};
const EXPECTED = [1, 2, 3, 4] as const;

/** The four statuses as options of a select, in their order of progress. */
export function StatusOptions() {
  return (
    <>
      {Object.entries(STATUS_LABELS).map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </>
  );
}

/** The fields typed into, saved on leaving them by forms that save as they go; choices save at once. */
export const TYPED_FIELDS: ReadonlySet<keyof ActionDraft> = new Set(['description', 'owner', 'dueDate', 'closureCheck']);

/** The new-action form names each field "of the new action", so it is told apart from the cards above it. */
const NEW_SUFFIX: Partial<Record<keyof ActionDraft, string>> = {
  owner: ' of the new action',
  dueDate: ' of the new action',
  priority: ' of the new action',
  expectedLevel: ' the new action',
  closureCheck: ' (new action)',
};

export function ActionFields({
  id,
  draft,
  onChange,
  onLeave,
  variant,
  autoFocus = false,
}: {
  /** A unique prefix for the fields' ids. */
  id: string;
  draft: ActionDraft;
  onChange: (field: keyof ActionDraft, value: string) => void;
  /** Called when a typed field loses focus. */
  onLeave?: (field: keyof ActionDraft) => void;
  /** 'card' adds the status; 'new' is the one-line form for adding. */
  variant: 'card' | 'edit' | 'new';
  autoFocus?: boolean;
}) {
  const isNew = variant === 'new';
  const label = (field: keyof ActionDraft, text: string) => (
    <label htmlFor={`${id}-${field}`}>
      {text}
      {isNew && NEW_SUFFIX[field] && <span className="visually-hidden">{NEW_SUFFIX[field]}</span>}
    </label>
  );
  const typed = (field: keyof ActionDraft) => ({
    id: `${id}-${field}`,
    value: draft[field],
    onChange: (e: { target: { value: string } }) => onChange(field, e.target.value),
    onBlur: () => onLeave?.(field),
  });
  return (
    <>
      <div className="field wide">
        {isNew ? (
          <>
            {label('description', 'New action')}
            <input
              {...typed('description')}
              placeholder="e.g. Remove the direct route from the office network"
              required
              maxLength={RECORD_LIMITS.description}
            />
          </>
        ) : (
          <>
            {label('description', 'Action')}
            <textarea
              {...typed('description')}
              rows={2}
              required={variant === 'edit'}
              autoFocus={autoFocus}
              maxLength={RECORD_LIMITS.description}
            />
          </>
        )}
      </div>
      <div className="field">
        {label('owner', 'Owner')}
        <input {...typed('owner')} maxLength={RECORD_LIMITS.owner} />
      </div>
      <div className="field">
        {label('dueDate', 'Due date')}
        <input {...typed('dueDate')} type="date" max="9999-12-31" />
      </div>
      <div className="field">
        {label('priority', 'Priority')}
        <select id={`${id}-priority`} value={draft.priority} onChange={(e) => onChange('priority', e.target.value)}>
          {PRIORITIES.map((p) => (
            <option key={p}>{p}</option>
          ))}
        </select>
      </div>
      {variant === 'card' && (
        <div className="field">
          {label('status', 'Status')}
          <select id={`${id}-status`} value={draft.status} onChange={(e) => onChange('status', e.target.value)}>
            <StatusOptions />
          </select>
        </div>
      )}
      <div className="field">
        {label('expectedLevel', 'Level expected after')}
        <select id={`${id}-expectedLevel`} value={draft.expectedLevel} onChange={(e) => onChange('expectedLevel', e.target.value)}>
          <option value="">Not stated</option>
          {EXPECTED.map((level) => (
            <option key={level} value={level}>
              ML{level}
            </option>
          ))}
        </select>
      </div>
      <div className="field wide">
        {label('closureCheck', 'How closure will be checked')}
        <input {...typed('closureCheck')} maxLength={RECORD_LIMITS.closureCheck} />
      </div>
    </>
  );
}
