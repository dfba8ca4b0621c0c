/**
 * The workbook's own record of the last export (its log head and count), kept in the meta table: it is
 * bookkeeping about the change log, not user data, so it is written outside the log (the write guard
 * lets the meta table through). export/exportAnchor.ts decides what goes in it and how it is read.
 */
import type { WorkbookDb } from './database';

const LAST_EXPORT = 'lastExport';

export async function saveLastExport(db: WorkbookDb, value: string): Promise<void> {
  await db.meta.put({ key: LAST_EXPORT, value });
}

/** As stored: whatever is there (it may be damaged), or undefined. */
export async function readLastExport(db: WorkbookDb): Promise<unknown> {
  return (await db.meta.get(LAST_EXPORT))?.value;
}
