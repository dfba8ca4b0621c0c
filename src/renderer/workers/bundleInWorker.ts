/** Runs one bundle job in a fresh worker; cancelling terminates it, so nothing half-made is kept. */
import type { BundleScope } from '../../core/bundle/format';
import type { WorkbookForBundle } from '../db/bundle/readForBundle';
import type { ReadBundleResult } from '../bundle/bundleIo';
import type { BundleReply, BundleRequest } from './bundle.worker';
import { workerJob, type WorkerJob } from './workerJob';

export type BundleJob<T> = WorkerJob<T>;

/** A bundle refused for what it holds (its message says what); other failures are the app's. */
export class BundleRefused extends Error {}

function run<T>(
  request: BundleRequest,
  onProgress: (done: number, total: number) => void,
  pick: (reply: BundleReply) => T | undefined,
): BundleJob<T> {
  const worker = new Worker(new URL('./bundle.worker.ts', import.meta.url), { type: 'module', name: 'bundle' });
  return workerJob<BundleReply, T>(
    worker,
    request,
    (reply, settle) => {
      if (reply.type === 'progress') return onProgress(reply.done, reply.total);
      if (reply.type === 'error') return settle.fail(reply.refused ? new BundleRefused(reply.message) : new Error(reply.message));
      const value = pick(reply);
      if (value === undefined) settle.fail(new Error('The bundle job gave an unexpected answer.'));
      else settle.done(value);
    },
    { what: 'The bundle job' },
  );
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
