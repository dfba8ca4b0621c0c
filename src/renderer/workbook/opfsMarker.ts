/**
 * The marker as a file in the origin-private file system. Those files live apart from the browser's
 * databases, and a write goes to a swap file that replaces the old one only when complete, so a full disk
 * leaves the previous marker in place. Writes are queued; only the newest waiting text is written.
 */
import { MAX_MARKER_CHARS } from '../../shared/ipc';
import type { MarkerCopy } from './marker';

export function opfsMarker(fileName: string): MarkerCopy | null {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.getDirectory) return null;
  let waiting: string | null = null;
  let writing = false;

  async function drain(): Promise<void> {
    writing = true;
    try {
      while (waiting !== null) {
        const text = waiting;
        waiting = null;
        try {
          const file = await (await storage!.getDirectory()).getFileHandle(fileName, { create: true });
          const writable = await file.createWritable();
          await writable.write(text);
          await writable.close();
        } catch {
          // Best effort: the other copies and the database itself still stand.
        }
      }
    } finally {
      writing = false;
    }
  }

  return {
    read: async () => {
      try {
        const file = await (await (await storage.getDirectory()).getFileHandle(fileName)).getFile();
        return file.size <= MAX_MARKER_CHARS ? await file.text() : null;
      } catch {
        return null;
      }
    },
    write: (text) => {
      waiting = text;
      if (!writing) void drain();
    },
  };
}
