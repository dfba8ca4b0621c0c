/**
 * The integrity check: the change log's hash chain, and every stored file re-hashed against its key.
 * Each problem names its exact place (the entry's seq, the evidence IDs that use a damaged file).
 */
import { verifyChain, type ChainVerdict } from '../../core/audit/chain';
import type { WorkbookDb } from './database';
import { hashBlobHere, type BlobHasher } from './hashBlob';

export interface BlobProblem {
  sha256: string;
  evidenceIds: string[];
  problem: 'changed' | 'missing';
}

export interface IntegrityReport {
  chain: ChainVerdict;
  filesChecked: number;
  bytesChecked: number;
  blobProblems: BlobProblem[];
}

export async function verifyAudit(db: WorkbookDb): Promise<ChainVerdict> {
  return verifyChain(await db.audit.orderBy('seq').toArray());
}

export async function checkIntegrity(
  db: WorkbookDb,
  options: { hasher?: BlobHasher; onProgress?: (done: number, total: number) => void } = {},
): Promise<IntegrityReport> {
  const hasher = options.hasher ?? hashBlobHere;
  const chain = await verifyAudit(db);
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
  return { chain, filesChecked: keys.length, bytesChecked, blobProblems };
}
