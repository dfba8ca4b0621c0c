/** Hashing a Blob without holding it whole: its stream is read and hashed a chunk at a time. */
import { sha256OfChunks } from '../../core/hashing/sha256';

export type BlobHasher = (blob: Blob, onProgress?: (bytes: number) => void) => Promise<string>;

export async function* chunksOf(blob: Blob): AsyncGenerator<Uint8Array> {
  const reader = blob.stream().getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}

/** Hashes on the calling thread: for workers and tests. The UI uses the worker (hashWorkerClient). */
export const hashBlobHere: BlobHasher = (blob, onProgress) => sha256OfChunks(chunksOf(blob), onProgress);
