/** The organization, its sites and its people (who appear as actors in the change log). */
import { z } from 'zod';
import type { Organization, Person, Site } from '../../../core/workbook/model';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate, newId, nowIso } from '../mutate';

const name = z.string().trim().min(1, 'a name is required').max(200, 'the name is too long');
const organizationFields = z.object({ name, classification: z.string().trim().max(40) });
const siteFields = z.object({ name, location: z.string().trim().max(300) });
const personFields = z.object({ name, role: z.string().trim().max(200), email: z.string().trim().max(200) });

// Defaults belong to creation only: zod 4's .partial() still fills in .default() values, so an
// update built from a schema with defaults would empty a location, role or email nobody named.
const newSite = siteFields.extend({ location: siteFields.shape.location.default('') });
const newPerson = personFields.extend({ role: personFields.shape.role.default(''), email: personFields.shape.email.default('') });
const organizationPatch = organizationFields.partial().strict();
const sitePatch = siteFields.partial().strict();
const personPatch = personFields.partial().strict();

export type OrganizationPatch = z.input<typeof organizationPatch>;
export type SitePatch = z.input<typeof sitePatch>;
export type PersonPatch = z.input<typeof personPatch>;

function parse<T>(schema: z.ZodType<T>, input: unknown, what: string): T {
  const result = schema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const reason =
      issue.code === 'unrecognized_keys' ? `there is no ${what} field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
    throw new WorkbookError(`The ${what} was not saved: ${reason}.`, 'invalid');
  }
  return result.data;
}

/** The fields a patch names; a key whose value is undefined is not named, so it never blanks a stored value. */
function parsePatch<T extends object>(schema: z.ZodType<T>, patch: unknown, what: string): Partial<T> {
  const data = parse(schema, patch, what);
  return Object.fromEntries(Object.entries(data).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Creates the organization or changes the fields the patch names; a new one needs a name. */
export async function saveOrganization(db: WorkbookDb, patch: OrganizationPatch): Promise<Organization> {
  const data = parsePatch(organizationPatch, patch, 'organization');
  return mutate(db, async (m) => {
    const before = await db.organization.get('organization');
    const merged = { name: '', classification: '', ...before, ...data };
    // The merged record must still be whole: a first save without a name is refused here.
    parse(organizationFields, { name: merged.name, classification: merged.classification }, 'organization');
    const after: Organization = { ...merged, id: 'organization' };
    await db.organization.put(after);
    m.log('organization', after.id, { op: before ? 'update' : 'create', before, after });
    return after;
  });
}

export async function addSite(db: WorkbookDb, input: { name: string; location?: string }): Promise<Site> {
  const data = parse(newSite, input, 'site');
  return mutate(db, async (m) => {
    const site: Site = { id: newId(), ...data, createdAt: nowIso() };
    await db.sites.add(site);
    m.log('site', site.id, { op: 'create', after: site });
    return site;
  });
}

export async function updateSite(db: WorkbookDb, id: string, patch: SitePatch): Promise<void> {
  const data = parsePatch(sitePatch, patch, 'site');
  await mutate(db, async (m) => {
    const before = await db.sites.get(id);
    if (!before) throw new WorkbookError('That site no longer exists.', 'not-found');
    if (Object.keys(data).length === 0) return;
    const after: Site = { ...before, ...data };
    await db.sites.put(after);
    m.log('site', id, { op: 'update', before, after });
  });
}

export async function addPerson(db: WorkbookDb, input: { name: string; role?: string; email?: string }): Promise<Person> {
  const data = parse(newPerson, input, 'person');
  return mutate(db, async (m) => {
    const person: Person = { id: newId(), ...data, createdAt: nowIso() };
    await db.people.add(person);
    m.log('person', person.id, { op: 'create', after: person });
    return person;
  });
}

export async function updatePerson(db: WorkbookDb, id: string, patch: PersonPatch): Promise<void> {
  const data = parsePatch(personPatch, patch, 'person');
  await mutate(db, async (m) => {
    const before = await db.people.get(id);
    if (!before) throw new WorkbookError('That person no longer exists.', 'not-found');
    if (Object.keys(data).length === 0) return;
    const after: Person = { ...before, ...data };
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
