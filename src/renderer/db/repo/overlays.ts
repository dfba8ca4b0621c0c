/** The licensed-text overlay, stored on this machine only. */
import type { OverlayEntry } from '../../../core/catalogue/overlay';
import type { WorkbookDb } from '../database';
import { mutate, nowIso } from '../mutate';
import type { OverlayRecord } from '../records';

export async function saveOverlay(db: WorkbookDb, catalogueId: string, fileName: string, entries: OverlayEntry[]): Promise<OverlayRecord> {
  return mutate(db, async (m) => {
    const before = await db.overlays.get(catalogueId);
    const record: OverlayRecord = { catalogueId, fileName, importedAt: nowIso(), entries };
    await db.overlays.put(record);
    // The log records that licensed text was imported, not the text itself.
    m.log('overlay', catalogueId, { op: before ? 'update' : 'create', after: { fileName, entries: entries.length } });
    return record;
  });
}

export async function removeOverlay(db: WorkbookDb, catalogueId: string): Promise<void> {
  await mutate(db, async (m) => {
    if (!(await db.overlays.get(catalogueId))) return;
    await db.overlays.delete(catalogueId);
    m.log('overlay', catalogueId, { op: 'delete' });
  });
}

export async function overlayMap(db: WorkbookDb, catalogueId: string): Promise<Map<string, OverlayEntry>> {
  const record = await db.overlays.get(catalogueId);
  return new Map((record?.entries ?? []).map((e) => [e.id, e]));
}
