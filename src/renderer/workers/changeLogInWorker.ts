/** Runs one change-log job in a fresh worker; cancelling terminates it, so nothing half-made is kept. */
import type { AuditEntry } from '../../core/audit/chain';
import type { LogCheckInput, LogCheckReport } from '../../core/audit/logCheck';
import type { LogFileKind } from '../../core/audit/logFiles';
import type { LogNames } from '../../core/audit/logView';
import type { ChangeLogReply, ChangeLogRequest } from './changeLog.worker';

export interface ChangeLogJob<T> {
  result: Promise<T>;
  cancel(): void;
}

export type LogProgress = (stage: 'chain' | 'records' | 'file', done: number, total: number) => void;

function run<T>(request: ChangeLogRequest, onProgress: LogProgress, pick: (reply: ChangeLogReply) => T | undefined): ChangeLogJob<T> {
  const worker = new Worker(new URL('./changeLog.worker.ts', import.meta.url), { type: 'module', name: 'changeLog' });
  let cancel = () => {};
  const result = new Promise<T>((resolve, reject) => {
    cancel = () => {
      worker.terminate();
      reject(new DOMException('Cancelled.', 'AbortError'));
    };
    worker.onmessage = (event: MessageEvent<ChangeLogReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') return onProgress(reply.stage, reply.done, reply.total);
      worker.terminate();
      if (reply.type === 'error') return reject(new Error(reply.message));
      const value = pick(reply);
      if (value === undefined) reject(new Error('The change-log job gave an unexpected answer.'));
      else resolve(value);
    };
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(event.message || 'The change-log job stopped unexpectedly.'));
    };
    worker.postMessage(request);
  });
  return { result, cancel: () => cancel() };
}

/** The log's verdict (chain, records, heads) on what was read in one transaction. */
export function checkLogInWorker(input: LogCheckInput, onProgress: LogProgress): ChangeLogJob<LogCheckReport> {
  return run({ type: 'check', input }, onProgress, (r) => (r.type === 'checked' ? r.report : undefined));
}

/** The CSV or JSON-lines file of these entries, in log order. */
export function logFileInWorker(kind: LogFileKind, entries: AuditEntry[], names: LogNames, onProgress: LogProgress): ChangeLogJob<Blob> {
  return run({ type: 'file', kind, entries, names }, onProgress, (r) => (r.type === 'file' ? r.blob : undefined));
}

export const isCancelled = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
