/// <reference lib="webworker" />
/** Builds and packs Word documents off the UI thread, reporting progress per document. */
import { buildDocument, documentFileName, packDocument, type DocumentKind, type DocumentOptions } from '../../core/documents/build';
import { buildChangesDocument, changesFileName } from '../../core/documents/changes';
import { exportControl, type ExportControl } from '../../core/documents/control';
import { DocumentLimitError, documentLimitProblem } from '../../core/documents/limits';
import type { WorkbookSnapshot } from '../../core/snapshot/snapshot';

/** `identity`: the revision and export ID of this export; the records digest is computed here, once for the set. */
export type ExportRequest = {
  snapshot: WorkbookSnapshot;
  kinds: DocumentKind[];
  options: Partial<DocumentOptions>;
  identity?: { revision: number; exportId: string };
};
export type ExportReply =
  | { type: 'progress'; done: number; total: number; current: DocumentKind }
  | { type: 'done'; files: { name: string; bytes: Uint8Array }[]; control: ExportControl }
  | { type: 'error'; message: string };

/** The second kind of request: the "Changes since" document comparing two assessments of a site. */
export type ChangesRequest = { kind: 'changes'; baseline: WorkbookSnapshot; current: WorkbookSnapshot; options: Partial<DocumentOptions> };
export type ChangesReply =
  | { type: 'progress'; done: number; total: number; label: string }
  | { type: 'done'; file: { name: string; bytes: Uint8Array } }
  | { type: 'error'; message: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

/**
 * What the person exporting is told: the sentence of a refusal as it is; a RangeError (a string or
 * array past what the engine holds) as a plain sentence rather than the engine's words.
 */
function failureMessage(error: unknown, fallback: string): string {
  if (error instanceof DocumentLimitError) return error.message;
  if (error instanceof RangeError) return 'The documents are too large to build in this window; export fewer documents at a time.';
  return error instanceof Error ? error.message : fallback;
}

async function buildChanges({ baseline, current, options }: ChangesRequest): Promise<void> {
  try {
    scope.postMessage({ type: 'progress', done: 0, total: 2, label: 'Comparing the assessments…' } satisfies ChangesReply);
    const doc = buildChangesDocument(baseline, current, options);
    scope.postMessage({ type: 'progress', done: 1, total: 2, label: 'Packing the document…' } satisfies ChangesReply);
    const file = { name: changesFileName(baseline, current), bytes: await packDocument(doc) };
    scope.postMessage({ type: 'done', file } satisfies ChangesReply, [file.bytes.buffer as ArrayBuffer]);
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: failureMessage(error, 'The document could not be built.'),
    } satisfies ChangesReply);
  }
}

scope.onmessage = async (event: MessageEvent<ExportRequest | ChangesRequest>) => {
  if ('kind' in event.data) return buildChanges(event.data);
  const { snapshot, kinds, identity } = event.data;
  // Refused from the counts before the first document, so no progress is shown for work that cannot finish.
  const tooLarge = documentLimitProblem(snapshot);
  if (tooLarge) return scope.postMessage({ type: 'error', message: tooLarge } satisfies ExportReply);
  try {
    const control = exportControl(snapshot, identity ?? {});
    const options = { ...event.data.options, control };
    const files: { name: string; bytes: Uint8Array }[] = [];
    for (const [i, kind] of kinds.entries()) {
      scope.postMessage({ type: 'progress', done: i, total: kinds.length, current: kind } satisfies ExportReply);
      files.push({
        name: documentFileName(snapshot, kind),
        bytes: await packDocument(buildDocument(snapshot, kind, { ...options, pageNumbers: true })),
      });
    }
    scope.postMessage(
      { type: 'done', files, control } satisfies ExportReply,
      files.map((f) => f.bytes.buffer as ArrayBuffer),
    );
  } catch (error) {
    scope.postMessage({
      type: 'error',
      message: failureMessage(error, 'The documents could not be built.'),
    } satisfies ExportReply);
  }
};
