import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from './database';
import { addSite } from './repo/people';
import { dbWithAssessment, freshDb, tamper } from './testDb';
import { saveResponse } from './repo/responses';
import { REFUSED_WRITE_MESSAGE } from './writeGuard';
import { verifyAudit } from './integrity';
import * as v1 from './migrations/v1';

describe('the write guard', () => {
  it('lets a write through a repository (the logged write path) land, with its log entry', async () => {
    const db = await freshDb();
    const site = await addSite(db, { name: 'Riverside', location: 'North valley' });
    expect(await db.sites.get(site.id)).toMatchObject({ name: 'Riverside' });
    expect(await db.audit.count()).toBe(1);
  });

  it('refuses a direct write to a table, with a plain message, and writes nothing', async () => {
    const db = await freshDb();
    const site = { id: 's1', name: 'Smuggled', location: '', createdAt: '2026-01-01T00:00:00.000Z' };
    await expect(db.sites.add(site)).rejects.toMatchObject({ name: 'WorkbookError', kind: 'refused', message: REFUSED_WRITE_MESSAGE });
    expect(await db.sites.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('refuses every kind of write: put, update, delete, bulk, clear, modify; in or out of a transaction of its own', async () => {
    const { db, assessment } = await dbWithAssessment();
    await saveResponse(db, assessment.id, 'ORG 1.1', { achievedLevel: 2 });
    const key: [string, string] = [assessment.id, 'ORG 1.1'];
    const before = await db.responses.get(key);
    const attempts: Array<() => Promise<unknown>> = [
      () => db.responses.put({ ...before!, achievedLevel: 4 }),
      () => db.responses.update(key, { achievedLevel: 4 }),
      () => db.responses.delete(key),
      () => db.responses.bulkPut([{ ...before!, narrative: 'x' }]),
      () => db.responses.clear(),
      () => db.responses.where('assessmentId').equals(assessment.id).modify({ achievedLevel: 4 }),
      () => db.responses.where('assessmentId').equals(assessment.id).delete(),
      () => db.transaction('rw', db.responses, db.audit, () => db.responses.put({ ...before!, achievedLevel: 4 })),
      () => db.assessments.delete(assessment.id),
      () => db.audit.clear(),
    ];
    for (const attempt of attempts) await expect(attempt()).rejects.toMatchObject({ kind: 'refused' });
    expect(await db.responses.get(key)).toStrictEqual(before);
    expect(await db.assessments.get(assessment.id)).toBeDefined();
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 3 });
  });

  it('lets bookkeeping in the meta table through', async () => {
    const db = await freshDb();
    await db.meta.put({ key: 'lastExport', value: '{}' });
    expect(await db.meta.get('lastExport')).toEqual({ key: 'lastExport', value: '{}' });
  });

  it('lets the schema upgrade write: version 2 logs a baseline entry for each record of a version 1 workbook', async () => {
    const name = `guard-upgrade-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(v1.stores);
    await old.open();
    await old.table('sites').add({ id: 's1', name: 'Riverside', location: '', createdAt: '2026-01-01T00:00:00.000Z' });
    old.close();
    const db = await openWorkbook(name);
    expect((await db.audit.toArray()).map((e) => [e.entity, e.id, e.change.op])).toEqual([['site', 's1', 'baseline']]);
    db.close();
  });

  it('does not stop the raw IndexedDB API: that is what the integrity check is for', async () => {
    const db = await freshDb();
    await tamper(db, 'sites', (store) => store.add({ id: 's1', name: 'Smuggled', location: '', createdAt: '' }));
    expect(await db.sites.count()).toBe(1);
  });
});
