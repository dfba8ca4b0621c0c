/** The organization, its sites and its people (who appear as actors in the change log). */
import { z } from 'zod';
import type { Organization, Person, Site } from '../../../core/workbook/model';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, newId, nowIso } from '../mutate';

const name = z.string().trim().min(1, 'a name is required').max(200, 'the name is too long');
const organizationInput = z.object({ name, classification: z.string().trim().max(40) });
const siteInput = z.object({ name, location: z.string().trim().max(300).default('') });
const personInput = z.object({ name, role: z.string().trim().max(200).default(''), email: z.string().trim().max(200).default('') });

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) throw new WorkbookError(`The ${what} was not saved: ${result.error.issues[0]!.message}.`, 'invalid');
  return result.data;
}

export async function saveOrganization(db: WorkbookDb, input: { name: string; classification: string }): Promise<Organization> {
  const data = parse(organizationInput, input, 'organization');
  return mutate(db, async (m) => {
    const before = await db.organization.get('organization');
    const after: Organization = { id: 'organization', ...data };
    await db.organization.put(after);
    m.log('organization', after.id, { op: before ? 'update' : 'create', before, after });
    return after;
  });
}

export async function addSite(db: WorkbookDb, input: { name: string; location?: string }): Promise<Site> {
  const data = parse(siteInput, input, 'site');
  return mutate(db, async (m) => {
    const site: Site = { id: newId(), ...data, createdAt: nowIso() };
    await db.sites.add(site);
    m.log('site', site.id, { op: 'create', after: site });
    return site;
  });
}

export async function updateSite(db: WorkbookDb, id: string, input: { name: string; location?: string }): Promise<void> {
  const data = parse(siteInput, input, 'site');
  await mutate(db, async (m) => {
    const before = await db.sites.get(id);
    if (!before) throw new WorkbookError('That site no longer exists.', 'not-found');
    await db.sites.put({ ...before, ...data });
    m.log('site', id, { op: 'update', before, after: { ...before, ...data } });
  });
}

export async function addPerson(db: WorkbookDb, input: { name: string; role?: string; email?: string }): Promise<Person> {
  const data = parse(personInput, input, 'person');
  return mutate(db, async (m) => {
    const person: Person = { id: newId(), ...data, createdAt: nowIso() };
    await db.people.add(person);
    m.log('person', person.id, { op: 'create', after: person });
    return person;
  });
}

export async function updatePerson(db: WorkbookDb, id: string, input: { name: string; role?: string; email?: string }): Promise<void> {
  const data = parse(personInput, input, 'person');
  await mutate(db, async (m) => {
    const before = await db.people.get(id);
    if (!before) throw new WorkbookError('That person no longer exists.', 'not-found');
    await db.people.put({ ...before, ...data });
    m.log('person', id, { op: 'update', before, after: { ...before, ...data } });
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
