/**
 * Where a bundle is written while it is packed: a file in the origin-private file system, so the
 * output goes to disk as it is made and what is handed on (to a download, or streamed to the desktop
 * app's save) is a disk-backed File, whatever its size. Held in memory instead, a 1 GiB bundle cost the
 * browser 1 GiB. Outputs are removed when the next one starts and at every start of the app (a download
 * may still be reading one until then); they are never needed after their save has read them.
 */
import type { ByteSink } from '../../core/bundle/zip';
import { blobCollector } from './blobSource';

const FOLDER = 'bundle-output';

export interface OutputFile {
  sink: ByteSink;
  finish(): Promise<Blob>;
}

async function outputFolder(): Promise<FileSystemDirectoryHandle | null> {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  if (!storage?.getDirectory) return null;
  const folder = await (await storage.getDirectory()).getDirectoryHandle(FOLDER, { create: true });
  for await (const name of folder.keys()) await folder.removeEntry(name).catch(() => undefined);
  return folder;
}

let cleared = false;

/** Removes what the saves of an earlier session left behind; once per page load, never under a running save. */
export async function clearOutputs(): Promise<void> {
  if (cleared) return;
  cleared = true;
  await outputFolder().catch(() => null);
}

export async function outputFile(type: string): Promise<OutputFile> {
  const folder = await outputFolder();
  if (!folder) return memoryOutput(type);
  const handle = await folder.getFileHandle(`${Date.now()}-${Math.random().toString(36).slice(2)}.csmsx`, { create: true });
  const writable = await handle.createWritable();
  return {
    sink: { write: (chunk) => writable.write(chunk as Uint8Array<ArrayBuffer>) },
    finish: async () => {
      await writable.close();
      const file = await handle.getFile();
      return new Blob([file], { type });
    },
  };
}

/** Where there is no origin-private file system (tests in Node): the parts folded into a Blob. */
function memoryOutput(type: string): OutputFile {
  const out = blobCollector(type);
  return { sink: { write: (chunk) => Promise.resolve(out.write(chunk)) }, finish: () => Promise.resolve(out.blob()) };
}
