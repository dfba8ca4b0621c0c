/** A Blob (a picked file, a stored evidence file) read a piece at a time, as the bundle reader wants it. */
import type { ByteSource } from '../../core/bundle/zip';

/**
 * Bytes read from the Blob at once. In Chromium each Blob read costs over a millisecond whatever its
 * size, and zip.js asks for 512 KiB at a time: read piece by piece, a stored file came in at under
 * 300 MB/s in a worker; in 8 MiB windows, at about three times that (bench/bundle.ts shows the whole).
 */
const READ_WINDOW = 8 * 1024 * 1024;

export function blobSource(blob: Blob): ByteSource {
  // Held only while a window is partly handed out; let go with its last byte.
  let ahead: { start: number; bytes: Uint8Array } | null = null;
  return {
    size: blob.size,
    read: async (offset, length) => {
      const held = ahead;
      if (held && offset >= held.start && offset + length <= held.start + held.bytes.byteLength) {
        if (offset + length === held.start + held.bytes.byteLength) ahead = null;
        return held.bytes.slice(offset - held.start, offset - held.start + length);
      }
      const end = Math.min(blob.size, offset + Math.max(length, READ_WINDOW));
      const bytes = new Uint8Array(await blob.slice(offset, end).arrayBuffer());
      if (bytes.byteLength <= length) return bytes;
      ahead = { start: offset, bytes };
      return bytes.slice(0, length);
    },
  };
}

/**
 * Collects one file's bytes into a Blob. Parts are folded into a Blob every few MiB, so the bytes move
 * into the browser's blob store instead of staying in script memory. That store is memory too: Chromium
 * keeps blob bytes in the browser process (up to 2 GiB on 64-bit desktops) and only pages beyond that to
 * disk, so whatever is collected here stays in RAM while it is referenced (bench/bundle.ts measures it).
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
