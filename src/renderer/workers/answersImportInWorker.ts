/** Reads one answers spreadsheet in a fresh worker; cancelling terminates it, so nothing half-read is kept. */
import type { RawTable } from '../../core/sheets/importAnswersTable';
import type { AnswersImportReply, AnswersImportRequest } from './answersImport.worker';

export interface AnswersImportJob {
  result: Promise<RawTable>;
  cancel(): void;
}

export function answersImportInWorker(file: Blob, name: string, onProgress: (label: string) => void): AnswersImportJob {
  const worker = new Worker(new URL('./answersImport.worker.ts', import.meta.url), { type: 'module', name: 'answers-import' });
  let cancel = () => {};
  const result = new Promise<RawTable>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('The import was cancelled.', 'AbortError'));
    };
    worker.onmessage = (event: MessageEvent<AnswersImportReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.label);
      worker.terminate();
      if (reply.type === 'done') resolve(reply.table);
      else reject(new Error(reply.message));
    };
    worker.onerror = () => {
      worker.terminate();
      reject(new Error('The file could not be read as a spreadsheet of answers.'));
    };
    worker.postMessage({ file, name } satisfies AnswersImportRequest);
  });
  return { result, cancel: () => cancel() };
}
