/**
 * The workbook bundle (.csmsx): a zip that carries a workbook, or one assessment of it, between
 * machines and into backups. What it holds is records and the change log, never a figure computed
 * from them: every reader recomputes scores and re-checks the log. See docs/bundle-format.md.
 */

/**
 * 3: records.json holds the independent reviews (`reviews`); older bundles have none.
 * 2: every change-log entry records the state its record was left in.
 * 1: entries carry no states; reading one appends a baseline entry per record (upgrade.ts).
 */
export const BUNDLE_FORMAT_VERSION = 3;
export const OLDEST_BUNDLE_FORMAT = 1;

export const BUNDLE_EXTENSION = 'csmsx';
export const BUNDLE_MEDIA_TYPE = 'application/vnd.csms-workbook.bundle+zip';

export const BUNDLE_PATHS = {
  /** Format, app, creation time, scope and the change log's head and length. */
  header: 'bundle.json',
  /** Every record, grouped by kind. */
  records: 'records.json',
  /** The change log, one entry per line, in order. */
  log: 'changelog.jsonl',
  /** `sha256sum -c` lines over every other file of the bundle. */
  manifest: 'manifest-sha256.txt',
  /** evidence/<sha256>: each distinct evidence file once, named by its hash. */
  evidenceDir: 'evidence/',
} as const;

const MIB = 1024 * 1024;
const GIB = 1024 * MIB;

/**
 * Caps checked before or while a bundle is read; sizes are counted as the bytes come out, never taken
 * from what the archive declares. A real workbook is far inside every one of them.
 */
export const BUNDLE_LIMITS = {
  /** Files in the archive: four of ours plus the evidence. */
  entries: 50_000,
  nameChars: 200,
  /** One evidence file: the largest the app accepts (Settings caps files at 4 GiB). */
  evidenceBytes: 4 * GIB,
  /** All files together, uncompressed. */
  totalBytes: 64 * GIB,
  /** bundle.json and the manifest. */
  smallFileBytes: 4 * MIB,
  /** records.json and changelog.jsonl. */
  dataFileBytes: 512 * MIB,
  /** One line of the change log. */
  logLineChars: 2 * MIB,
  logEntries: 2_000_000,
  /** Uncompressed bytes per compressed byte, for compressed entries (JSON compresses about 10:1). */
  ratio: 200,
  /** Nesting of records and log entries. */
  depth: 16,
  /** Values in records.json. */
  values: 20_000_000,
  /** Records of each kind. */
  records: 500_000,
} as const;

export type BundleScope = { kind: 'workbook' } | { kind: 'assessment'; assessmentId: string };

/** evidence/<sha256> */
export function evidenceEntryName(sha256: string): string {
  return `${BUNDLE_PATHS.evidenceDir}${sha256}`;
}
