/** First start: the organization, its first site and the person working, in one transaction. */
import type { Person } from '../../../core/records/model';
import type { WorkbookDb } from '../database';
import { mutate } from '../mutate';
import { addPerson, addSite, saveOrganization } from './people';
import { saveSetting } from './settings';

export interface SetupInput {
  organization: string;
  classification: string;
  site: string;
  name: string;
  role: string;
}

/** All or nothing: a crash part-way leaves no organization, so first start is simply offered again. */
export async function setUpWorkbook(db: WorkbookDb, input: SetupInput): Promise<Person> {
  return mutate(db, async () => {
    await saveOrganization(db, { name: input.organization, classification: input.classification });
    await addSite(db, { name: input.site });
    const person = await addPerson(db, { name: input.name, role: input.role });
    await saveSetting(db, 'actorId', person.id);
    return person;
  });
}
