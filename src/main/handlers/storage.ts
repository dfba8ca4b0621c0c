/**
 * The profile's volume: its free bytes (checked before the page writes anything large), and the marker
 * file beside the database that records how long the change log was at the last save and export. The
 * marker is written to a temporary file, flushed to disk, then renamed over the old one, so a crash or a
 * full disk leaves the previous marker rather than half a new one.
 */
import { open, readFile, rename, rm, statfs } from 'node:fs/promises';
import path from 'node:path';
import { MAX_MARKER_CHARS } from '../../shared/ipc';

export const MARKER_FILE = 'workbook-marker.json';

export function createStorageHandlers(profileDir: string) {
  const file = path.join(profileDir, MARKER_FILE);
  return {
    'storage:free': async (): Promise<number> => {
      const stats = await statfs(profileDir);
      return stats.bavail * stats.bsize;
    },
    'marker:read': async (): Promise<string | null> => {
      try {
        const text = await readFile(file, 'utf8');
        return text.length <= MAX_MARKER_CHARS ? text : null;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw error;
      }
    },
    'marker:write': async (text: string): Promise<null> => {
      const temp = `${file}.${process.pid}.tmp`;
      const handle = await open(temp, 'w');
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } catch (error) {
        await handle.close();
        await rm(temp, { force: true });
        throw error;
      }
      await handle.close();
      await rename(temp, file);
      return null;
    },
  };
}
