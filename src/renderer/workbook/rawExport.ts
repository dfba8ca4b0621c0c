/**
 * "Export what can be read": reads every store of the database with plain IndexedDB (no schema, no
 * Dexie), so it works when the app cannot open the workbook normally. Records go to data.json, stored
 * files to files/<sha256>, all in one zip.
 */
import { zipSync, strToU8 } from 'fflate';
import { DATABASE_NAME } from '../db/database';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function openRaw(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
    // Opening without a version never upgrades; if the database did not exist, say so rather than create it.
    req.onupgradeneeded = () => {
      req.transaction?.abort();
      reject(new Error('There is no workbook database on this computer.'));
    };
  });
}

export interface RawExport {
  zip: Uint8Array;
  stores: Record<string, number>;
  unreadable: string[];
}

export async function exportRaw(name = DATABASE_NAME): Promise<RawExport> {
  const idb = await openRaw(name);
  const data: Record<string, unknown[]> = {};
  const files: Record<string, Uint8Array> = {};
  const stores: Record<string, number> = {};
  const unreadable: string[] = [];
  try {
    for (const store of Array.from(idb.objectStoreNames)) {
      try {
        const rows = await request(idb.transaction(store, 'readonly').objectStore(store).getAll());
        if (store === 'blobs') {
          for (const row of rows as { sha256: string; blob: Blob }[])
            files[`files/${row.sha256}`] = new Uint8Array(await row.blob.arrayBuffer());
          data[store] = (rows as { sha256: string; size: number }[]).map(({ sha256, size }) => ({ sha256, size }));
        } else {
          data[store] = rows;
        }
        stores[store] = rows.length;
      } catch {
        unreadable.push(store);
      }
    }
  } finally {
    idb.close();
  }
  const manifest = { exportedAt: new Date().toISOString(), database: name, version: idb.version, stores, unreadable };
  // Files are already compressed or not worth compressing again; level 0 keeps this fast.
  const zip = zipSync(
    { 'export.json': strToU8(JSON.stringify(manifest, null, 2)), 'data.json': strToU8(JSON.stringify(data)), ...files },
    { level: 0 },
  );
  return { zip, stores, unreadable };
}
