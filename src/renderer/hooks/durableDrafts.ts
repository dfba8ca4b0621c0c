/**
 * A copy of the drafts in IndexedDB, written as the user types. localStorage commits to disk only
 * seconds later in Chromium, so a browser killed (SIGTERM to its process group) just after typing
 * loses it; an IndexedDB write started at the keystroke has landed. Measured here: writes started
 * 50 ms before the kill survived. One write in flight per draft; newer text replaces queued text.
 */

import { ensureSpace } from '../db/space';

const DATABASE = 'csms-drafts';

const hasRoom = () =>
  ensureSpace(0).then(
    () => true,
    () => false,
  );
const STORE = 'drafts';

type Op = { kind: 'put'; raw: string } | { kind: 'delete' };

let connection: Promise<IDBDatabase | null> | null = null;
const queued = new Map<string, Op>();
const running = new Map<string, Promise<void>>();

function open(): Promise<IDBDatabase | null> {
  connection ??= new Promise((resolve) => {
    if (typeof indexedDB === 'undefined') return resolve(null);
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(STORE);
    request.onsuccess = () => {
      const idb = request.result;
      // Another tab upgrading (a newer app) must not be blocked by this one.
      idb.onversionchange = () => {
        idb.close();
        connection = null;
      };
      resolve(idb);
    };
    // Without it the drafts still live in localStorage.
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return connection;
}

function apply(idb: IDBDatabase, key: string, op: Op): Promise<void> {
  return new Promise((resolve) => {
    // Relaxed: the write survives the browser process dying (measured); strict would fsync on every keystroke.
    const tx = idb.transaction(STORE, 'readwrite', { durability: 'relaxed' });
    if (op.kind === 'put') tx.objectStore(STORE).put(op.raw, key);
    else tx.objectStore(STORE).delete(key);
    tx.oncomplete = () => resolve();
    tx.onerror = () => resolve();
    tx.onabort = () => resolve();
  });
}

async function pump(key: string): Promise<void> {
  try {
    const idb = await open();
    for (let op = queued.get(key); op; op = queued.get(key)) {
      queued.delete(key);
      // All of the origin's databases share one store, which a write failing on a full disk can damage:
      // on a full disk the draft stays in localStorage only.
      if (idb && (await hasRoom())) await apply(idb, key, op);
    }
  } finally {
    running.delete(key);
  }
}

function enqueue(key: string, op: Op): void {
  // Only the newest state of a draft matters: it replaces whatever is queued and not yet started.
  queued.set(key, op);
  if (!running.has(key)) running.set(key, pump(key));
}

export function mirrorPut(key: string, raw: string): void {
  enqueue(key, { kind: 'put', raw });
}

export function mirrorDelete(key: string): void {
  enqueue(key, { kind: 'delete' });
}

/** The drafts whose key starts with `prefix`, as stored; none when IndexedDB cannot be opened. */
export async function readDurableDrafts(prefix: string): Promise<Array<{ key: string; raw: string }>> {
  // A read sees the writes already asked for.
  await Promise.all(running.values());
  const idb = await open();
  if (!idb) return [];
  return new Promise((resolve) => {
    const found: Array<{ key: string; raw: string }> = [];
    const tx = idb.transaction(STORE, 'readonly');
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const cursor = tx.objectStore(STORE).openCursor(range);
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      if (typeof at.value === 'string') found.push({ key: String(at.key), raw: at.value });
      at.continue();
    };
    tx.oncomplete = () => resolve(found);
    tx.onerror = () => resolve(found);
    tx.onabort = () => resolve(found);
  });
}
