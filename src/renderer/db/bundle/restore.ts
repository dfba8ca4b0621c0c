/**
 * Restoring a workbook from a bundle: the database becomes exactly what the bundle holds, records, change
 * log and files, in one transaction. It is the one write besides mutate() that the write guard lets
 * through, because it does not add to the log but replaces it with a log that was verified whole
 * (readBundle and requireIntactLog) before this is called.
 */
import { Dexie } from 'dexie';
import type { AuditEntry } from '../../../core/audit/chain';
import { isWithheld } from '../../../core/bundle/contents';
import type { VerifiedBundle } from '../../../core/bundle/verify';
import type { WorkbookDb } from '../database';
import { WorkbookError, toWorkbookError } from '../errors';
import { ensureSpace } from '../space';
import { markWritePath } from '../writeGuard';
import { addRecords, nextEvidenceNumber } from './addRecords';

export interface RestoredLog {
  count: number;
  head: string;
}

const RECORD_TABLES = [
  'organization',
  'sites',
  'people',
  'assessments',
  'responses',
  'evidence',
  'links',
  'actions',
  'settings',
  'overlays',
  'reviews',
] as const;

export async function restoreWorkbook(db: WorkbookDb, bundle: VerifiedBundle, files: ReadonlyMap<string, Blob>): Promise<RestoredLog> {
  if (bundle.header.scope.kind !== 'workbook') {
    throw new WorkbookError('This bundle holds one assessment, not a whole workbook: add it to this workbook instead.', 'invalid');
  }
  if (bundle.logProblem || bundle.log.some(isWithheld))
    throw new WorkbookError('The bundle’s change log does not vouch for its records.', 'invalid');
  const { records } = bundle;
  for (const e of records.evidence) {
    if (e.kind === 'file' && !files.has(e.sha256!)) throw new WorkbookError(`The file of ${e.id} did not come with the bundle.`, 'invalid');
  }
  const bytes = [...files.values()].reduce((n, b) => n + b.size, 0);
  await ensureSpace(bytes);
  const log = bundle.log as AuditEntry[];
  try {
    await db.transaction('rw', db.tables, async () => {
      markWritePath(Dexie.currentTransaction);
      for (const name of [...RECORD_TABLES, 'audit', 'blobs'] as const) await db.table(name).clear();
      await addRecords(db, records, { reviews: true });
      await db.audit.bulkAdd(log);
      await db.blobs.bulkAdd([...files].map(([sha256, blob]) => ({ sha256, blob, size: blob.size })));
      await db.meta.put({ key: 'nextEvidenceNumber', value: nextEvidenceNumber(records) });
    });
  } catch (error) {
    throw toWorkbookError(error);
  }
  const last = log.at(-1);
  return { count: last?.seq ?? 0, head: last?.hash ?? '' };
}
