/** Runs one change-log job in a fresh worker; cancelling terminates it, so nothing half-made is kept. */
import type { AuditEntry } from '../../core/audit/chain';
import type { LogCheckInput, LogCheckReport } from '../../core/audit/logCheck';
import type { LogFileKind } from '../../core/audit/logFiles';
import type { LogNames } from '../../core/audit/logView';
import type { ChangeLogReply, ChangeLogRequest } from './changeLog.worker';
import { workerJob, type WorkerJob } from './workerJob';

export type ChangeLogJob<T> = WorkerJob<T>;

export type LogProgress = (stage: 'chain' | 'records' | 'file', done: number, total: number) => void;

function run<T>(request: ChangeLogRequest, onProgress: LogProgress, pick: (reply: ChangeLogReply) => T | undefined): ChangeLogJob<T> {
  const worker = new Worker(new URL('./changeLog.worker.ts', import.meta.url), { type: 'module', name: 'changeLog' });
  return workerJob<ChangeLogReply, T>(
    worker,
    request,
    (reply, settle) => {
      if (reply.type === 'progress') return onProgress(reply.stage, reply.done, reply.total);
      if (reply.type === 'error') return settle.fail(new Error(reply.message));
      const value = pick(reply);
      if (value === undefined) settle.fail(new Error('The change-log job gave an unexpected answer.'));
      else settle.done(value);
    },
    { what: 'The change-log job' },
  );
}

/** The log's verdict (chain, records, heads) on what was read in one transaction. */
export function checkLogInWorker(input: LogCheckInput, onProgress: LogProgress): ChangeLogJob<LogCheckReport> {
  return run({ type: 'check', input }, onProgress, (r) => (r.type === 'checked' ? r.report : undefined));
}

/** The CSV or JSON-lines file of these entries, in log order. */
export function logFileInWorker(kind: LogFileKind, entries: AuditEntry[], names: LogNames, onProgress: LogProgress): ChangeLogJob<Blob> {
  return run({ type: 'file', kind, entries, names }, onProgress, (r) => (r.type === 'file' ? r.blob : undefined));
}

export { isCancelled } from './workerJob';
