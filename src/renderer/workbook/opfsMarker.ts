/**
 * The marker as a file in the origin-private file system (see smallFile.ts): a full disk leaves the
 * previous marker in place. Writes are queued; only the newest waiting text is written.
 */
import { MAX_MARKER_CHARS } from '../../shared/ipc';
import type { MarkerCopy } from './marker';
import { opfsFile } from './smallFile';

export function opfsMarker(fileName: string): MarkerCopy | null {
  const file = opfsFile(fileName, MAX_MARKER_CHARS);
  if (!file) return null;
  let waiting: string | null = null;
  let draining: Promise<void> | null = null;

  async function drain(): Promise<void> {
    while (waiting !== null) {
      const text = waiting;
      waiting = null;
      // Best effort: the other copies and the database itself still stand.
      await file!.write(text).catch(() => undefined);
    }
    draining = null;
  }

  return {
    read: () => file.read(),
    // Resolves when the newest text asked for so far is on disk.
    write: (text) => {
      waiting = text;
      draining ??= drain();
      return draining;
    },
  };
}
