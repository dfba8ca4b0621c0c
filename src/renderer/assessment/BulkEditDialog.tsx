/**
 * Acting on a whole element or program element at once: set the target, or mark every requirement
 * not applicable or applicable. The dialog says beforehand what will change and what already holds the
 * value; once done, a message offers Undo, which the data layer refuses if the answers changed since.
 */
import { ListChecks } from 'lucide-react';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { RECORD_LIMITS } from '../../core/records/fields';
import type { MaturityLevel } from '../../core/records/model';
import { describeBulkChange, planBulkEdit, type BulkChange } from '../../core/workspace/bulkEdit';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { useToast } from '../components/toast';
import { WorkbookError } from '../db/errors';
import { applyBulkEdit, undoBulkEdit } from '../db/repo/bulkEdit';
import { useWorkbook } from '../workbook/WorkbookContext';
import type { WorkspaceData } from './useWorkspaceData';
import '../styles/bulkEdit.css';

/** An element or SPE: its ID ("ORG 1"), title, and every requirement it holds. */
export interface BulkGroup {
  id: string;
  title: string;
  requirementIds: string[];
}

type Kind = BulkChange['kind'];

const KIND_LABELS: Record<Kind, string> = {
  target: 'Set the target',
  'not-applicable': 'Mark not applicable',
  applicable: 'Mark applicable',
};

const SUBMIT_LABELS: Record<Kind, string> = {
  target: 'Set target',
  'not-applicable': 'Mark not applicable',
  applicable: 'Mark applicable',
};

/** The button beside an element's or SPE's title that opens the dialog for it. */
export function BulkEditButton({ group, onOpen, row }: { group: BulkGroup; onOpen: (group: BulkGroup) => void; row?: boolean }) {
  const label = `Change all ${group.requirementIds.length} requirements of ${group.id}…`;
  if (row) {
    return (
      <div className="bulk-edit-row">
        <button type="button" className="link-button" onClick={() => onOpen(group)}>
          {label}
        </button>
      </div>
    );
  }
  return (
    <button type="button" className="bulk-edit-icon" aria-label={label} title={label} onClick={() => onOpen(group)}>
      <ListChecks aria-hidden="true" size={14} />
    </button>
  );
}

export function BulkEditDialog({ group, data, onClose }: { group: BulkGroup | null; data: WorkspaceData; onClose: () => void }) {
  return (
    <Dialog title={group ? `Change all requirements of ${group.id}` : ''} open={group !== null} onClose={onClose}>
      {group && <BulkEditForm group={group} data={data} onDone={onClose} />}
    </Dialog>
  );
}

const listed = (ids: string[]) => (ids.length > 8 ? `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more` : ids.join(', '));
const count = (n: number) => `${n} requirement${n === 1 ? '' : 's'}`;

function BulkEditForm({ group, data, onDone }: { group: BulkGroup; data: WorkspaceData; onDone: () => void }) {
  const db = useWorkbook();
  const toast = useToast();
  const id = useId();
  const [kind, setKind] = useState<Kind>('target');
  const [target, setTarget] = useState<MaturityLevel | null>(null);
  const [justification, setJustification] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const change: BulkChange = useMemo(() => {
    if (kind === 'target') return { kind, targetLevel: target };
    if (kind === 'not-applicable') return { kind, justification };
    return { kind };
  }, [kind, target, justification]);
  const plan = useMemo(() => planBulkEdit(group.requirementIds, data.responses, change), [group, data.responses, change]);
  const defaultTarget = data.assessment.defaultTargetLevel;
  const holds =
    kind === 'target'
      ? target === null
        ? 'already on the default'
        : `already at ML${target}`
      : `already ${kind === 'applicable' ? 'applicable' : 'not applicable'}`;

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (busy) return;
    if (kind === 'not-applicable' && !justification.trim()) return setError('Say why these requirements do not apply.');
    setBusy(true);
    try {
      const done = await applyBulkEdit(db, data.assessment.id, group.requirementIds, change);
      onDone();
      const changed = done.answers.length;
      toast({
        message: `${describeBulkChange(done.change, changed)}.`,
        undo: async () => {
          try {
            await undoBulkEdit(db, done);
            toast({ message: `Undone: the previous values are back for ${count(changed)}.` });
          } catch (e) {
            toast({ message: e instanceof WorkbookError ? e.message : 'Undo did not work; nothing was changed.', tone: 'error' });
          }
        },
      });
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'That did not work; nothing was changed.');
      setBusy(false);
    }
  }

  return (
    <form className="bulk-edit" noValidate onSubmit={(e) => void onSubmit(e)}>
      <p>
        {group.id} {group.title}: {count(group.requirementIds.length)}.
      </p>
      <fieldset className="bulk-edit-kinds">
        <legend>Change</legend>
        {(Object.keys(KIND_LABELS) as Kind[]).map((k) => (
          <label key={k} className="bulk-edit-choice">
            <input type="radio" name={`${id}-kind`} checked={kind === k} onChange={() => (setKind(k), setError(''))} /> {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      {kind === 'target' && (
        <div className="field">
          <label htmlFor={`${id}-target`}>Target level</label>
          <select
            id={`${id}-target`}
            value={target ?? ''}
            onChange={(e) => setTarget(e.target.value === '' ? null : (Number(e.target.value) as MaturityLevel))}
          >
            <option value="">Use the assessment’s default (ML{defaultTarget})</option>
            {[1, 2, 3, 4].map((level) => (
              <option key={level} value={level}>
                ML{level}
              </option>
            ))}
          </select>
        </div>
      )}
      {kind === 'not-applicable' && (
        <div className="field">
          <label htmlFor={`${id}-justification`}>Why they do not apply (required)</label>
          <textarea
            id={`${id}-justification`}
            rows={3}
            maxLength={RECORD_LIMITS.justification}
            value={justification}
            aria-invalid={error !== '' && !justification.trim()}
            onChange={(e) => (setJustification(e.target.value), setError(''))}
          />
        </div>
      )}
      <div className="bulk-edit-summary" role="status" aria-live="polite">
        <p>
          <strong>{plan.changes.length === 0 ? 'Nothing will change.' : `${count(plan.changes.length)} will change.`}</strong>
        </p>
        {plan.unchanged.length > 0 && (
          <p>
            Left as they are, {holds}: {listed(plan.unchanged)}.
          </p>
        )}
        {plan.notApplicable.length > 0 && <p>Not applicable, so their target is left alone: {listed(plan.notApplicable)}.</p>}
        {kind === 'not-applicable' && plan.unchanged.length > 0 && <p>Those keep their own justification.</p>}
        {kind === 'applicable' && plan.changes.length > 0 && (
          <p>Their justifications are kept, in case they are marked not applicable again.</p>
        )}
      </div>
      <FormFooter error={error} submitLabel={busy ? 'Saving…' : SUBMIT_LABELS[kind]} onCancel={onDone} />
    </form>
  );
}
