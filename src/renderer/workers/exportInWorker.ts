/** Runs one export in a fresh worker; cancelling terminates it, so no half-built document is kept. */
import type { DocumentKind, DocumentOptions } from '../../core/documents/build';
import type { ExportControl } from '../../core/documents/control';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { ChangesReply, ChangesRequest, ExportReply, ExportRequest } from './export.worker';

import { workerJob, type WorkerJob } from './workerJob';

export interface ExportJob extends WorkerJob<{ name: string; bytes: Uint8Array }[]> {
  /** The revision, export ID and records digest the documents carry, once they are built. */
  control(): ExportControl | undefined;
}

export function exportInWorker(
  snapshot: WorkbookSnapshot,
  kinds: DocumentKind[],
  options: Partial<DocumentOptions>,
  onProgress: (done: number, total: number, current: DocumentKind) => void,
  identity?: { revision: number; exportId: string },
): ExportJob {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  let control: ExportControl | undefined;
  const job = workerJob<ExportReply, { name: string; bytes: Uint8Array }[]>(
    worker,
    { snapshot, kinds, options, ...(identity ? { identity } : {}) } satisfies ExportRequest,
    (reply, settle) => {
      if (reply.type === 'progress') return onProgress(reply.done, reply.total, reply.current);
      if (reply.type === 'error') return settle.fail(new Error(reply.message));
      control = reply.control;
      settle.done(reply.files);
    },
    { what: 'The export' },
  );
  return { ...job, control: () => control };
}

export type ChangesJob = WorkerJob<{ name: string; bytes: Uint8Array }>;

/** The "Changes since" document of two assessments, built in a fresh worker the same way. */
export function changesInWorker(
  baseline: WorkbookSnapshot,
  current: WorkbookSnapshot,
  options: Partial<DocumentOptions>,
  onProgress: (done: number, total: number, label: string) => void,
): ChangesJob {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  return workerJob<ChangesReply, { name: string; bytes: Uint8Array }>(
    worker,
    { kind: 'changes', baseline, current, options } satisfies ChangesRequest,
    (reply, settle) => {
      if (reply.type === 'progress') onProgress(reply.done, reply.total, reply.label);
      else if (reply.type === 'done') settle.done(reply.file);
      else settle.fail(new Error(reply.message));
    },
    { what: 'The export' },
  );
}
