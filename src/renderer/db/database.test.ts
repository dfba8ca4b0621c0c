import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it, vi } from 'vitest';
import { openWorkbook } from './database';
import { MIGRATIONS, LATEST_SCHEMA_VERSION } from './migrations';
import { dexieVersion } from './schemaVersion';
import { tamper } from './testDb';

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
    // Written around the app, as a newer version of it would have written it.
    await tamper(db, 'sites', (store) => store.add({ id: 's1', name: 'Plant', location: '', createdAt: '2026-01-01T00:00:00Z' }));
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

// The installed version as IndexedDB reports it, read without opening (and so without changing) the database.
const nativeVersion = async (name: string) => (await indexedDB.databases()).find((d) => d.name === name)?.version;

/** Writes a database the way another version of the app would: declared version, stores, one record. */
async function writtenBy(version: number, stores: Record<string, string>) {
  const name = uniqueName();
  const other = new Dexie(name);
  other.version(version).stores(stores);
  await other.open();
  await other.table('sites').add({ id: 's1', name: 'Plant' });
  other.close();
  return name;
}

async function storesOf(name: string) {
  const raw = new Dexie(name);
  await raw.open();
  const stores = Object.fromEntries(raw.tables.map((t) => [t.name, t.schema.indexes.map((i) => i.name).sort()]));
  const sites = await raw.table('sites').toArray();
  raw.close();
  return { stores, sites };
}

describe('the installed schema version, read with Dexie’s arithmetic', () => {
  // The whole current schema: each version's stores over the ones before it.
  const latest: Record<string, string> = Object.assign({}, ...MIGRATIONS.map((m) => m.stores));
  const at = (tenths: number) => dexieVersion(LATEST_SCHEMA_VERSION + tenths / 10);

  it.each([
    ['the next version', at(10)],
    ['one Dexie reads as a tenth past ours (native version +1)', at(1)],
    ['one Dexie reads as half a version past ours (native version +5)', at(5)],
  ])('refuses %s with the newer-version message and leaves its version as it was', async (_label, version) => {
    const name = await writtenBy(version, latest);
    await expect(openWorkbook(name)).rejects.toMatchObject({ kind: 'newer-format', message: expect.stringContaining(`schema ${version}`) });
    expect(await nativeVersion(name)).toBe(Math.round(version * 10));
  });

  it('leaves a newer database untouched, even one lacking an index ours declares', async () => {
    // Dexie would "patch" such a database to our schema (add the index, raise its native version by one).
    const name = await writtenBy(at(20), { ...latest, sites: 'id', somethingNew: 'id' });
    const before = await storesOf(name);
    await expect(openWorkbook(name)).rejects.toMatchObject({ kind: 'newer-format' });
    expect(await nativeVersion(name)).toBe(Math.round(at(20) * 10));
    expect(await storesOf(name)).toEqual(before);
    expect(before.stores.sites).toEqual([]);
  });

  it('opens the current version again, leaving its native version as it was', async () => {
    const name = uniqueName();
    (await openWorkbook(name)).close();
    expect(await nativeVersion(name)).toBe(LATEST_SCHEMA_VERSION * 10);
    const again = await openWorkbook(name);
    expect(again.verno).toBe(LATEST_SCHEMA_VERSION);
    again.close();
    expect(await nativeVersion(name)).toBe(LATEST_SCHEMA_VERSION * 10);
  });

  it('opens a database Dexie itself patched up to a multiple of ten: its $meta store says which version it is', async () => {
    // Installed at our native version + 9 with an index missing: Dexie patches it to + 10, which would
    // read as the next version, so it records ours in a $meta store.
    const name = await writtenBy(at(9), { ...latest, sites: 'id' });
    const patcher = new Dexie(name);
    patcher.version(LATEST_SCHEMA_VERSION).stores(latest);
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await patcher.open();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('SchemaDiff'));
    warn.mockRestore();
    patcher.close();
    expect(await nativeVersion(name)).toBe(Math.round(at(10) * 10));
    const db = await openWorkbook(name);
    expect(db.backendDB().objectStoreNames.contains('$meta')).toBe(true);
    db.close();
  });
});
