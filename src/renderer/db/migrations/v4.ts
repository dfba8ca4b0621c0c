/**
 * Version 4: remediation actions get numbers (shown as ACT-0001), indexed so the next one is found
 * without a scan. Actions already in the workbook are numbered in the order they were created (then by
 * record ID), each change logged like any other, and the counter set past the last one.
 */
import type { Transaction } from 'dexie';
import { chainEntry, type AuditEntry } from '../../../core/audit/chain';
import { recordState } from '../../../core/audit/recordState';
import { byCreation } from '../../../core/findings/actionRef';
import type { Action } from '../../../core/records/model';
import { BASELINE_ACTOR } from './v2';

export const version = 4;

export const stores: Record<string, string> = {
  actions: 'id, assessmentId, [assessmentId+requirementId], status, dueDate, [status+dueDate], number',
};

export async function upgrade(tx: Transaction): Promise<void> {
  const actions = (await tx.table<Action, string>('actions').toArray()).sort(byCreation);
  let next = actions.reduce((n, a) => Math.max(n, a.number ?? 0), 0) + 1;
  let last = (await tx.table<AuditEntry, number>('audit').orderBy('seq').last()) as AuditEntry | undefined;
  const at = new Date().toISOString();
  const numbered: Action[] = [];
  const entries: AuditEntry[] = [];
  for (const action of actions) {
    if (action.number !== undefined) continue;
    const record = { ...action, number: next++ };
    numbered.push(record);
    last = chainEntry(last, {
      at,
      actor: BASELINE_ACTOR,
      entity: 'action',
      id: record.id,
      change: { op: 'update', before: { number: null }, after: { number: record.number } },
      state: recordState(record),
    });
    entries.push(last);
  }
  if (numbered.length > 0) await tx.table('actions').bulkPut(numbered);
  if (entries.length > 0) await tx.table('audit').bulkAdd(entries);
  await tx.table('meta').put({ key: 'nextActionNumber', value: next });
}
