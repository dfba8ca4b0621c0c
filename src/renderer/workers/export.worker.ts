/// <reference lib="webworker" />
/** Builds and packs Word documents off the UI thread, reporting progress per document. */
import { buildDocument, documentFileName, packDocument, type DocumentKind, type DocumentOptions } from '../../core/documents/build';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';

export type ExportRequest = { snapshot: WorkbookSnapshot; kinds: DocumentKind[]; options: Partial<DocumentOptions> };
export type ExportReply =
  | { type: 'progress'; done: number; total: number; current: DocumentKind }
  | { type: 'done'; files: { name: string; bytes: Uint8Array }[] }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<ExportRequest>) => {
  const { snapshot, kinds, options } = event.data;
  try {
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const [i, kind] of kinds.entries()) {
      scope.postMessage({ type: 'progress', done: i, total: kinds.length, current: kind } satisfies ExportReply);
      files.push({ name: documentFileName(snapshot, kind), bytes: await packDocument(buildDocument(snapshot, kind, options)) });
    }
    scope.postMessage(
      { type: 'done', files } satisfies ExportReply,
      files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: error instanceof Error ? error.message : 'The documents could not be built.',
    } satisfies ExportReply);
  }
};
