/**
 * Where each kind of change-log entry lives in the database, and how its log ID maps to the table's key.
 * The write path uses it to record what a change left behind; the integrity check, to read every record
 * back and compare it with the log.
 */
import type { IndexableType } from 'dexie';
import type { AuditEntity } from '../../core/audit/chain';
import { recordState } from '../../core/audit/recordState';
import type { RecordDigest } from '../../core/audit/reconcile';
import type { WorkbookDb } from './database';

interface EntityTable {
  table: string;
  key: (id: string) => IndexableType;
  id: (record: Record<string, unknown>) => string;
}

const byId: Omit<EntityTable, 'table'> = { key: (id) => id, id: (r) => String(r.id) };

export const ENTITY_TABLES: Record<AuditEntity, EntityTable> = {
  organization: { table: 'organization', ...byId },
  site: { table: 'sites', ...byId },
  person: { table: 'people', ...byId },
  assessment: { table: 'assessments', ...byId },
  response: {
    table: 'responses',
    key: (id) => id.split('|') as [string, string],
    id: (r) => `${String(r.assessmentId)}|${String(r.requirementId)}`,
  },
  evidence: { table: 'evidence', ...byId },
  link: {
    table: 'links',
    key: (id) => id.split('|') as [string, string, string],
    id: (r) => `${String(r.evidenceId)}|${String(r.assessmentId)}|${String(r.requirementId)}`,
  },
  action: { table: 'actions', ...byId },
  settings: { table: 'settings', key: (id) => id, id: (r) => String(r.key) },
  overlay: { table: 'overlays', key: (id) => id, id: (r) => String(r.catalogueId) },
  review: { table: 'reviews', ...byId },
};

/** The record a log entry is about, as stored now (inside a transaction: as this change leaves it). */
export async function currentRecord(db: WorkbookDb, entity: AuditEntity, id: string): Promise<unknown> {
  const spec = ENTITY_TABLES[entity];
  return db.table(spec.table).get(spec.key(id));
}

/** Every logged record of the workbook with its state, for comparison with the change log. */
export async function allRecordStates(db: WorkbookDb): Promise<RecordDigest[]> {
  const found: RecordDigest[] = [];
  for (const [entity, spec] of Object.entries(ENTITY_TABLES) as [AuditEntity, EntityTable][]) {
    await db
      .table(spec.table)
      .toCollection()
      .each((record: Record<string, unknown>) => {
        found.push({ entity, id: spec.id(record), state: recordState(record)! });
      });
  }
  return found;
}
