/** Reads one answers spreadsheet in a fresh worker; cancelling terminates it, so nothing half-read is kept. */
import type { RawTable } from '../../core/sheets/importAnswersTable';
import type { AnswersImportReply, AnswersImportRequest } from './answersImport.worker';
import { workerJob, type WorkerJob } from './workerJob';

export type AnswersImportJob = WorkerJob<RawTable>;

export function answersImportInWorker(file: Blob, name: string, onProgress: (label: string) => void): AnswersImportJob {
  const worker = new Worker(new URL('./answersImport.worker.ts', import.meta.url), { type: 'module', name: 'answers-import' });
  return workerJob<AnswersImportReply, RawTable>(
    worker,
    { file, name } satisfies AnswersImportRequest,
    (reply, settle) => {
      if (reply.type === 'progress') onProgress(reply.label);
      else if (reply.type === 'done') settle.done(reply.table);
      else settle.fail(new Error(reply.message));
    },
    // A parser failing on a hostile file says nothing a reader could use: one plain sentence instead.
    { what: 'The import', stopped: 'The file could not be read as a spreadsheet of answers.' },
  );
}
