/** The UI's file hasher: one shared worker, requests matched to replies by id. */
import type { BlobHasher } from '../db/hashBlob';
import type { HashReply, HashRequest } from './hash.worker';

let worker: Worker | null = null;
let nextId = 1;
const waiting = new Map<number, { resolve: (sha: string) => void; reject: (e: Error) => void; onProgress?: (bytes: number) => void }>();

function getWorker(): Worker {
  if (worker) return worker;
  worker = new Worker(new URL('./hash.worker.ts', import.meta.url), { type: 'module', name: 'hash' });
  worker.onmessage = (event: MessageEvent<HashReply>) => {
    const reply = event.data;
    const pending = waiting.get(reply.id);
    if (!pending) return;
    if ('progress' in reply) return pending.onProgress?.(reply.progress);
    waiting.delete(reply.id);
    if ('sha256' in reply) pending.resolve(reply.sha256);
    else pending.reject(new Error(`The file could not be read: ${reply.error}`));
  };
  worker.onerror = () => {
    for (const pending of waiting.values()) pending.reject(new Error('The file could not be read: the hashing worker stopped.'));
    waiting.clear();
    worker = null;
  };
  return worker;
}

export const hashInWorker: BlobHasher = (blob, onProgress) =>
  new Promise((resolve, reject) => {
    const id = nextId++;
    waiting.set(id, { resolve, reject, ...(onProgress ? { onProgress } : {}) });
    getWorker().postMessage({ id, blob } satisfies HashRequest);
  });
