/** Asks the browser once, at first start, to keep the workbook's storage even when the disk runs low. */
import type { WorkbookDb } from '../db/database';
import { readSettings, saveSetting, type Settings } from '../db/repo/settings';

export async function requestPersistenceOnce(db: WorkbookDb): Promise<void> {
  if ((await readSettings(db)).persistence !== 'unknown') return;
  let answer: Settings['persistence'] = 'unsupported';
  if (navigator.storage?.persist) {
    answer = (await navigator.storage.persist()) ? 'granted' : 'denied';
  }
  await saveSetting(db, 'persistence', answer);
}
