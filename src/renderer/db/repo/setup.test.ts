import { describe, expect, it } from 'vitest';
import { freshDb } from '../testDb';
import { setUpWorkbook } from './setup';

const input = { organization: 'North Valley Water Authority', classification: 'TLP:AMBER', site: 'Riverside', name: 'Dana', role: 'Lead' };

describe('first start', () => {
  it('writes the organization, site, person and who is working together', async () => {
    const db = await freshDb();
    const person = await setUpWorkbook(db, input);
    expect(await db.organization.get('organization')).toMatchObject({ name: input.organization });
    expect((await db.sites.toArray()).map((s) => s.name)).toEqual(['Riverside']);
    expect((await db.settings.get('actorId'))?.value).toBe(person.id);
    expect(await db.audit.count()).toBe(4);
  });

  it('writes nothing when any part is refused, so first start is offered again', async () => {
    const db = await freshDb();
    await expect(setUpWorkbook(db, { ...input, name: '' })).rejects.toThrow(/person was not saved/);
    for (const table of db.tables) if (table.name !== 'meta') expect(await table.count(), table.name).toBe(0);
  });
});
