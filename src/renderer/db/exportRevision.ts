/**
 * The revision of each assessment's documents: one more for each export action, kept in the meta table
 * as JSON of assessment ID → last revision exported. It is bookkeeping about exports, not user data,
 * so it is written outside the change log (the write guard lets the meta table through). A workbook
 * bundle does not carry it: a restored workbook starts counting again from its first export.
 */
import type { WorkbookDb } from './database';

const KEY = 'exportRevisions';

/** The stored map, with anything damaged or not a whole number from 1 left out. */
function parse(value: unknown): Record<string, number> {
  if (typeof value !== 'string') return {};
  try {
    const parsed: unknown = JSON.parse(value);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).filter((entry): entry is [string, number] => Number.isSafeInteger(entry[1]) && (entry[1] as number) >= 1),
    );
  } catch {
    return {};
  }
}

/** The last revision exported for the assessment; 0 before its first export. */
export async function lastExportRevision(db: WorkbookDb, assessmentId: string): Promise<number> {
  const stored = parse((await db.meta.get(KEY))?.value);
  return Object.hasOwn(stored, assessmentId) ? stored[assessmentId]! : 0;
}

/**
 * Records that the assessment's documents were exported at this revision. Read and written in one
 * transaction, and never lowered, so a slower export finishing second cannot undo a later one.
 */
export async function recordExportRevision(db: WorkbookDb, assessmentId: string, revision: number): Promise<void> {
  if (!Number.isSafeInteger(revision) || revision < 1) throw new RangeError('a revision is a whole number from 1');
  await db.transaction('rw', db.meta, async () => {
    const stored = parse((await db.meta.get(KEY))?.value);
    const last = Object.hasOwn(stored, assessmentId) ? stored[assessmentId]! : 0;
    if (revision > last) await db.meta.put({ key: KEY, value: JSON.stringify({ ...stored, [assessmentId]: revision }) });
  });
}
