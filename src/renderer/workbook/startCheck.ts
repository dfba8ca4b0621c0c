/**
 * At start, the user's workbook is compared with the marker kept outside the database. A database
 * that is missing or whose log is shorter than the marker says must not open on first start as if
 * nothing had been there: that is how a full disk silently cost users their workbook.
 */
import type { WorkbookDb } from '../db/database';
import { logEntryAt, logHead } from '../db/integrity';
import { readMarkerEverywhere, recordSave } from './marker';

export async function checkAgainstMarker(db: WorkbookDb): Promise<string | null> {
  const marker = await readMarkerEverywhere(db.name);
  const now = await logHead(db);
  if (!marker || marker.count === 0) {
    if (now.count > 0) recordSave(db.name, { ...now, at: new Date().toISOString() });
    return null;
  }
  const when = new Date(marker.at).toLocaleString();
  if (now.count === 0) {
    return `This computer held a workbook with ${marker.count} recorded changes (last saved ${when}), but the database is now empty: it was probably lost when the disk ran full.`;
  }
  if (now.count < marker.count) {
    return `The workbook's change log has ${now.count} entries, but this computer recorded ${marker.count} at the last save (${when}): recent changes are missing.`;
  }
  const entry = await logEntryAt(db, marker.count);
  if (entry?.hash !== marker.head) {
    return `The workbook's change log no longer matches what this computer recorded at the last save (${when}): it was changed outside the app.`;
  }
  return null;
}
