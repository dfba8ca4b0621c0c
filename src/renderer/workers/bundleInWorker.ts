/** Runs one bundle job in a fresh worker; cancelling terminates it, so nothing half-made is kept. */
import type { BundleScope } from '../../core/bundle/format';
import type { WorkbookForBundle } from '../db/bundle/readForBundle';
import type { ReadBundleResult } from '../bundle/bundleIo';
import type { BundleReply, BundleRequest } from './bundle.worker';

export interface BundleJob<T> {
  result: Promise<T>;
  cancel(): void;
}

/** A bundle refused for what it holds (its message says what); other failures are the app's. */
export class BundleRefused extends Error {}

function run<T>(
  request: BundleRequest,
  onProgress: (done: number, total: number) => void,
  pick: (reply: BundleReply) => T | undefined,
): BundleJob<T> {
  const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle' });
  let cancel = () => {};
  const result = new Promise<T>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('Cancelled.', 'AbortError'));
    };
    worker.onmessage = (event: MessageEvent<BundleReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.done, reply.total);
      worker.terminate();
      if (reply.type === 'error') return reject(reply.refused ? new BundleRefused(reply.message) : new Error(reply.message));
      const value = pick(reply);
      if (value === undefined) reject(new Error('The bundle job gave an unexpected answer.'));
      else resolve(value);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The bundle job stopped unexpectedly.'));
    };
    worker.postMessage(request);
  });
  return { result, cancel: () => cancel() };
}

export function packInWorker(
  workbook: WorkbookForBundle,
  scope: BundleScope,
  app: { name: string; version: string },
  onProgress: (done: number, total: number) => void,
): BundleJob<{ blob: Blob; logCount: number; logHead: string }> {
  return run({ type: 'pack', workbook, scope, app }, onProgress, (r) => (r.type === 'packed' ? r : undefined));
}

export function unpackInWorker(file: Blob, onProgress: (done: number, total: number) => void): BundleJob<ReadBundleResult> {
  return run({ type: 'unpack', file }, onProgress, (r) => (r.type === 'unpacked' ? r.result : undefined));
}
