/**
 * Upgrading what a release wrote: each test/fixtures/db/release-*.json (dumped by scripts/seedFixture.ts
 * from that release, sample workbook loaded) is seeded raw into fake-indexeddb and opened with today's code.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { changesSince } from '../../../../test/fixtures/db/compare';
import { dumpDatabase, type DatabaseDump } from '../../../../test/fixtures/db/dump';
import { seedDatabase } from '../../../../test/fixtures/db/seed';
import { verifyChain } from '../../../core/audit/chain';
import { openWorkbook } from '../database';
import { LATEST_SCHEMA_VERSION } from './index';

const dumps = import.meta.glob<DatabaseDump>('../../../../test/fixtures/db/release-*-sample.json', { import: 'default', eager: true });
const releases = Object.keys(dumps).map((path) => path.slice(path.lastIndexOf('/') + 1));
const load = (file: string) => structuredClone(Object.entries(dumps).find(([path]) => path.endsWith(`/${file}`))![1]);
const uniqueName = () => `release-${Math.random().toString(36).slice(2)}`;

/** The database as it is now, read raw like the fixture, without Dexie's help. */
async function dumpOf(name: string): Promise<DatabaseDump> {
  const idb = await new Promise<IDBDatabase>((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  try {
    return await dumpDatabase(idb);
  } finally {
    idb.close();
  }
}

describe('databases written by a release', () => {
  it('include release 1 with the sample workbook', () => {
    expect(releases).toContain('release-1-sample.json');
  });

  it.each(releases)('%s is seeded exactly as dumped: version, stores, indexes, records and Blob bytes', async (file) => {
    const dump = load(file);
    const name = uniqueName();
    await seedDatabase(name, dump);
    expect(await dumpOf(name)).toEqual({ ...dump, source: {} });
    expect(dump.stores.find((s) => s.name === 'blobs')?.records.length).toBeGreaterThan(0);
  });

  it.each(releases)('%s opens with the current code: every record unchanged, the change log only grown and intact', async (file) => {
    const dump = load(file);
    const name = uniqueName();
    await seedDatabase(name, dump);
    const db = await openWorkbook(name);
    const audit = await db.audit.orderBy('seq').toArray();
    db.close();
    const after = await dumpOf(name);
    expect(after.nativeVersion).toBe(Math.round(LATEST_SCHEMA_VERSION * 10));
    // Version 4 numbers the actions a release recorded (logged, so the data still matches the log).
    expect(changesSince(dump, after, ['audit'], { actions: ['number'] })).toEqual([]);
    expect(verifyChain(audit)).toMatchObject({ ok: true });
  });
});

describe('the comparison of a release database with its upgrade', () => {
  const dump: DatabaseDump = {
    format: 'csms-idb-dump/1',
    source: {},
    nativeVersion: 10,
    stores: [
      { name: 'sites', keyPath: 'id', autoIncrement: false, indexes: [], records: [{ key: 's1', value: { id: 's1', name: 'Plant' } }] },
      { name: 'audit', keyPath: 'seq', autoIncrement: false, indexes: [], records: [{ key: 1, value: { seq: 1, hash: 'a' } }] },
    ],
  };
  const withStore = (name: string, records: DatabaseDump['stores'][number]['records']): DatabaseDump => ({
    ...dump,
    stores: dump.stores.map((s) => (s.name === name ? { ...s, records } : s)),
  });

  it('accepts new records and entries appended to the change log', () => {
    const grown = withStore('audit', [...dump.stores[1]!.records, { key: 2, value: { seq: 2, hash: 'b' } }]);
    expect(changesSince(dump, { ...grown, nativeVersion: 20 }, ['audit'])).toEqual([]);
    expect(changesSince(dump, withStore('sites', [...dump.stores[0]!.records, { key: 's2', value: { id: 's2' } }]), ['audit'])).toEqual([]);
  });

  it('names a changed or missing record, a rewritten log entry and a lost table', () => {
    expect(changesSince(dump, withStore('sites', [{ key: 's1', value: { id: 's1', name: 'Changed' } }]), ['audit'])).toEqual([
      'table sites: record "s1" was changed',
    ]);
    expect(changesSince(dump, withStore('sites', []), ['audit'])).toEqual(['table sites: record "s1" is gone']);
    expect(changesSince(dump, withStore('audit', [{ key: 1, value: { seq: 1, hash: 'x' } }]), ['audit'])).toEqual([
      'table audit: entry 1 (key 1) was changed, moved or removed; entries may only be appended',
    ]);
    expect(changesSince(dump, { ...dump, stores: [dump.stores[1]!] }, ['audit'])).toEqual(['table sites is gone']);
  });
});
