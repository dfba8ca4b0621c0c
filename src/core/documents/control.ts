/**
 * Document control shared by the four documents of one export: a reference per document, the revision
 * (counted by the workbook, one per export action), the export ID and the digest of the records the
 * set was built from. Every document of one export carries the same export ID and digest, so a reader
 * can tell whether two documents belong together.
 */
import { canonicalJson } from '../audit/canonicalJson';
import { sha256 } from '@noble/hashes/sha2';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils';
import { sha256Hex } from '../hashing/sha256';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import type { DocumentKind } from './build';
import { oneLine } from './text';

export interface ExportControl {
  /** Counted by the workbook: 1 for the first export of an assessment, one more for each export after. */
  revision: number;
  /** One per export action, the same on every document of it. */
  exportId: string;
  /** SHA-256 (hex) of the canonical JSON of the records the documents were built from. */
  digest: string;
}

export const REFERENCE_SUFFIX: Record<DocumentKind, string> = { report: 'RPT', soa: 'SOA', plan: 'PLN', register: 'REG' };

/**
 * The records the documents read, without what is derived (scores, the change-log verdict) or what
 * says when and by what they were printed: the same records always give the same digest.
 */
export function recordsDigest(snapshot: WorkbookSnapshot): string {
  const { scores: _scores, changeLog: _log, generatedAt: _at, app: _app, lastChange: _last, ...records } = snapshot;
  return streamedDigest(records);
}

/**
 * sha256Hex(canonicalJson(value)) for a record object, written a list item at a time into the hash so a
 * workbook of tens of thousands of evidence items and links is never one string of tens of megabytes.
 */
function streamedDigest(value: Record<string, unknown>): string {
  const hash = sha256.create();
  let pending = '';
  const write = (text: string) => {
    pending += text;
    if (pending.length >= 1 << 16) {
      hash.update(utf8ToBytes(pending));
      pending = '';
    }
  };
  const keys = Object.keys(value)
    .filter((key) => value[key] !== undefined)
    .sort();
  write('{');
  keys.forEach((key, i) => {
    const member = value[key];
    write(`${i ? ',' : ''}${JSON.stringify(key)}:`);
    if (!Array.isArray(member)) return write(canonicalJson(member));
    write('[');
    member.forEach((item: unknown, j) => write(`${j ? ',' : ''}${canonicalJson(item === undefined ? null : item)}`));
    write(']');
  });
  write('}');
  hash.update(utf8ToBytes(pending));
  return bytesToHex(hash.digest());
}

/** "EXP-" and ten hexadecimal digits from the random bytes the caller draws (the core draws none). */
export function formatExportId(random: Uint8Array): string {
  if (random.length < 5) throw new RangeError('an export ID needs at least five random bytes');
  return `EXP-${[...random.subarray(0, 5)]
    .map((b) => b.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase()}`;
}

/** A whole number from 1 up, as the command line and the workbook give it. */
export function isRevision(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/**
 * The control of one export. Without an export ID from the caller, one is derived from the digest and
 * the moment of printing, so documents built from one snapshot still share it.
 */
export function exportControl(snapshot: WorkbookSnapshot, given: Partial<Omit<ExportControl, 'digest'>> = {}): ExportControl {
  const digest = recordsDigest(snapshot);
  const exportId = given.exportId ?? `EXP-${sha256Hex(`${digest} ${snapshot.generatedAt}`).slice(0, 10).toUpperCase()}`;
  return { revision: isRevision(given.revision) ? given.revision : 1, exportId, digest };
}

/** Initials of the site's words in Latin letters (accents dropped); "SITE" when none are left. */
function siteInitials(name: string): string {
  const words = oneLine(name)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  const initials = words.map((w) => (/^\d+$/.test(w) ? w : w[0]!)).join('');
  return initials.toUpperCase().slice(0, 6) || 'SITE';
}

/** The assessment's part of the reference: the period's first year and the start of its record ID. */
function assessmentPart(snapshot: WorkbookSnapshot): string {
  const year = /^\d{4}/.exec(snapshot.assessment.periodStart)?.[0] ?? '0000';
  const id =
    snapshot.assessment.id
      .replace(/[^A-Za-z0-9]/g, '')
      .toUpperCase()
      .slice(0, 6) || 'A';
  return `${year}-${id}`;
}

/** e.g. "RWTP-2026-SAMPLE-SOA": site, assessment and kind, in characters every system prints alike. */
export function documentReference(snapshot: WorkbookSnapshot, kind: DocumentKind): string {
  return `${siteInitials(snapshot.site.name)}-${assessmentPart(snapshot)}-${REFERENCE_SUFFIX[kind]}`;
}
