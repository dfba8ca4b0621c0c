/**
 * The integrity check: the change log's hash chain; the data against the log (every record as its last
 * entry recorded it, none without one); the log against the heads written down outside it (the marker,
 * the last export); and every stored file re-hashed against its key. Each problem names its exact place.
 */
import { verifyChain, type AuditEntity, type AuditEntry, type ChainVerdict, type WithheldLink } from '../../core/audit/chain';
import { checkLogData, type LogCheckInput, type LoggedRecord } from '../../core/audit/logCheck';
import type { ContinuityVerdict, DataVerdict, LogAnchor } from '../../core/audit/reconcile';
import type { WorkbookDb } from './database';
import { ENTITY_TABLES } from './entities';
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

/**
 * What the log's verdict is computed from, read in one read-only transaction: the log (withheld links
 * included), every logged record as stored with its log ID, and whether this is a review copy (only a
 * review copy may hold a one-assessment bundle's withheld entries). Only reads: hashing happens after,
 * here or in a worker.
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

/** Chain, data and continuity in one consistent read; the verdict is the one rule in core (checkLogData). */
export async function checkLog(
  db: WorkbookDb,
  anchors: readonly LogAnchor[] = [],
): Promise<Pick<IntegrityReport, 'chain' | 'data' | 'continuity'>> {
  return checkLogData({ ...(await readLogForCheck(db)), anchors });
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
