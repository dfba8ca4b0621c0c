/// <reference lib="webworker" />
/** Hashes evidence files off the UI thread, reading each in chunks and reporting progress. */
import { hashBlobHere } from '../db/hashBlob';

export type HashRequest = { id: number; blob: Blob };
export type HashReply = { id: number; progress: number } | { id: number; sha256: string } | { id: number; error: string };

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<HashRequest>) => {
  const { id, blob } = event.data;
  let lastReport = 0;
  try {
    const sha256 = await hashBlobHere(blob, (bytes) => {
      // A progress message per chunk would flood the page; a few per second is plenty.
      const now = performance.now();
      if (now - lastReport > 100) {
        lastReport = now;
        scope.postMessage({ id, progress: bytes } satisfies HashReply);
      }
    });
    scope.postMessage({ id, sha256 } satisfies HashReply);
  } catch (error) {
    scope.postMessage({ id, error: error instanceof Error ? error.message : 'The file could not be read.' } satisfies HashReply);
  }
};
