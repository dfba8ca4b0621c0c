/**
 * The state of a record as the change log records it: SHA-256 over its canonical JSON. Equal records
 * give equal states whatever their key order, so a record can be checked against its last log entry.
 */
import { sha256Hex } from '../hashing/sha256';
import { canonicalJson } from './canonicalJson';

export function recordState(record: unknown): string | null {
  return record === undefined || record === null ? null : sha256Hex(canonicalJson(record));
}
