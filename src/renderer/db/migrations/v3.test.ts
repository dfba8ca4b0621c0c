import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { verifyChain, type AuditEntry } from '../../../core/audit/chain';
import { openWorkbook } from '../database';
import * as v1 from './v1';

describe('schema version 3', () => {
  it('adds the reviews table and finds a record’s log entries by the [entity+id] index, on a workbook written by version 1', async () => {
    const name = `v3-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(v1.stores);
    await old.open();
    await old.table('sites').add({ id: 's1', name: 'Riverside', location: '', createdAt: '2026-01-01T00:00:00.000Z' });
    await old.table('people').add({ id: 'p1', name: 'Dana', role: '', email: '', createdAt: '2026-01-01T00:00:00.000Z' });
    old.close();

    const db = await openWorkbook(name);
    expect(await db.reviews.count()).toBe(0);
    const entries = (await db.audit.orderBy('seq').toArray()) as AuditEntry[];
    expect(verifyChain(entries).ok).toBe(true);
    const site = await db.audit.where('[entity+id]').equals(['site', 's1']).toArray();
    expect(site.map((e) => [e.entity, e.id, e.change.op])).toEqual([['site', 's1', 'baseline']]);
    db.close();
  });
});
