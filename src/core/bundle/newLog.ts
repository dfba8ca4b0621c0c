/**
 * A change log that creates the given records, one entry each with its state: for workbooks made
 * outside the app's database (the command line's sample, tests).
 */
import { chainEntry, type AuditEntry } from '../audit/chain';
import { recordState } from '../audit/recordState';
import type { BundleRecords } from './contents';
import { loggedRecords } from './recordIds';

export function creationLog(records: BundleRecords, at: string, actor: string): AuditEntry[] {
  const log: AuditEntry[] = [];
  for (const { entity, id, record } of loggedRecords(records)) {
    log.push(chainEntry(log.at(-1), { at, actor, entity, id, change: { op: 'create', after: record }, state: recordState(record) }));
  }
  return log;
}
