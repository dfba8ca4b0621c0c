import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { chainEntry, type AuditEntry } from '../../../core/audit/chain';
import { recordState } from '../../../core/audit/recordState';
import type { Action } from '../../../core/records/model';
import { openWorkbook } from '../database';
import { checkLog } from '../integrity';
import { addAction } from '../repo/actions';
import * as v1 from './v1';
import * as v3 from './v3';

const action = (id: string, createdAt: string): Action => ({
  id,
  assessmentId: 'a1',
  requirementId: 'NET 3.2',
  description: `Action ${id}`,
  owner: '',
  priority: 'medium',
  status: 'open',
  createdAt,
  updatedAt: createdAt,
});

/** A version 3 workbook whose actions were each logged when created, as the app of then did. */
async function version3Workbook(actions: Action[]): Promise<string> {
  const name = `v4-${Math.random()}`;
  const old = new Dexie(name);
  old.version(3).stores({ ...v1.stores, ...v3.stores });
  await old.open();
  let last: AuditEntry | undefined;
  for (const a of actions) {
    await old.table('actions').add(a);
    last = chainEntry(last, {
      at: a.createdAt,
      actor: 'Dana',
      entity: 'action',
      id: a.id,
      change: { op: 'create', after: a },
      state: recordState(a),
    });
    await old.table('audit').add(last);
  }
  old.close();
  return name;
}

describe('schema version 4', () => {
  it('numbers the actions already recorded in the order they were created, logs each number and sets the counter past them', async () => {
    // Stored in another order than created; two created in the same millisecond are settled by record ID.
    const name = await version3Workbook([
      action('c', '2026-03-01T10:00:00.000Z'),
      action('b', '2026-01-15T08:00:00.000Z'),
      action('a', '2026-03-01T10:00:00.000Z'),
    ]);
    const db = await openWorkbook(name);
    const numbers = Object.fromEntries((await db.actions.toArray()).map((a) => [a.id, a.number]));
    expect(numbers).toEqual({ b: 1, a: 2, c: 3 });
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.slice(3).map((e) => [e.entity, e.id, e.change])).toEqual([
      ['action', 'b', { op: 'update', before: { number: null }, after: { number: 1 } }],
      ['action', 'a', { op: 'update', before: { number: null }, after: { number: 2 } }],
      ['action', 'c', { op: 'update', before: { number: null }, after: { number: 3 } }],
    ]);
    // The records still match the log, and the chain holds.
    const log = await checkLog(db);
    expect(log.chain.ok).toBe(true);
    expect(log.data).toMatchObject({ ok: true });
    expect((await db.meta.get('nextActionNumber'))?.value).toBe(4);
    db.close();
  });

  it('leaves a workbook without actions unchanged but for the counter, and the next action added is ACT-0001', async () => {
    const name = await version3Workbook([]);
    const db = await openWorkbook(name);
    expect(await db.audit.count()).toBe(0);
    expect((await db.meta.get('nextActionNumber'))?.value).toBe(1);
    db.close();
  });

  it('gives the next action added after the upgrade the number after the highest', async () => {
    const name = await version3Workbook([action('x', '2026-01-01T00:00:00.000Z'), action('y', '2026-01-02T00:00:00.000Z')]);
    const db = await openWorkbook(name);
    // An assessment for the new action to belong to (the old ones belong to one long gone).
    const { createAssessment } = await import('../repo/assessments');
    const { addSite } = await import('../repo/people');
    const site = await addSite(db, { name: 'Plant', location: '' });
    const assessment = await createAssessment(db, {
      name: 'A',
      siteId: site.id,
      catalogueId: 'iec-62443-2-1-2024',
      catalogueVersion: '1.0.0',
      periodStart: '2026-01-01',
      periodEnd: '2026-06-30',
      scope: ['NET'],
      defaultTargetLevel: 2,
    });
    const added = await addAction(db, assessment.id, 'NET 3.2', { description: 'Next' });
    expect(added.number).toBe(3);
    db.close();
  });
});
