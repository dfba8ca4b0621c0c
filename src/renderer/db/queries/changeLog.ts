/** Reads of the change log screen: the whole log in order, with the records whose names its rows show. */
import type { AuditEntity, AuditEntry, WithheldLink } from '../../../core/audit/chain';
import type { LogCheckInput, LoggedRecord } from '../../../core/audit/logCheck';
import type { LogContext } from '../../../core/audit/logView';
import type { WorkbookDb } from '../database';
import { ENTITY_TABLES } from '../entities';
import { REVIEW_COPY_KEY } from '../reviewCopyMark';

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

/**
 * What the log's verdict is computed from, read in one read-only transaction: the log (withheld links
 * included), every logged record as stored with its log ID, and whether this is a review copy. The
 * hashing happens elsewhere (in a worker), so the transaction only reads.
 */
export async function readLogForCheck(db: WorkbookDb): Promise<Omit<LogCheckInput, 'anchors'>> {
  return db.transaction('r', db.tables, async () => {
    const entries = (await db.audit.orderBy('seq').toArray()) as (AuditEntry | WithheldLink)[];
    const records: LoggedRecord[] = [];
    for (const [entity, spec] of Object.entries(ENTITY_TABLES) as [AuditEntity, (typeof ENTITY_TABLES)[AuditEntity]][]) {
      for (const record of (await db.table(spec.table).toArray()) as Record<string, unknown>[])
        records.push({ entity, id: spec.id(record), record });
    }
    return { entries, records, reviewCopy: (await db.meta.get(REVIEW_COPY_KEY)) !== undefined };
  });
}
