import { describe, expect, it } from 'vitest';
import { freshDb } from '../testDb';
import { addPerson, addSite, removePerson, saveOrganization, updatePerson, updateSite } from './people';

describe('organization, sites and people', () => {
  it('saves the organization with its classification marking', async () => {
    const db = await freshDb();
    await saveOrganization(db, { name: 'North Valley Water', classification: 'TLP:AMBER' });
    await saveOrganization(db, { name: 'North Valley Water Authority', classification: 'TLP:RED' });
    expect(await db.organization.get('organization')).toEqual({
      id: 'organization',
      name: 'North Valley Water Authority',
      classification: 'TLP:RED',
    });
  });

  it('adds and edits sites and people, and refuses nameless ones', async () => {
    const db = await freshDb();
    const site = await addSite(db, { name: 'Intake works' });
    await updateSite(db, site.id, { name: 'Intake works (river)', location: 'km 12' });
    const person = await addPerson(db, { name: 'Sam Reyes', role: 'Auditor' });
    await updatePerson(db, person.id, { name: 'Sam Reyes', role: 'Lead auditor' });
    expect(await db.sites.get(site.id)).toMatchObject({ name: 'Intake works (river)', location: 'km 12' });
    expect(await db.people.get(person.id)).toMatchObject({ role: 'Lead auditor' });
    await expect(addPerson(db, { name: '  ' })).rejects.toThrow('The person was not saved: a name is required.');
    await removePerson(db, person.id);
    expect(await db.people.count()).toBe(0);
  });
});
