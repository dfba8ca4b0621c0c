/** Runs one spreadsheet export in a fresh worker; cancelling terminates it, so no half-built file is kept. */
import type { SheetOptions } from '../../core/sheets/build';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { SheetFormat, SheetsReply, SheetsRequest } from './sheets.worker';

export interface SheetsJob {
  result: Promise<{ name: string; bytes: Uint8Array }>;
  cancel(): void;
}

export function sheetsInWorker(
  snapshot: WorkbookSnapshot,
  format: SheetFormat,
  options: Partial<SheetOptions>,
  author: string,
  onProgress: (done: number, total: number, label: string) => void,
): SheetsJob {
  const worker = new Worker(new URL('./sheets.worker.ts', import.meta.url), { type: 'module', name: 'sheets' });
  let cancel = () => {};
  const result = new Promise<{ name: string; bytes: Uint8Array }>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('The export was cancelled.', 'AbortError'));
    };
    worker.onmessage = (event: MessageEvent<SheetsReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.done, reply.total, reply.label);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.file);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The spreadsheet export stopped unexpectedly.'));
    };
    worker.postMessage({ snapshot, format, options, author } satisfies SheetsRequest);
  });
  return { result, cancel: () => cancel() };
}
