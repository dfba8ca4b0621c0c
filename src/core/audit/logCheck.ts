/**
 * The change log's verdict from what was read in one transaction: the chain, every record against the
 * state its last entry recorded, and the log against the heads written down outside it. The same
 * verdict as the integrity check, in a form a worker can run on data posted to it.
 */
import { verifyChain, type AuditEntity, type AuditEntry, type ChainVerdict, type WithheldLink } from './chain';
import { checkContinuity, reconcile, type ContinuityVerdict, type DataVerdict, type LogAnchor, type RecordDigest } from './reconcile';
import { recordState } from './recordState';

/** A record as stored, with the entity and log ID its entries use. */
export interface LoggedRecord {
  entity: AuditEntity;
  id: string;
  record: unknown;
}

export interface LogCheckInput {
  entries: readonly (AuditEntry | WithheldLink)[];
  records: readonly LoggedRecord[];
  /** The workbook is a review copy: only there may the log hold entries whose content stayed behind. */
  reviewCopy: boolean;
  anchors: readonly LogAnchor[];
}

export interface LogCheckReport {
  chain: ChainVerdict;
  data: DataVerdict;
  continuity: ContinuityVerdict;
}

/** 'chain': entries hashed so far; 'records': records hashed so far. */
export type LogCheckProgress = (stage: 'chain' | 'records', done: number, total: number) => void;

const RECORDS_STEP = 500;

export function checkLogData(input: LogCheckInput, onProgress?: LogCheckProgress): LogCheckReport {
  const chain = verifyChain(input.entries, {
    allowWithheld: input.reviewCopy,
    ...(onProgress ? { onProgress: (done: number, total: number) => onProgress('chain', done, total) } : {}),
  });
  const digests: RecordDigest[] = [];
  const total = input.records.length;
  for (const [i, { entity, id, record }] of input.records.entries()) {
    if (i % RECORDS_STEP === 0) onProgress?.('records', i, total);
    digests.push({ entity, id, state: recordState(record)! });
  }
  onProgress?.('records', total, total);
  // Withheld entries say nothing about records: only full entries are compared with the data.
  const full = input.entries.filter((e): e is AuditEntry => !('withheld' in e));
  return { chain, data: reconcile(full, digests), continuity: checkContinuity(input.entries, input.anchors) };
}
