/** Reads of the change log screen: the whole log in order, with the records whose names its rows show. */
import type { AuditEntry } from '../../../core/audit/chain';
import type { LogContext } from '../../../core/audit/logView';
import type { WorkbookDb } from '../database';

export interface ChangeLogData {
  entries: AuditEntry[];
  context: LogContext;
}

/** One read-only transaction, so the names match the entries they are read with. */
export async function readChangeLog(db: WorkbookDb): Promise<ChangeLogData> {
  return db.transaction('r', [db.audit, db.assessments, db.evidence, db.actions, db.people, db.sites], async () => {
    const [entries, assessments, evidence, actions, people, sites] = await Promise.all([
      db.audit.orderBy('seq').toArray(),
      db.assessments.toArray(),
      db.evidence.toArray(),
      db.actions.toArray(),
      db.people.toArray(),
      db.sites.toArray(),
    ]);
    return { entries: entries as AuditEntry[], context: { assessments, evidence, actions, people, sites } };
  });
}

export { readLogForCheck } from '../integrity';
