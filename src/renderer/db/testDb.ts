/** A fresh workbook database per test, in fake-indexeddb, with a site and an assessment to work in. */
import 'fake-indexeddb/auto';
import { openWorkbook, type WorkbookDb } from './database';
import { createAssessment } from './repo/assessments';
import { addSite } from './repo/people';

let counter = 0;

export async function freshDb(): Promise<WorkbookDb> {
  counter += 1;
  return openWorkbook(`test-${Date.now()}-${counter}-${Math.random().toString(36).slice(2)}`);
}

export async function dbWithAssessment() {
  const db = await freshDb();
  const site = await addSite(db, { name: 'Riverside water treatment plant', location: 'North valley' });
  const assessment = await createAssessment(db, {
    name: '2026 self-assessment',
    siteId: site.id,
    catalogueId: 'iec-62443-2-1-2024',
    catalogueVersion: '1.0.0',
    periodStart: '2026-01-01',
    periodEnd: '2026-06-30',
    scope: ['ORG', 'NET'],
    defaultTargetLevel: 2,
  });
  return { db, site, assessment };
}

export const fileOf = (name: string, content: string | Uint8Array, type = 'text/plain') => ({
  name,
  type,
  blob: new Blob([content as BlobPart], { type }),
});

/** An IndexedDB request as a promise. */
export function idbRequest<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/**
 * Changes a store the way someone going around the app would: with the raw IndexedDB API under Dexie,
 * past the write guard and the change log. For tests that damage a workbook on purpose.
 */
export async function tamper<T>(db: WorkbookDb, storeName: string, work: (store: IDBObjectStore) => T | Promise<T>): Promise<T> {
  const tx = db.backendDB().transaction(storeName, 'readwrite');
  const done = new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error ?? new Error('The tampering transaction was aborted.'));
  });
  const result = await work(tx.objectStore(storeName));
  await done;
  return result;
}

/** Changes fields of one stored record, around the app (see tamper). */
export function tamperRecord(db: WorkbookDb, storeName: string, key: IDBValidKey, fields: Record<string, unknown>): Promise<void> {
  return tamper(db, storeName, async (store) => {
    const record = (await idbRequest(store.get(key))) as Record<string, unknown> | undefined;
    if (!record) throw new Error(`No record ${JSON.stringify(key)} in ${storeName} to tamper with.`);
    await idbRequest(store.put({ ...record, ...fields }));
  });
}
