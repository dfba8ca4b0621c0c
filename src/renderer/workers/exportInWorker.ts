/** Runs one export in a fresh worker; cancelling terminates it, so no half-built document is kept. */
import type { DocumentKind, DocumentOptions } from '../../core/documents/build';
import type { ExportControl } from '../../core/documents/control';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';
import type { ChangesReply, ChangesRequest, ExportReply, ExportRequest } from './export.worker';

export interface ExportJob {
  result: Promise<{ name: string; bytes: Uint8Array }[]>;
  /** The revision, export ID and records digest the documents carry, once they are built. */
  control(): ExportControl | undefined;
  cancel(): void;
}

export function exportInWorker(
  snapshot: WorkbookSnapshot,
  kinds: DocumentKind[],
  options: Partial<DocumentOptions>,
  onProgress: (done: number, total: number, current: DocumentKind) => void,
  identity?: { revision: number; exportId: string },
): ExportJob {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  let cancel = () => {};
  let control: ExportControl | undefined;
  const result = new Promise<{ name: string; bytes: Uint8Array }[]>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('The export was cancelled.', 'AbortError'));
    };
    worker.onmessage = (event: MessageEvent<ExportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.done, reply.total, reply.current);
      worker.terminate();
      if (reply.type === 'done') {
        control = reply.control;
        resolve(reply.files);
      } else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The export stopped unexpectedly.'));
    };
    worker.postMessage({ snapshot, kinds, options, ...(identity ? { identity } : {}) } satisfies ExportRequest);
  });
  return { result, control: () => control, cancel: () => cancel() };
}

export interface ChangesJob {
  result: Promise<{ name: string; bytes: Uint8Array }>;
  cancel(): void;
}

/** The "Changes since" document of two assessments, built in a fresh worker the same way. */
export function changesInWorker(
  baseline: WorkbookSnapshot,
  current: WorkbookSnapshot,
  options: Partial<DocumentOptions>,
  onProgress: (done: number, total: number, label: string) => void,
): ChangesJob {
  const worker = new Worker(new URL('./export.worker.ts', import.meta.url), { type: 'module', name: 'export' });
  let cancel = () => {};
  const result = new Promise<{ name: string; bytes: Uint8Array }>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('The export was cancelled.', 'AbortError'));
    };
    worker.onmessage = (event: MessageEvent<ChangesReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.done, reply.total, reply.label);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.file);
      else reject(new Error(reply.message));
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The export stopped unexpectedly.'));
    };
    worker.postMessage({ kind: 'changes', baseline, current, options } satisfies ChangesRequest);
  });
  return { result, cancel: () => cancel() };
}
