/**
 * Which file evidence has no stored bytes: a look-up of keys, not a re-hash (the integrity check does
 * that). What it finds is carried into the snapshot as a computed fact, never written to a record.
 */
import type { Evidence } from '../../../core/records/model';
import type { WorkbookDb } from '../database';

export async function evidenceWithoutFile(db: WorkbookDb, evidence: readonly Evidence[]): Promise<string[]> {
  const files = evidence.filter((e) => e.kind === 'file');
  if (!files.length) return [];
  const keys = [...new Set(files.flatMap((e) => (e.sha256 ? [e.sha256] : [])))];
  const stored = new Set(await db.blobs.where('sha256').anyOf(keys).primaryKeys());
  return files.filter((e) => !e.sha256 || !stored.has(e.sha256)).map((e) => e.id);
}
