/** Settings: the people who work in the workbook, and which of them is working now (the change-log actor). */
import { SaveFeedback } from '../components/SaveFeedback';
import { useSaveFeedback } from '../hooks/useSaveFeedback';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useRef, useState, type FormEvent } from 'react';
import type { Person } from '../../core/records/model';
import { Dialog } from '../components/Dialog';
import { UNNAMED_ACTOR } from '../db/mutate';
import { addPerson, removePerson, updatePerson } from '../db/repo/people';
import { peopleAndActor } from '../db/queries/profile';
import { saveSetting } from '../db/repo/settings';
import { useWorkbook } from '../workbook/WorkbookContext';
import { InlineInput } from './InlineInput';

export function PeopleSection() {
  const db = useWorkbook();
  const data = useLiveQuery(() => peopleAndActor(db, 'added'), [db]);
  const ids = { actor: useId(), hint: useId(), name: useId(), role: useId(), email: useId() };
  const newName = useRef<HTMLInputElement>(null);
  const [removing, setRemoving] = useState<Person | null>(null);
  const { error, message, run } = useSaveFeedback();

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { name: String(form.get('name') ?? ''), role: String(form.get('role') ?? ''), email: String(form.get('email') ?? '') };
    if (await run(() => addPerson(db, input), `${input.name.trim()} added.`)) formElement.reset();
  }

  async function confirmRemove(person: Person, wasActor: boolean) {
    const removed = await run(async () => {
      await removePerson(db, person.id);
      // Nobody is left working under a removed name.
      if (wasActor) await saveSetting(db, 'actorId', '');
    }, `${person.name} removed.`);
    setRemoving(null);
    if (removed) newName.current?.focus();
  }

  if (!data) return <p role="status">Loading…</p>;
  const { people, actorId } = data;
  const actorKnown = people.some((p) => p.id === actorId);
  const editor = (person: Person, field: 'name' | 'role' | 'email', label: string) => (
    <InlineInput
      aria-label={`${label} of ${person.name}`}
      type={field === 'email' ? 'email' : 'text'}
      value={person[field]}
      required={field === 'name'}
      maxLength={200}
      onSave={(value) => run(() => updatePerson(db, person.id, { [field]: value }), 'Saved.')}
    />
  );

  return (
    <section className="panel" aria-labelledby="people-title">
      <h2 id="people-title">People</h2>
      <div className="form-grid">
        <label htmlFor={ids.actor}>Working as</label>
        <select
          id={ids.actor}
          value={actorKnown ? actorId : ''}
          aria-describedby={ids.hint}
          onChange={(e) => void run(() => saveSetting(db, 'actorId', e.target.value), 'Saved.')}
        >
          {!actorKnown && <option value="">Nobody chosen ({UNNAMED_ACTOR})</option>}
          {people.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
      <p id={ids.hint} className="muted small">
        Changes you make are recorded under this name in the change log.
      </p>

      {people.length > 0 && (
        <table className="data-table compact" aria-label="People">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Email</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((person) => (
              <tr key={person.id}>
                <td>{editor(person, 'name', 'Name')}</td>
                <td>{editor(person, 'role', 'Role')}</td>
                <td>{editor(person, 'email', 'Email')}</td>
                <td>
                  <button type="button" onClick={() => setRemoving(person)} aria-label={`Remove ${person.name}`}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="settings-add-row" onSubmit={(e) => void add(e)} aria-label="New person">
        <label htmlFor={ids.name} className="visually-hidden">
          Name of the new person
        </label>
        <input id={ids.name} ref={newName} name="name" required maxLength={200} placeholder="New person’s name" />
        <label htmlFor={ids.role} className="visually-hidden">
          Role of the new person
        </label>
        <input id={ids.role} name="role" maxLength={200} placeholder="Role" />
        <label htmlFor={ids.email} className="visually-hidden">
          Email of the new person
        </label>
        <input id={ids.email} name="email" type="email" maxLength={200} placeholder="Email" />
        <button type="submit">Add person</button>
      </form>
      <SaveFeedback message={message} error={error} />

      <Dialog title={`Remove ${removing?.name ?? ''}?`} open={removing !== null} onClose={() => setRemoving(null)}>
        <p>Entries already in the change log keep their name. This cannot be undone.</p>
        {removing?.id === actorId && (
          <p className="notice warning">
            You are working as {removing.name}. Until you choose someone else, changes are recorded as “{UNNAMED_ACTOR}”.
          </p>
        )}
        <div className="button-row">
          <button type="button" className="danger" onClick={() => removing && void confirmRemove(removing, removing.id === actorId)}>
            Remove person
          </button>
          <button type="button" onClick={() => setRemoving(null)}>
            Cancel
          </button>
        </div>
      </Dialog>
    </section>
  );
}
