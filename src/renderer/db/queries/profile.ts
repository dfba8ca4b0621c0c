/**
 * Reads of the workbook's profile: the organization, its sites and people, and who is working. Each
 * screen gets the records it shows, in the order it shows them.
 */
import type { Organization, Person, Site } from '../../../core/records/model';
import type { WorkbookDb } from '../database';
import { readSettings } from '../repo/settings';

/** The organization, or null before first-start setup made it (the app shows first start then). */
export async function readOrganization(db: WorkbookDb): Promise<Organization | null> {
  return (await db.organization.get('organization')) ?? null;
}

/** The sites by name, for choosing one (new assessment), through the name index. */
export function sitesByName(db: WorkbookDb): Promise<Site[]> {
  return db.sites.orderBy('name').toArray();
}

/** Settings, organization section: the organization (its classification is the one default marking) and the sites in the order added. */
export async function organizationProfile(db: WorkbookDb) {
  const [organization, sites] = await Promise.all([readOrganization(db), db.sites.toArray()]);
  return { organization, sites: sites.sort((a, b) => a.createdAt.localeCompare(b.createdAt)) };
}

/** How a list of people is ordered: by name for choosing one, in the order added for editing the list. */
export type PeopleOrder = 'name' | 'added';

/** The people and the one working now (the change-log actor; empty when nobody is chosen). */
export async function peopleAndActor(db: WorkbookDb, order: PeopleOrder): Promise<{ people: Person[]; actorId: string }> {
  const [people, settings] = await Promise.all([db.people.toArray(), readSettings(db)]);
  people.sort(order === 'name' ? (a, b) => a.name.localeCompare(b.name) : (a, b) => a.createdAt.localeCompare(b.createdAt));
  return { people, actorId: settings.actorId };
}
