/** The organization, its sites and its people (who appear as actors in the change log). */
import type { z } from 'zod';
import { newPerson, newSite, organizationPatch, personPatch, sitePatch } from '../../../core/records/inputs';
import type { Organization, Person, Site } from '../../../core/records/model';
import { organizationSchema, personSchema, siteSchema } from '../../../core/records/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, newId, nowIso } from '../mutate';
import { named, parseOrRefuse } from './validation';

export type OrganizationPatch = z.input<typeof organizationPatch>;
export type SitePatch = z.input<typeof sitePatch>;
export type PersonPatch = z.input<typeof personPatch>;

const ORGANIZATION = { what: 'organization' };
const SITE = { what: 'site' };
const PERSON = { what: 'person' };

/** Creates the organization or changes the fields the patch names; a new one needs a name. */
export async function saveOrganization(db: WorkbookDb, patch: OrganizationPatch): Promise<Organization> {
  const data = named(parseOrRefuse(organizationPatch, patch, ORGANIZATION));
  return mutate(db, async (m) => {
    const before = await db.organization.get('organization');
    // The merged record must still be whole: a first save without a name is refused here.
    const after = parseOrRefuse(organizationSchema, { name: '', classification: '', ...before, ...data, id: 'organization' }, ORGANIZATION);
    await db.organization.put(after);
    m.log('organization', after.id, { op: before ? 'update' : 'create', before, after });
    return after;
  });
}

export async function addSite(db: WorkbookDb, input: { name: string; location?: string }): Promise<Site> {
  const data = named(parseOrRefuse(newSite, input, SITE));
  return mutate(db, async (m) => {
    const site = parseOrRefuse(siteSchema, { id: newId(), ...data, createdAt: nowIso() }, SITE);
    await db.sites.add(site);
    m.log('site', site.id, { op: 'create', after: site });
    return site;
  });
}

export async function updateSite(db: WorkbookDb, id: string, patch: SitePatch): Promise<void> {
  const data = named(parseOrRefuse(sitePatch, patch, SITE));
  await mutate(db, async (m) => {
    const before = await db.sites.get(id);
    if (!before) throw new WorkbookError('That site no longer exists.', 'not-found');
    if (Object.keys(data).length === 0) return;
    const after = parseOrRefuse(siteSchema, { ...before, ...data }, SITE);
    await db.sites.put(after);
    m.log('site', id, { op: 'update', before, after });
  });
}

export async function addPerson(db: WorkbookDb, input: { name: string; role?: string; email?: string }): Promise<Person> {
  const data = named(parseOrRefuse(newPerson, input, PERSON));
  return mutate(db, async (m) => {
    const person = parseOrRefuse(personSchema, { id: newId(), ...data, createdAt: nowIso() }, PERSON);
    await db.people.add(person);
    m.log('person', person.id, { op: 'create', after: person });
    return person;
  });
}

export async function updatePerson(db: WorkbookDb, id: string, patch: PersonPatch): Promise<void> {
  const data = named(parseOrRefuse(personPatch, patch, PERSON));
  await mutate(db, async (m) => {
    const before = await db.people.get(id);
    if (!before) throw new WorkbookError('That person no longer exists.', 'not-found');
    if (Object.keys(data).length === 0) return;
    const after = parseOrRefuse(personSchema, { ...before, ...data }, PERSON);
    await db.people.put(after);
    m.log('person', id, { op: 'update', before, after });
  });
}

export async function removePerson(db: WorkbookDb, id: string): Promise<void> {
  await mutate(db, async (m) => {
    const before = await db.people.get(id);
    if (!before) return;
    await db.people.delete(id);
    m.log('person', id, { op: 'delete', before });
  });
}
