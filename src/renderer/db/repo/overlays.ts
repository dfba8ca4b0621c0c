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

/** The licensed text imported for a catalogue, or null when there is none. */
export async function getOverlay(db: WorkbookDb, catalogueId: string): Promise<OverlayRecord | null> {
  return (await db.overlays.get(catalogueId)) ?? null;
}
