/** Saves a raw copy of everything the database still holds, read without Dexie, and says what it saved. */
import { platform } from '../platform';

export async function saveRecoveryCopy(dbName: string): Promise<string> {
  try {
    const { exportRaw } = await import('./rawExport');
    const result = await exportRaw(dbName);
    const saved = await platform.saveFile({
      suggestedName: `csms-workbook-recovery-${new Date().toISOString().slice(0, 10)}.zip`,
      bytes: result.zip,
      filters: [{ name: 'Zip archive', extensions: ['zip'] }],
    });
    const counts = Object.entries(result.stores)
      .map(([store, n]) => `${store}: ${n}`)
      .join(', ');
    if (!saved.ok) return `The copy could not be saved: ${saved.error}`;
    if (!saved.value.saved) return 'Nothing was saved.';
    return `Saved a copy (${counts}).${result.unreadable.length ? ` Could not read: ${result.unreadable.join(', ')}.` : ''}`;
  } catch (e) {
    return `Nothing could be read: ${(e as Error).message}`;
  }
}
