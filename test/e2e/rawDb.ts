/**
 * Raw IndexedDB access for end-to-end tests: reads and tampers with the workbook's databases through the
 * browser's own IndexedDB API in the page, never through the app's code, to see (and change) what is
 * really on disk.
 */
import type { Page } from 'playwright-core';

export interface RawSnapshot {
  /** Row count of every object store. */
  counts: Record<string, number>;
  /** Every store's keys and values, serialized exactly (Blobs as their type and bytes in base64). */
  contents: Record<string, string>;
}

/** The names of the origin's databases, as indexedDB.databases() lists them. */
export function databaseNames(page: Page): Promise<string[]> {
  return page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').sort());
}

/** Every store of `dbName`, raw; the database must exist (opening a missing one would create it). */
export function snapshotDb(page: Page, dbName: string): Promise<RawSnapshot> {
  return page.evaluate(async (name) => {
    if (!(await indexedDB.databases()).some((d) => d.name === name)) throw new Error(`There is no database ${name}.`);
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const raw: Record<string, { keys: unknown[]; values: unknown[] }> = {};
    try {
      const names = [...db.objectStoreNames];
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(names, 'readonly');
        for (const store of names) {
          const entry = { keys: [] as unknown[], values: [] as unknown[] };
          raw[store] = entry;
          const keys = tx.objectStore(store).getAllKeys();
          keys.onsuccess = () => (entry.keys = keys.result);
          const values = tx.objectStore(store).getAll();
          values.onsuccess = () => (entry.values = values.result);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
    } finally {
      db.close();
    }
    const toBase64 = (bytes: Uint8Array) => {
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      return btoa(text);
    };
    // Exact, type-preserving text of a structured-clone value: undefined members and key order kept.
    const serialize = async (value: unknown): Promise<string> => {
      if (value === undefined) return 'undefined';
      if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
      if (typeof value === 'number') return Object.is(value, -0) ? '-0' : String(value);
      if (typeof value === 'bigint') return `${value}n`;
      if (value instanceof Date) return `Date(${value.toISOString()})`;
      if (value instanceof Blob)
        return `Blob(${JSON.stringify(value.type)},${value.size},${toBase64(new Uint8Array(await value.arrayBuffer()))})`;
      if (value instanceof ArrayBuffer) return `ArrayBuffer(${toBase64(new Uint8Array(value))})`;
      if (ArrayBuffer.isView(value))
        return `${value.constructor.name}(${toBase64(new Uint8Array(value.buffer, value.byteOffset, value.byteLength))})`;
      if (Array.isArray(value)) return `[${(await Promise.all(value.map(serialize))).join(',')}]`;
      if (value instanceof Map) return `Map${await serialize([...value.entries()])}`;
      if (value instanceof Set) return `Set${await serialize([...value.values()])}`;
      const members: string[] = [];
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) members.push(`${JSON.stringify(k)}:${await serialize(v)}`);
      return `{${members.join(',')}}`;
    };
    const counts: Record<string, number> = {};
    const contents: Record<string, string> = {};
    for (const [store, { keys, values }] of Object.entries(raw)) {
      counts[store] = values.length;
      const rows: string[] = [];
      for (let i = 0; i < values.length; i++) rows.push(`${await serialize(keys[i])} => ${await serialize(values[i])}`);
      contents[store] = rows.join('\n');
    }
    return { counts, contents };
  }, dbName);
}

/** The marker the app keeps in localStorage for `dbName`, parsed (null when there is none). */
export function readMarker(page: Page, dbName = 'csms-workbook'): Promise<{ count: number; head: string; at: string } | null> {
  return page.evaluate((name) => {
    const raw = localStorage.getItem(`csms.marker.${name}`);
    return raw ? (JSON.parse(raw) as { count: number; head: string; at: string }) : null;
  }, dbName);
}

/** The highest seq and its hash in the change log of `dbName`. */
export function auditHead(page: Page, dbName = 'csms-workbook'): Promise<{ count: number; head: string }> {
  return page.evaluate(
    (name) =>
      new Promise<{ count: number; head: string }>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('audit', 'readonly').objectStore('audit').openCursor(null, 'prev');
          request.onsuccess = () => {
            const entry = request.result?.value as { seq: number; hash: string } | undefined;
            db.close();
            resolve({ count: entry?.seq ?? 0, head: entry?.hash ?? '' });
          };
          request.onerror = () => {
            db.close();
            reject(request.error);
          };
        };
      }),
    dbName,
  );
}

/** Deletes the `n` change-log entries with the highest seq. Returns the seqs removed. */
export function dropLastAuditEntries(page: Page, n: number, dbName = 'csms-workbook'): Promise<number[]> {
  return page.evaluate(
    ({ name, n }) =>
      new Promise<number[]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('audit', 'readwrite');
          const store = tx.objectStore('audit');
          const removed: number[] = [];
          const keys = store.getAllKeys();
          keys.onsuccess = () => {
            for (const key of (keys.result as number[]).sort((a, b) => a - b).slice(-n)) {
              store.delete(key);
              removed.push(key);
            }
          };
          tx.oncomplete = () => {
            db.close();
            resolve(removed);
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
    { name: dbName, n },
  );
}

/** Empties every store of `dbName` in one transaction, as if it had been recreated with nothing in it. */
export function clearAllStores(page: Page, dbName = 'csms-workbook'): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = [...db.objectStoreNames];
          const tx = db.transaction(names, 'readwrite');
          for (const store of names) tx.objectStore(store).clear();
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => {
            db.close();
            reject(tx.error);
          };
        };
      }),
    dbName,
  );
}

/** Deletes a database; rejects if another connection blocks it (the app must not be open in any page). */
export function deleteDatabase(page: Page, dbName = 'csms-workbook'): Promise<void> {
  return page.evaluate(
    (name) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.deleteDatabase(name);
        request.onsuccess = () => resolve();
        request.onerror = () => reject(request.error);
        request.onblocked = () => reject(new Error(`Deleting ${name} is blocked by an open connection.`));
      }),
    dbName,
  );
}

/** Changes the response of `requirementId` (the first assessment found) directly in the store; returns its key. */
export function editResponse(
  page: Page,
  requirementId: string,
  changes: Record<string, unknown>,
  dbName = 'csms-workbook',
): Promise<[string, string]> {
  return page.evaluate(
    ({ name, requirementId, changes }) =>
      new Promise<[string, string]>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction('responses', 'readwrite');
          const store = tx.objectStore('responses');
          let key: [string, string] | null = null;
          const all = store.getAll();
          all.onsuccess = () => {
            const record = (all.result as Record<string, unknown>[]).find((r) => r.requirementId === requirementId);
            if (!record) return tx.abort();
            key = [String(record.assessmentId), requirementId];
            store.put({ ...record, ...changes });
          };
          tx.oncomplete = () => {
            db.close();
            if (key) resolve(key);
            else reject(new Error(`No response to ${requirementId}.`));
          };
          tx.onabort = () => {
            db.close();
            reject(tx.error ?? new Error(`No response to ${requirementId}.`));
          };
        };
      }),
    { name: dbName, requirementId, changes },
  );
}

/**
 * Rebuilds the whole change log of `dbName` as a forger with access to the database would: every entry's
 * prevHash and hash recomputed (SHA-256 over prevHash + canonical JSON of the entry without them), and the
 * `state` of the last entry of each record recomputed from the record as stored now. Returns the new head.
 */
export function rebuildChain(page: Page, dbName = 'csms-workbook'): Promise<{ count: number; head: string; restated: string[] }> {
  return page.evaluate(async (name) => {
    const canonicalJson = (value: unknown): string => {
      if (value === null) return 'null';
      switch (typeof value) {
        case 'string':
        case 'boolean':
          return JSON.stringify(value);
        case 'number':
          return JSON.stringify(Object.is(value, -0) ? 0 : value);
        case 'object': {
          if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
          const record = value as Record<string, unknown>;
          const members = Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort()
            .map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`);
          return `{${members.join(',')}}`;
        }
        default:
          throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
      }
    };
    const sha256 = async (text: string) =>
      [...new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)))]
        .map((b) => b.toString(16).padStart(2, '0'))
        .join('');
    // Where each entity's records live and how a record's log ID is made (as src/renderer/db/entities.ts).
    const tables: Record<string, { store: string; id: (r: Record<string, unknown>) => string }> = {
      organization: { store: 'organization', id: (r) => String(r.id) },
      site: { store: 'sites', id: (r) => String(r.id) },
      person: { store: 'people', id: (r) => String(r.id) },
      assessment: { store: 'assessments', id: (r) => String(r.id) },
      response: { store: 'responses', id: (r) => `${String(r.assessmentId)}|${String(r.requirementId)}` },
      evidence: { store: 'evidence', id: (r) => String(r.id) },
      link: { store: 'links', id: (r) => `${String(r.evidenceId)}|${String(r.assessmentId)}|${String(r.requirementId)}` },
      action: { store: 'actions', id: (r) => String(r.id) },
      settings: { store: 'settings', id: (r) => String(r.key) },
      overlay: { store: 'overlays', id: (r) => String(r.catalogueId) },
    };
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open(name);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      const stores = ['audit', ...new Set(Object.values(tables).map((t) => t.store))].filter((s) => db.objectStoreNames.contains(s));
      const read: Record<string, Record<string, unknown>[]> = {};
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(stores, 'readonly');
        for (const store of stores) {
          const all = tx.objectStore(store).getAll();
          all.onsuccess = () => (read[store] = all.result as Record<string, unknown>[]);
        }
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      type Entry = Record<string, unknown> & { seq: number; entity: string; id: string; prevHash: string; hash: string };
      const entries = (read.audit as Entry[]).sort((a, b) => a.seq - b.seq);
      // The state of every record as stored now, by entity and log ID.
      const now = new Map<string, string>();
      for (const [entity, spec] of Object.entries(tables)) {
        for (const record of read[spec.store] ?? []) now.set(`${entity}\u0000${spec.id(record)}`, await sha256(canonicalJson(record)));
      }
      const lastOf = new Map<string, Entry>();
      for (const entry of entries) lastOf.set(`${entry.entity}\u0000${entry.id}`, entry);
      const restated: string[] = [];
      for (const [k, entry] of lastOf) {
        const state = now.get(k);
        if (state !== undefined && typeof entry.state === 'string' && entry.state !== state) {
          entry.state = state;
          restated.push(`${entry.seq} ${entry.entity} ${entry.id}`);
        }
      }
      // Hashed before the write transaction: awaiting crypto inside one would end it early.
      let prevHash = '0'.repeat(64);
      for (const entry of entries) {
        const { prevHash: _p, hash: _h, ...content } = entry;
        entry.prevHash = prevHash;
        entry.hash = await sha256(prevHash + canonicalJson(content));
        prevHash = entry.hash;
      }
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction('audit', 'readwrite');
        for (const entry of entries) tx.objectStore('audit').put(entry);
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      return { count: entries.length, head: prevHash, restated };
    } finally {
      db.close();
    }
  }, dbName);
}
