/** An update changes only what it names: each field of the organization, a site and a person in turn. */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../testDb';
import { addPerson, addSite, saveOrganization, updatePerson, updateSite } from './people';

const unknownKey = (what: string, key: string) => ({
  name: 'WorkbookError',
  kind: 'invalid',
  message: `The ${what} was not saved: there is no ${what} field "${key}".`,
});

describe('updateSite', () => {
  const changed = { name: 'Intake works (river)', location: 'km 14' };
  async function created() {
    const db = await freshDb();
    const site = await addSite(db, { name: 'Intake works', location: 'km 12' });
    return { db, site };
  }

  for (const field of Object.keys(changed) as (keyof typeof changed)[]) {
    it(`changes ${field} and nothing else`, async () => {
      const { db, site } = await created();
      await updateSite(db, site.id, { [field]: changed[field] });
      expect(await db.sites.get(site.id)).toStrictEqual({ ...site, [field]: changed[field] });
    });
  }

  it('treats a key set to undefined as not named', async () => {
    const { db, site } = await created();
    await updateSite(db, site.id, { name: 'Renamed', location: undefined });
    expect(await db.sites.get(site.id)).toStrictEqual({ ...site, name: 'Renamed' });
  });

  it('refuses an unknown key and writes nothing', async () => {
    const { db, site } = await created();
    const entries = await db.audit.count();
    await expect(updateSite(db, site.id, { name: 'x', region: 'North' } as never)).rejects.toMatchObject(unknownKey('site', 'region'));
    expect(await db.sites.get(site.id)).toStrictEqual(site);
    expect(await db.audit.count()).toBe(entries);
  });
});

describe('updatePerson', () => {
  const changed = { name: 'Sam Reyes-Ortiz', role: 'Lead auditor', email: 'sam.ortiz@example.org' };
  async function created() {
    const db = await freshDb();
    await addPerson(db, { name: 'Dana Park' });
    const person = await addPerson(db, { name: 'Sam Reyes', role: 'Auditor', email: 'sam@example.org' });
    return { db, person };
  }

  for (const field of Object.keys(changed) as (keyof typeof changed)[]) {
    it(`changes ${field} and nothing else`, async () => {
      const { db, person } = await created();
      await updatePerson(db, person.id, { [field]: changed[field] });
      expect(await db.people.get(person.id)).toStrictEqual({ ...person, [field]: changed[field] });
    });
  }

  it('treats a key set to undefined as not named', async () => {
    const { db, person } = await created();
    await updatePerson(db, person.id, { role: 'Lead auditor', name: undefined, email: undefined });
    expect(await db.people.get(person.id)).toStrictEqual({ ...person, role: 'Lead auditor' });
  });

  it('refuses an unknown key and writes nothing', async () => {
    const { db, person } = await created();
    const entries = await db.audit.count();
    await expect(updatePerson(db, person.id, { phone: '555' } as never)).rejects.toMatchObject(unknownKey('person', 'phone'));
    expect(await db.people.get(person.id)).toStrictEqual(person);
    expect(await db.audit.count()).toBe(entries);
  });
});

describe('saveOrganization', () => {
  const changed = { name: 'North Valley Water Authority', classification: 'TLP:GREEN' };
  async function created() {
    const db = await freshDb();
    const organization = await saveOrganization(db, { name: 'North Valley Water', classification: 'TLP:RED' });
    return { db, organization };
  }

  for (const field of Object.keys(changed) as (keyof typeof changed)[]) {
    it(`changes ${field} and nothing else`, async () => {
      const { db, organization } = await created();
      await saveOrganization(db, { [field]: changed[field] });
      expect(await db.organization.get('organization')).toStrictEqual({ ...organization, [field]: changed[field] });
    });
  }

  it('treats a key set to undefined as not named, and needs a name the first time', async () => {
    const { db, organization } = await created();
    await saveOrganization(db, { name: undefined, classification: 'TLP:CLEAR' });
    expect(await db.organization.get('organization')).toStrictEqual({ ...organization, classification: 'TLP:CLEAR' });
    const empty = await freshDb();
    await expect(saveOrganization(empty, { classification: 'TLP:RED' })).rejects.toThrow(
      'The organization was not saved: a name is required.',
    );
    expect(await empty.organization.count()).toBe(0);
  });

  it('refuses an unknown key and writes nothing', async () => {
    const { db, organization } = await created();
    const entries = await db.audit.count();
    await expect(saveOrganization(db, { name: 'x', scope: 'all' } as never)).rejects.toMatchObject(unknownKey('organization', 'scope'));
    expect(await db.organization.get('organization')).toStrictEqual(organization);
    expect(await db.audit.count()).toBe(entries);
  });
});
