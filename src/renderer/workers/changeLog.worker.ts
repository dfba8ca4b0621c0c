/// <reference lib="webworker" />
/**
 * The change log's heavy work off the UI thread: the verdict (every entry and record hashed) and the
 * CSV or JSON-lines file of chosen entries. It only computes on what it is sent; it never opens the
 * workbook, so it cannot write to it.
 */
import type { AuditEntry } from '../../core/audit/chain';
import { checkLogData, type LogCheckInput, type LogCheckReport } from '../../core/audit/logCheck';
import { logFileChunks, type LogFileKind } from '../../core/audit/logFiles';
import type { LogNames } from '../../core/audit/logView';

export type ChangeLogRequest =
  { type: 'check'; input: LogCheckInput } | { type: 'file'; kind: LogFileKind; entries: AuditEntry[]; names: LogNames };

export type ChangeLogReply =
  | { type: 'progress'; stage: 'chain' | 'records' | 'file'; done: number; total: number }
  | { type: 'checked'; report: LogCheckReport }
  | { type: 'file'; blob: Blob }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: ChangeLogReply) => scope.postMessage(reply);

const FILE_TYPES: Record<LogFileKind, string> = { csv: 'text/csv', jsonl: 'application/jsonl' };

function buildFile(kind: LogFileKind, entries: AuditEntry[], names: LogNames): Blob {
  const parts: string[] = [];
  post({ type: 'progress', stage: 'file', done: 0, total: entries.length });
  for (const chunk of logFileChunks(kind, entries, names)) {
    parts.push(chunk.text);
    post({ type: 'progress', stage: 'file', done: chunk.done, total: entries.length });
  }
  return new Blob(parts, { type: FILE_TYPES[kind] });
}

scope.onmessage = (event: MessageEvent<ChangeLogRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'check') {
      const report = checkLogData(request.input, (stage, done, total) => post({ type: 'progress', stage, done, total }));
      post({ type: 'checked', report });
    } else {
      post({ type: 'file', blob: buildFile(request.kind, request.entries, request.names) });
    }
  } catch (error) {
    post({
      type: 'error',
      message:
        error instanceof Error ? error.message : request.type === 'check' ? 'The check could not finish.' : 'The file could not be built.',
    });
  }
};
