/**
 * The change log's hash chain. Each entry's hash is SHA-256 over the previous hash and the canonical
 * JSON of the entry, so changing, removing or reordering any entry breaks every hash after it.
 */
import { sha256Hex, SHA256_HEX } from '../hashing/sha256';
import { canonicalJson } from './canonicalJson';

export const GENESIS_HASH = '0'.repeat(64);

export type AuditEntity =
  'organization' | 'site' | 'person' | 'assessment' | 'response' | 'evidence' | 'link' | 'action' | 'settings' | 'overlay' | 'review';

/**
 * What changed: the fields before and after, or the whole record on create/delete; `reason` where a
 * change needs one (reopening). `state` is the SHA-256 of the record as the change left it (null once
 * deleted), so the log can be checked against the data itself; entries written before states were
 * recorded have none. A `baseline` entry records the state of a record found when states began.
 */
export interface AuditContent {
  seq: number;
  at: string;
  actor: string;
  entity: AuditEntity;
  id: string;
  change: { op: 'create' | 'update' | 'delete' | 'baseline'; before?: unknown; after?: unknown; reason?: string };
  state?: string | null;
}

export interface AuditEntry extends AuditContent {
  prevHash: string;
  hash: string;
}

export function hashEntry(prevHash: string, content: AuditContent): string {
  return sha256Hex(prevHash + canonicalJson(content));
}

export function chainEntry(previous: Pick<AuditEntry, 'seq' | 'hash'> | undefined, content: Omit<AuditContent, 'seq'>): AuditEntry {
  const prevHash = previous?.hash ?? GENESIS_HASH;
  const full: AuditContent = { ...content, seq: (previous?.seq ?? 0) + 1 };
  return { ...full, prevHash, hash: hashEntry(prevHash, full) };
}

export type ChainVerdict =
  { ok: true; count: number; head: string; first?: string; last?: string } | { ok: false; seq: number; reason: string; count: number };

/**
 * An entry whose content stayed behind (a one-assessment bundle leaves out the entries about the rest
 * of the workbook): its place and hashes link the chain, but its own hash cannot be recomputed.
 */
export interface WithheldLink {
  seq: number;
  withheld: true;
  prevHash: string;
  hash: string;
}

export interface VerifyChainOptions {
  allowWithheld?: boolean;
  /** Told the entries checked so far every `progressEvery` entries (1,000 unless given), for a progress line. */
  onProgress?: (done: number, total: number) => void;
  progressEvery?: number;
}

/**
 * Checks entries in order of seq; the first broken entry is named with the reason. Withheld entries
 * are accepted only where the caller says so (a bundle); the workbook's own log never has any.
 */
export function verifyChain(entries: readonly (AuditEntry | WithheldLink)[], options: VerifyChainOptions = {}): ChainVerdict {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  const full = entries.filter((e): e is AuditEntry => !('withheld' in e));
  const every = Math.max(1, options.progressEvery ?? 1000);
  for (const entry of entries) {
    if (options.onProgress && (expectedSeq - 1) % every === 0) options.onProgress(expectedSeq - 1, entries.length);
    const fail = (reason: string): ChainVerdict => ({ ok: false, seq: entry.seq, reason, count: entries.length });
    if (entry.seq !== expectedSeq) return fail(`entry ${expectedSeq} is missing (found ${entry.seq} in its place)`);
    if (entry.prevHash !== prevHash) return fail('its link to the previous entry does not match');
    if (!SHA256_HEX.test(entry.hash)) return fail('its hash is not a SHA-256 value');
    if ('withheld' in entry) {
      if (!options.allowWithheld) return fail('its content is missing');
      prevHash = entry.hash;
      expectedSeq += 1;
      continue;
    }
    const { prevHash: _p, hash, ...content } = entry;
    let recomputed: string;
    try {
      recomputed = hashEntry(prevHash, content);
    } catch {
      return fail('its content cannot be read');
    }
    if (recomputed !== hash) return fail('its content was changed after it was written');
    prevHash = hash;
    expectedSeq += 1;
  }
  options.onProgress?.(entries.length, entries.length);
  return { ok: true, count: entries.length, head: prevHash, first: full[0]?.at, last: full.at(-1)?.at };
}
