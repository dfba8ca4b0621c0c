/**
 * Version 2: change-log entries record the state each record was left in. This upgrade writes one
 * baseline entry per record already in the workbook, so from here on every record can be checked
 * against the log. Tables and indexes are unchanged.
 */
import type { Transaction } from 'dexie';
import { chainEntry, type AuditEntity, type AuditEntry } from '../../../core/audit/chain';
import { recordState } from '../../../core/audit/recordState';
import { ENTITY_TABLES } from '../entities';

export const version = 2;

export const stores: Record<string, string> = {};

export const BASELINE_ACTOR = 'CSMS Workbook (upgrade)';

export async function upgrade(tx: Transaction): Promise<void> {
  let last = (await tx.table<AuditEntry, number>('audit').orderBy('seq').last()) as AuditEntry | undefined;
  const at = new Date().toISOString();
  const entries: AuditEntry[] = [];
  for (const [entity, spec] of Object.entries(ENTITY_TABLES) as [AuditEntity, (typeof ENTITY_TABLES)[AuditEntity]][]) {
    // Kinds of record added by later versions have no table yet when this runs (from version 1).
    if (!tx.idbtrans.objectStoreNames.contains(spec.table)) continue;
    const records = (await tx.table(spec.table).toArray()) as Record<string, unknown>[];
    for (const record of records) {
      last = chainEntry(last, {
        at,
        actor: BASELINE_ACTOR,
        entity,
        id: spec.id(record),
        change: { op: 'baseline' },
        state: recordState(record),
      });
      entries.push(last);
    }
  }
  if (entries.length > 0) await tx.table('audit').bulkAdd(entries);
}
