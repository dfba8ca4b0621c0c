/** Runs the portfolio's jobs in a fresh worker each; cancelling terminates it, so nothing half-made is kept. */
import type { PortfolioBundle } from '../../core/portfolio/bundles';
import type { PortfolioDocumentRequest, PortfolioReply, PortfolioRequest } from './portfolio.worker';
import { workerJob, type WorkerJob } from './workerJob';

export type PortfolioJob<T> = WorkerJob<T>;

function run<T>(request: PortfolioRequest, onReply: (reply: PortfolioReply, finish: (value: T) => void) => void): PortfolioJob<T> {
  const worker = new Worker(new URL('./portfolio.worker.ts', import.meta.url), { type: 'module', name: 'portfolio' });
  return workerJob<PortfolioReply, T>(
    worker,
    request,
    (reply, settle) => {
      if (reply.type === 'error') settle.fail(new Error(reply.message));
      else onReply(reply, settle.done);
    },
    { what: 'The portfolio job' },
  );
}

export interface ReadEvents {
  onProgress(key: string, done: number, total: number): void;
  onLoaded(bundle: PortfolioBundle): void;
  onRefused(key: string, message: string): void;
}

/** Reads the bundles one after another; each one's outcome arrives as soon as it is known. */
export function readBundlesInWorker(files: { key: string; name: string; blob: Blob }[], events: ReadEvents): PortfolioJob<void> {
  return run<void>({ type: 'read', files }, (reply, finish) => {
    if (reply.type === 'progress') events.onProgress(reply.key, reply.done, reply.total);
    else if (reply.type === 'loaded') events.onLoaded(reply.bundle);
    else if (reply.type === 'refused') events.onRefused(reply.key, reply.message);
    else if (reply.type === 'read-all') finish();
  });
}

/** Builds the Word summary from the bundles' records. */
export function portfolioDocumentInWorker(
  request: PortfolioDocumentRequest,
  onStep: (done: number, total: number, label: string) => void,
): PortfolioJob<{ name: string; bytes: Uint8Array }> {
  return run<{ name: string; bytes: Uint8Array }>({ type: 'document', ...request }, (reply, finish) => {
    if (reply.type === 'step') onStep(reply.done, reply.total, reply.label);
    else if (reply.type === 'document') finish({ name: reply.name, bytes: reply.bytes });
  });
}
