/** The two lifecycle steps that need more than a click: signing off (who, role, date, statement) and reopening (why). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import type { Assessment } from '../../core/records/model';
import { Dialog } from '../components/Dialog';
import { FormFooter } from '../components/FormFooter';
import { useToast } from '../components/toast';
import { WorkbookError } from '../db/errors';
import { setAssessmentStatus } from '../db/repo/assessments';
import { peopleAndActor } from '../db/queries/profile';
import { useWorkbook } from '../workbook/WorkbookContext';
import { todayLocal } from '../../core/rules/rules';
import { NOTE_MAX, readReason, readSignOff, REASON_MAX, SIGN_OFF_ROLES } from './signOffForm';

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
  const ids = { person: useId(), role: useId(), date: useId(), note: useId() };
  const data = useLiveQuery(() => peopleAndActor(db, 'name'), [db]);
  const { error, setError, submit } = useSubmit(onDone);
  const [today] = useState(() => todayLocal());

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!data) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '');
    const read = readSignOff({ personId: text('person'), role: text('role'), date: text('date'), note: text('note') }, data.people, today);
    if ('problem' in read) return setError(read.problem);
    void submit(async () => {
      await setAssessmentStatus(db, assessment.id, 'signed-off', { signOff: read.signOff });
      toast({ message: `“${assessment.name}” is signed off by ${read.signOff.by} and locked.` });
    });
  }

  if (!data) return <p role="status">Loading…</p>;
  return (
    <>
      <p>Signing off locks the assessment: its answers, evidence links and actions cannot change until someone reopens it and says why.</p>
      {data.people.length === 0 && (
        <p className="notice warning">
          The workbook has nobody in its list of people yet. Add the person who signs in <a href="#/settings">Settings</a> first.
        </p>
      )}
      {/* noValidate: the checks below say what is wrong in the app's own words. */}
      <form className="form-grid" noValidate onSubmit={onSubmit}>
        <label htmlFor={ids.person}>Signed off by</label>
        <select id={ids.person} name="person" defaultValue={data.people.some((p) => p.id === data.actorId) ? data.actorId : ''} autoFocus>
          <option value="">Choose a person…</option>
          {data.people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
              {p.role ? ` (${p.role})` : ''}
            </option>
          ))}
        </select>
        <label htmlFor={ids.role}>Signing as</label>
        <select id={ids.role} name="role" defaultValue="">
          <option value="">Choose a role…</option>
          {Object.entries(SIGN_OFF_ROLES).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <label htmlFor={ids.date}>Date</label>
        <input id={ids.date} name="date" type="date" defaultValue={today} max={today} />
        <label htmlFor={ids.note}>Statement (optional)</label>
        <textarea id={ids.note} name="note" rows={3} maxLength={NOTE_MAX} placeholder="e.g. Accepted as presented for the period." />
        <FormFooter error={error} submitLabel="Sign off and lock" onCancel={onDone} />
      </form>
    </>
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
