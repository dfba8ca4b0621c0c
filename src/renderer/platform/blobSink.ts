/**
 * The browser edition's streamed save: chunks are gathered and, every ~32 MiB, folded into one Blob with
 * what came before. The browser keeps large Blobs outside script memory (on disk if need be), so the page
 * holds at most one fold's worth of chunks; the whole is then downloaded like any other Blob.
 */
export const FOLD_BYTES = 32 * 1024 ** 2;

export function blobCollector(foldBytes = FOLD_BYTES) {
  let blob = new Blob([]);
  let parts: Uint8Array<ArrayBuffer>[] = [];
  let pending = 0;

  const fold = () => {
    if (parts.length === 0) return;
    blob = new Blob([blob, ...parts]);
    parts = [];
    pending = 0;
  };

  return {
    /** Copies the chunk, so the caller may reuse it at once. */
    add(chunk: Uint8Array): void {
      parts.push(chunk.slice());
      pending += chunk.byteLength;
      if (pending >= foldBytes) fold();
    },
    /** Everything added so far, as one Blob. */
    blob(): Blob {
      fold();
      return blob;
    },
    /** Bytes still held in script memory, not yet folded into the Blob. */
    pendingBytes: () => pending,
  };
}
