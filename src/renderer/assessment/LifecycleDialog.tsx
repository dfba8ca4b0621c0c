/** The two lifecycle steps that need more than a click: signing off (who signs in which role, date, statement) and reopening (why). */
import { useLiveQuery } from 'dexie-react-hooks';
import { Fragment, useId, useState, type FormEvent } from 'react';
import { SIGNATORY_LABELS } from '../../core/records/lifecycle';
import type { Assessment } from '../../core/records/model';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { useToast } from '../components/toast';
import { WorkbookError } from '../db/errors';
import { setAssessmentStatus } from '../db/repo/assessments';
import { peopleAndActor } from '../db/queries/profile';
import { useWorkbook } from '../workbook/WorkbookContext';
import { todayLocal } from '../../core/rules/rules';
import { FORM_ROLES, NOTE_MAX, readReason, readSignOff, REASON_MAX } from './signOffForm';

export type LifecycleStep = 'sign-off' | 'reopen';

export function LifecycleDialog({
  assessment,
  step,
  onClose,
}: {
  assessment: Assessment;
  step: LifecycleStep | null;
  onClose: () => void;
}) {
  return (
    <>
      <Dialog title={`Sign off “${assessment.name}”`} open={step === 'sign-off'} onClose={onClose}>
        <SignOffForm assessment={assessment} onDone={onClose} />
      </Dialog>
      <Dialog title={`Reopen “${assessment.name}”`} open={step === 'reopen'} onClose={onClose}>
        <ReopenForm assessment={assessment} onDone={onClose} />
      </Dialog>
    </>
  );
}

function useSubmit(onDone: () => void) {
  const [error, setError] = useState('');
  const submit = async (work: () => Promise<unknown>) => {
    try {
      await work();
      onDone();
    } catch (e) {
      setError(e instanceof WorkbookError ? e.message : 'That did not work; nothing was changed.');
    }
  };
  return { error, setError, submit };
}

function SignOffForm({ assessment, onDone }: { assessment: Assessment; onDone: () => void }) {
  const db = useWorkbook();
  const toast = useToast();
  const baseId = useId();
  const data = useLiveQuery(() => peopleAndActor(db, 'name'), [db]);
  const { error, setError, submit } = useSubmit(onDone);
  const [today] = useState(() => todayLocal());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!data) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const chosen = { preparer: text('preparer'), reviewer: text('reviewer'), approver: text('approver') };
    const read = readSignOff({ people: chosen, date: text('date'), note: text('note') }, data.people, today);
    if ('problem' in read) return setError(read.problem);
    void submit(async () => {
      await setAssessmentStatus(db, assessment.id, 'signed-off', { signOff: read.signOff });
      toast({ message: `“${assessment.name}” is signed off by ${read.approver} as approver, and locked.` });
    });
  }

  if (!data) return <p role="status">Loading…</p>;
  // The one working now is offered as the preparer; the reviewer and approver are chosen.
  const actor = data.people.some((p) => p.id === data.actorId) ? data.actorId : '';
  return (
    <div className="sign-off-form">
      <p>
        Signing off locks the assessment: its answers, evidence links and actions cannot change until someone reopens it and says why. The
        change log’s current head is recorded with the sign-off.
      </p>
      {data.people.length === 0 && (
        <p className="notice warning">
          The workbook has nobody in its list of people yet. Add the people who sign under <a href="#/settings">Settings → People</a> first.
        </p>
      )}
      {/* noValidate: the checks below say what is wrong in the app's own words. */}
      <form className="form-grid" noValidate onSubmit={onSubmit}>
        {FORM_ROLES.map((role) => (
          <Fragment key={role}>
            <label htmlFor={`${baseId}-${role}`}>
              {SIGNATORY_LABELS[role]} {role === 'approver' ? '(required)' : '(optional)'}
            </label>
            <select id={`${baseId}-${role}`} name={role} defaultValue={role === 'preparer' ? actor : ''} autoFocus={role === 'preparer'}>
              <option value="">{role === 'approver' ? 'Choose a person…' : 'Nobody'}</option>
              {data.people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.role ? ` (${p.role})` : ''}
                </option>
              ))}
            </select>
          </Fragment>
        ))}
        <label htmlFor={`${baseId}-date`}>Date</label>
        <input id={`${baseId}-date`} name="date" type="date" defaultValue={today} max={today} />
        <label htmlFor={`${baseId}-note`}>Statement (optional)</label>
        <textarea
          id={`${baseId}-note`}
          name="note"
          rows={2}
          maxLength={NOTE_MAX}
          placeholder="e.g. Accepted as presented for the period."
        />
        <FormFooter error={error} submitLabel="Sign off and lock" onCancel={onDone} />
      </form>
    </div>
  );
}

function ReopenForm({ assessment, onDone }: { assessment: Assessment; onDone: () => void }) {
  const db = useWorkbook();
  const toast = useToast();
  const reasonId = useId();
  const { error, setError, submit } = useSubmit(onDone);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const read = readReason(String(new FormData(event.currentTarget).get('reason') ?? ''));
    if ('problem' in read) return setError(read.problem);
    void submit(async () => {
      await setAssessmentStatus(db, assessment.id, 'draft', { reason: read.reason });
      toast({ message: `“${assessment.name}” is reopened as a draft; the reason is in the change log.` });
    });
  }

  return (
    <>
      <p>
        Reopening makes it a draft again so that it can be changed, and removes its sign-off. The reason, and who reopened it, stay in the
        change log.
      </p>
      <form className="form-grid" noValidate onSubmit={onSubmit}>
        <label htmlFor={reasonId}>Why it is reopened (required)</label>
        <textarea id={reasonId} name="reason" rows={3} maxLength={REASON_MAX} autoFocus />
        <FormFooter error={error} submitLabel="Reopen" onCancel={onDone} />
      </form>
    </>
  );
}
