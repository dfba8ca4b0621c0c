/**
 * Who last changed each answer of an assessment, and when: read from the change log through its
 * [entity+id] index (an answer's log ID is "<assessment>|<requirement>"), never from a stored field.
 */
import type { AuditEntry } from '../../../core/audit/chain';
import { lastChangeByRequirement, responseLogId, type LastChange } from '../../../core/audit/lastChange';
import type { WorkbookDb } from '../database';

const INDEX = '[entity+id]';

/** The log entries about the assessment's answers, oldest first within each answer. */
function responseEntries(db: WorkbookDb, assessmentId: string): Promise<AuditEntry[]> {
  // Every ID of the assessment's answers sorts between "<id>|" and "<id>|" followed by the highest character.
  const from = responseLogId(assessmentId, '');
  return db.audit
    .where(INDEX)
    .between(['response', from], ['response', `${from}\uffff`], true, true)
    .toArray();
}

/** The latest change to each answer of the assessment, by requirement ID. */
export async function lastChanges(db: WorkbookDb, assessmentId: string): Promise<Record<string, LastChange>> {
  return lastChangeByRequirement(await responseEntries(db, assessmentId), assessmentId);
}

/** The latest change to one answer, or null before it was first saved. */
export async function lastChangeOf(db: WorkbookDb, assessmentId: string, requirementId: string): Promise<LastChange | null> {
  // Entries with the same key are in sequence order: read from the newest, past any baseline.
  const entry = await db.audit
    .where(INDEX)
    .equals(['response', responseLogId(assessmentId, requirementId)])
    .reverse()
    .filter((e) => e.change.op !== 'baseline')
    .first();
  return entry ? { actor: entry.actor, at: entry.at } : null;
}
