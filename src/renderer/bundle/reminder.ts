/**
 * The browser edition cannot write backups on its own, so it reminds: when the oldest change not in any
 * saved bundle is more than a day old. What the last bundle held is written down here when one is saved.
 */
import type { WorkbookDb } from '../db/database';
import { logEntryAt, logHead } from '../db/integrity';

export const REMIND_AFTER_MS = 24 * 60 * 60 * 1000;

const keyOf = (dbName: string) => `csms.lastBundle.${dbName}`;

export function recordBundleSaved(dbName: string, count: number): void {
  try {
    localStorage.setItem(keyOf(dbName), JSON.stringify({ count, at: new Date().toISOString() }));
  } catch {
    // Only the reminder depends on it; at worst it reminds once too often.
  }
}

function savedCount(dbName: string): number {
  try {
    const parsed = JSON.parse(localStorage.getItem(keyOf(dbName)) ?? 'null') as { count?: unknown } | null;
    return typeof parsed?.count === 'number' && Number.isSafeInteger(parsed.count) ? parsed.count : 0;
  } catch {
    return 0;
  }
}

/** When the oldest change not in a saved bundle was made, if that is more than a day ago; otherwise null. */
export async function unsavedSince(db: WorkbookDb, now = Date.now()): Promise<Date | null> {
  const saved = savedCount(db.name);
  const { count } = await logHead(db);
  if (count <= saved) return null;
  const oldest = await logEntryAt(db, saved + 1);
  if (!oldest) return null;
  const at = new Date(oldest.at);
  return now - at.getTime() > REMIND_AFTER_MS ? at : null;
}
