/// <reference lib="webworker" />
/**
 * Packs and unpacks workbook bundles off the UI thread: hashing, checksums and (de)compression of
 * gigabytes of evidence never stall the screen. The output is written to a file as it is made.
 */
import { BundleError } from '../../core/bundle/zip';
import type { BundleScope } from '../../core/bundle/format';
import type { WorkbookForBundle } from '../db/bundle/readForBundle';
import { outputFile } from '../bundle/opfsOutput';
import { packWorkbook, unpackBundle, type ReadBundleResult } from '../bundle/bundleIo';

export type BundleRequest =
  | { type: 'pack'; workbook: WorkbookForBundle; scope: BundleScope; app: { name: string; version: string } }
  | { type: 'unpack'; file: Blob };

export type BundleReply =
  | { type: 'progress'; done: number; total: number }
  | { type: 'packed'; blob: Blob; logCount: number; logHead: string }
  | { type: 'unpacked'; result: ReadBundleResult }
  | { type: 'error'; message: string; refused: boolean };

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (reply: BundleReply) => scope.postMessage(reply);

scope.onmessage = async (event: MessageEvent<BundleRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'pack') {
      const out = await outputFile('application/zip');
      const written = await packWorkbook(request.workbook, request.scope, request.app, out.sink, (p) =>
        post({ type: 'progress', done: p.done, total: p.total }),
      );
      post({ type: 'packed', blob: await out.finish(), logCount: written.logCount, logHead: written.logHead });
    } else {
      const result = await unpackBundle(request.file, (done, total) => post({ type: 'progress', done, total }));
      post({ type: 'unpacked', result });
    }
  } catch (error) {
    const refused = error instanceof BundleError;
    post({ type: 'error', refused, message: error instanceof Error ? error.message : String(error) });
  }
};
