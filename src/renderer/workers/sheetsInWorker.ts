/** Runs one spreadsheet export in a fresh worker; cancelling terminates it, so no half-built file is kept. */
import type { SheetOptions } from '../../core/sheets/build';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { SheetFormat, SheetsReply, SheetsRequest } from './sheets.worker';
import { workerJob, type WorkerJob } from './workerJob';

export type SheetsJob = WorkerJob<{ name: string; bytes: Uint8Array }>;

export function sheetsInWorker(
  snapshot: WorkbookSnapshot,
  format: SheetFormat,
  options: Partial<SheetOptions>,
  author: string,
  onProgress: (done: number, total: number, label: string) => void,
): SheetsJob {
  const worker = new Worker(new URL('./sheets.worker.ts', import.meta.url), { type: 'module', name: 'sheets' });
  return workerJob<SheetsReply, { name: string; bytes: Uint8Array }>(
    worker,
    { snapshot, format, options, author } satisfies SheetsRequest,
    (reply, settle) => {
      if (reply.type === 'progress') onProgress(reply.done, reply.total, reply.label);
      else if (reply.type === 'done') settle.done(reply.file);
      else settle.fail(new Error(reply.message));
    },
    { what: 'The spreadsheet export' },
  );
}
