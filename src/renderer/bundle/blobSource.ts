/** A Blob (a picked file, a stored evidence file) read a piece at a time, as the bundle reader wants it. */
import type { ByteSource } from '../../core/bundle/zip';

export function blobSource(blob: Blob): ByteSource {
  return {
    size: blob.size,
    read: async (offset, length) => new Uint8Array(await blob.slice(offset, offset + length).arrayBuffer()),
  };
}

/**
 * Collects one file's bytes into a Blob. Parts are folded into a Blob every few MiB, so the bytes move
 * into the browser's blob store (which keeps large ones on disk) instead of staying in script memory.
 */
export function blobCollector(type = ''): { write(chunk: Uint8Array): void; blob(): Blob } {
  const FOLD = 8 * 1024 * 1024;
  let folded = new Blob([], { type });
  let parts: Uint8Array[] = [];
  let pending = 0;
  const fold = () => {
    folded = new Blob([folded, ...(parts as BlobPart[])], { type });
    parts = [];
    pending = 0;
  };
  return {
    write(chunk) {
      parts.push(chunk.slice());
      pending += chunk.byteLength;
      if (pending >= FOLD) fold();
    },
    blob() {
      fold();
      return folded;
    },
  };
}
