import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from './database';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations';

const uniqueName = () => `db-${Math.random().toString(36).slice(2)}`;

describe('openWorkbook', () => {
  it('creates a new database with its data format and the first evidence number', async () => {
    const db = await openWorkbook(uniqueName());
    expect((await db.meta.get('format'))?.value).toBe(1);
    expect((await db.meta.get('nextEvidenceNumber'))?.value).toBe(1);
    db.close();
  });

  it('refuses a database whose data format is newer, and changes nothing', async () => {
    const name = uniqueName();
    const db = await openWorkbook(name);
    await db.meta.put({ key: 'format', value: 7 });
    await db.sites.add({ id: 's1', name: 'Plant', location: '', createdAt: '2026-01-01T00:00:00Z' });
    db.close();
    await expect(openWorkbook(name)).rejects.toMatchObject({ kind: 'newer-format', message: expect.stringContaining('data format 7') });
    const again = new Dexie(name);
    await again.open();
    expect(await again.table('meta').get('format')).toEqual({ key: 'format', value: 7 });
    expect(await again.table('sites').count()).toBe(1);
    again.close();
  });

  it('refuses a database of a newer schema version', async () => {
    const name = uniqueName();
    const future = new Dexie(name);
    future.version(LATEST_SCHEMA_VERSION + 3).stores({ ...MIGRATIONS.at(-1)!.stores, somethingNew: 'id' });
    await future.open();
    future.close();
    await expect(openWorkbook(name)).rejects.toMatchObject({ kind: 'newer-format', message: expect.stringContaining('Update the app') });
  });
});
