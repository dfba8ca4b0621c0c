/**
 * Every export carries the change log's head; the head and count are also written down here, in the
 * workbook and in the marker outside it, so that a log later cut short or rebuilt no longer extends
 * what was exported, and the integrity check says so.
 */
import type { ChangeLogAttestation } from '../../core/snapshot/snapshot';
import type { LogAnchor } from '../../core/audit/reconcile';
import type { WorkbookDb } from '../db/database';
import { readLastExport, saveLastExport } from '../db/lastExport';
import { markerAnchors, readMarker, recordExport, type LogPoint } from '../workbook/marker';

export async function noteExport(db: WorkbookDb, log: ChangeLogAttestation, what: string): Promise<void> {
  if (!log.verified || log.entries === 0) return;
  const point: LogPoint = { count: log.entries, head: log.headHash, at: new Date().toISOString() };
  // Bookkeeping, not user data: it is not part of the change log it describes.
  await saveLastExport(db, JSON.stringify({ ...point, what }));
  recordExport(db.name, point, what);
}

/** The heads the log must still extend: the last save and export recorded outside, and the export recorded inside. */
export async function logAnchors(db: WorkbookDb): Promise<LogAnchor[]> {
  const anchors = markerAnchors(readMarker(db.name));
  const stored = await readLastExport(db);
  try {
    const point = typeof stored === 'string' ? (JSON.parse(stored) as LogPoint & { what: string }) : null;
    if (point && Number.isSafeInteger(point.count) && typeof point.head === 'string') {
      anchors.push({
        count: point.count,
        head: point.head,
        at: point.at,
        source: `the workbook's record of the last export (${point.what})`,
      });
    }
  } catch {
    // An unreadable record is no anchor; the marker's copy still is.
  }
  return anchors;
}
