/**
 * The integrity check: the change log's hash chain; the data against the log (every record as its last
 * entry recorded it, none without one); the log against the heads written down outside it (the marker,
 * the last export); and every stored file re-hashed against its key. Each problem names its exact place.
 */
import { verifyChain, type AuditEntry, type ChainVerdict, type WithheldLink } from '../../core/audit/chain';
import { checkContinuity, reconcile, type ContinuityVerdict, type DataVerdict, type LogAnchor } from '../../core/audit/reconcile';
import type { WorkbookDb } from './database';
import { allRecordStates } from './entities';
import { hashBlobHere, type BlobHasher } from './hashBlob';
import { REVIEW_COPY_KEY } from './reviewCopyMark';

export interface BlobProblem {
  sha256: string;
  evidenceIds: string[];
  problem: 'changed' | 'missing';
}

export interface IntegrityReport {
  chain: ChainVerdict;
  data: DataVerdict;
  continuity: ContinuityVerdict;
  filesChecked: number;
  bytesChecked: number;
  blobProblems: BlobProblem[];
}

export const integrityIntact = (r: IntegrityReport): boolean => r.chain.ok && r.data.ok && r.continuity.ok && r.blobProblems.length === 0;

export async function verifyAudit(db: WorkbookDb): Promise<ChainVerdict> {
  return verifyChain(await db.audit.orderBy('seq').toArray());
}

/** Chain, data and continuity in one consistent read. */
export async function checkLog(
  db: WorkbookDb,
  anchors: readonly LogAnchor[] = [],
): Promise<Pick<IntegrityReport, 'chain' | 'data' | 'continuity'>> {
  const { entries, records, reviewCopy } = await db.transaction('r', db.tables, async () => ({
    entries: (await db.audit.orderBy('seq').toArray()) as (AuditEntry | WithheldLink)[],
    records: await allRecordStates(db),
    reviewCopy: (await db.meta.get(REVIEW_COPY_KEY)) !== undefined,
  }));
  // A review copy holds a one-assessment bundle's log as it came: the entries about the rest of the
  // owner's workbook are links without content, which the chain accepts there and nowhere else.
  const full = entries.filter((e): e is AuditEntry => !('withheld' in e));
  return {
    chain: verifyChain(entries, { allowWithheld: reviewCopy }),
    data: reconcile(full, records),
    continuity: checkContinuity(entries, anchors),
  };
}

export async function checkIntegrity(
  db: WorkbookDb,
  options: { hasher?: BlobHasher; onProgress?: (done: number, total: number) => void; anchors?: readonly LogAnchor[] } = {},
): Promise<IntegrityReport> {
  const hasher = options.hasher ?? hashBlobHere;
  const log = await checkLog(db, options.anchors);
  const evidence = await db.evidence.where('kind').equals('file').toArray();
  const users = new Map<string, string[]>();
  for (const e of evidence) if (e.sha256) users.set(e.sha256, [...(users.get(e.sha256) ?? []), e.id]);
  const keys = (await db.blobs.toCollection().primaryKeys()) as string[];
  const total = keys.length;
  const blobProblems: BlobProblem[] = [];
  let bytesChecked = 0;
  let done = 0;
  // One file at a time: only one Blob's worth of reading is in flight.
  for (const key of keys) {
    const record = await db.blobs.get(key);
    if (record) {
      const actual = await hasher(record.blob);
      bytesChecked += record.blob.size;
      if (actual !== key) blobProblems.push({ sha256: key, evidenceIds: users.get(key) ?? [], problem: 'changed' });
    }
    done += 1;
    options.onProgress?.(done, total);
  }
  const stored = new Set(keys);
  for (const [sha256, ids] of users) if (!stored.has(sha256)) blobProblems.push({ sha256, evidenceIds: ids, problem: 'missing' });
  return { ...log, filesChecked: keys.length, bytesChecked, blobProblems };
}

/** The change-log entry with this sequence number, if the log has it. */
export function logEntryAt(db: WorkbookDb, seq: number): Promise<AuditEntry | undefined> {
  return db.audit.get(seq);
}

/** The log's length and head now, for the marker and for exports to carry. */
export async function logHead(db: WorkbookDb): Promise<{ count: number; head: string }> {
  const last = await db.audit.orderBy('seq').last();
  return { count: last?.seq ?? 0, head: last?.hash ?? '' };
}
