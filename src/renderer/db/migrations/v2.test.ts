import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { verifyChain, type AuditEntry } from '../../../core/audit/chain';
import { reconcile } from '../../../core/audit/reconcile';
import { openWorkbook } from '../database';
import { allRecordStates } from '../entities';
import * as v1 from './v1';

describe('schema version 2', () => {
  it('writes a baseline entry for every record of a version 1 workbook, so the data can be checked against the log', async () => {
    const name = `v2-${Math.random()}`;
    const old = new Dexie(name);
    old.version(1).stores(v1.stores);
    await old.open();
    await old.table('sites').add({ id: 's1', name: 'Riverside', location: '', createdAt: '2026-01-01T00:00:00.000Z' });
    await old.table('people').add({ id: 'p1', name: 'Dana', role: '', email: '', createdAt: '2026-01-01T00:00:00.000Z' });
    old.close();

    const db = await openWorkbook(name);
    const entries = (await db.audit.orderBy('seq').toArray()) as AuditEntry[];
    expect(entries.map((e) => [e.entity, e.id, e.change.op])).toEqual([
      ['site', 's1', 'baseline'],
      ['person', 'p1', 'baseline'],
    ]);
    expect(verifyChain(entries).ok).toBe(true);
    expect(reconcile(entries, await allRecordStates(db))).toEqual({ ok: true, records: 2 });
    db.close();
  });
});
