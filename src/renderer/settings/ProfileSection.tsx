/** Settings: the organization (name and classification marking) and its sites. */
import { SaveFeedback } from '../components/SaveFeedback';
import { useSaveFeedback } from '../hooks/useSaveFeedback';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useState, type FormEvent } from 'react';
import { addSite, saveOrganization, updateSite } from '../db/repo/people';
import { organizationProfile } from '../db/queries/profile';
import { useWorkbook } from '../workbook/WorkbookContext';
import { InlineInput } from './InlineInput';
import { MarkingPicker } from './MarkingPicker';
import { RemoveSiteButton } from './RemoveSiteButton';

export function ProfileSection() {
  const db = useWorkbook();
  const data = useLiveQuery(() => organizationProfile(db), [db]);
  const ids = { name: useId(), marking: useId(), site: useId(), location: useId() };
  const { error, message, run } = useSaveFeedback();
  // The marking being chosen; null until the user changes the one saved.
  const [marking, setMarking] = useState<string | null>(null);

  function saveProfile(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const input = { name: String(form.get('name') ?? ''), classification: String(form.get('classification') ?? '') };
    void run(() => saveOrganization(db, input), 'Organization saved.').then((saved) => saved && setMarking(null));
  }

  async function newSite(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const input = { name: String(form.get('site') ?? ''), location: String(form.get('location') ?? '') };
    if (await run(() => addSite(db, input), `Site “${input.name.trim()}” added.`)) formElement.reset();
  }

  if (!data) return <p role="status">Loading…</p>;
  const { organization, sites } = data;
  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">Organization</h2>
      <form className="form-grid" onSubmit={saveProfile} aria-labelledby="profile-title">
        <label htmlFor={ids.name}>Name</label>
        <input id={ids.name} name="name" defaultValue={organization?.name ?? ''} required maxLength={200} />
        <span id={ids.marking}>Classification marking</span>
        <MarkingPicker
          labelId={ids.marking}
          name="classification"
          value={marking ?? organization?.classification ?? ''}
          onChange={setMarking}
          describedBy={`${ids.marking}-hint`}
        />
        <p id={`${ids.marking}-hint`} className="muted small form-actions marking-note">
          The marking every export starts from (you can choose another when exporting), and the one new evidence gets unless you change it
          on the item.
        </p>
        <div className="form-actions">
          <button type="submit">Save organization</button>
        </div>
      </form>

      <h3 id="sites-title">Sites ({sites.length})</h3>
      {sites.length > 0 ? (
        <table className="data-table compact" aria-labelledby="sites-title">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Location</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sites.map((site) => (
              <tr key={site.id}>
                <td>
                  <InlineInput
                    aria-label={`Name of site ${site.name}`}
                    value={site.name}
                    required
                    maxLength={200}
                    onSave={(name) => run(() => updateSite(db, site.id, { name }), 'Site renamed.')}
                  />
                </td>
                <td>
                  <InlineInput
                    aria-label={`Location of site ${site.name}`}
                    value={site.location}
                    maxLength={300}
                    onSave={(location) => run(() => updateSite(db, site.id, { location }), 'Location saved.')}
                  />
                </td>
                <td>
                  <RemoveSiteButton site={site} run={run} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No sites yet.</p>
      )}
      <form className="settings-add-row" onSubmit={(e) => void newSite(e)} aria-label="New site">
        <label htmlFor={ids.site} className="visually-hidden">
          New site name
        </label>
        <input id={ids.site} name="site" required maxLength={200} placeholder="New site, e.g. Riverside treatment plant" />
        <label htmlFor={ids.location} className="visually-hidden">
          Location of the new site
        </label>
        <input id={ids.location} name="location" maxLength={300} placeholder="Location" />
        <button type="submit">Add site</button>
      </form>
      <SaveFeedback message={message} error={error} />
    </section>
  );
}
