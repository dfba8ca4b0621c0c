/**
 * Free space, checked before every write. On a full disk a failed IndexedDB write can leave Chromium's
 * store for the whole origin damaged, and Chromium then deletes it at the next start: the workbook is
 * lost. The damage comes from the store's own log, which needs a little room; a large file that does not
 * fit fails cleanly on its own (Chromium writes it beside the store first and refuses with a quota error).
 * So before a write the probe checks that there is headroom for the log — never the file's full size,
 * which would fill the disk for everyone while it runs. The browser's storage estimate does not see the
 * disk (it reported 1 GiB free on a full disk), so the default probe writes a scratch file in the
 * origin-private file system, which fails cleanly. The desktop app asks for the volume's free bytes.
 */
import { DISK_FULL_MESSAGE, WorkbookError } from './errors';

/** Resolves true when `bytes` can still be written. */
export type SpaceProbe = (bytes: number) => Promise<boolean>;

const MIB = 1024 * 1024;
/**
 * A write this small is checked at most once a second, with a small probe: typing saves often and adds
 * little, and the damage comes from the database's own log append failing, which is a few kilobytes.
 */
export const SMALL_WRITE = 64 * 1024;
const SMALL_PROBE = 256 * 1024;
const SMALL_RECHECK_MS = 1_000;
/** Headroom beyond the bytes themselves, for the database's own log and compaction. */
export const MARGIN = 4 * MIB;
/** The most a probe writes: enough headroom for the store's log and compaction, never a whole large file. */
const LARGE_PROBE = 8 * MIB;

const PROBE_PREFIX = 'csms-space-probe-';
const CHUNK = 4 * MIB;

async function writeProbe(root: FileSystemDirectoryHandle, name: string, bytes: number): Promise<void> {
  const file = await root.getFileHandle(name, { create: true });
  const writable = await file.createWritable();
  try {
    const chunk = new Uint8Array(Math.min(CHUNK, bytes)).fill(0x5a);
    for (let written = 0; written < bytes; written += chunk.length) {
      await writable.write(chunk.subarray(0, Math.min(chunk.length, bytes - written)));
    }
    await writable.close();
  } catch (error) {
    await writable.abort().catch(() => undefined);
    throw error;
  }
}

export const opfsProbe: SpaceProbe = async (bytes) => {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  let root: FileSystemDirectoryHandle;
  try {
    if (!storage?.getDirectory) return true; // No way to tell (tests in Node): the write itself will say.
    root = await storage.getDirectory();
  } catch {
    return true;
  }
  // A name of its own per probe, so that two probes at once never lock each other out.
  const name = `${PROBE_PREFIX}${crypto.randomUUID()}`;
  try {
    await writeProbe(root, name, bytes);
    return true;
  } catch {
    // Quota, or the file system failing under a full disk: either way the bytes did not fit.
    return false;
  } finally {
    await root.removeEntry(name).catch(() => undefined);
  }
};

let probe: SpaceProbe = opfsProbe;
let lastSmallCheck = -Infinity;

export function setSpaceProbe(next: SpaceProbe): void {
  probe = next;
  lastSmallCheck = -Infinity;
}

/** Throws the disk-full message, before anything is written, when `bytes` (plus headroom) will not fit. */
export async function ensureSpace(bytes: number, now = Date.now()): Promise<void> {
  const small = bytes <= SMALL_WRITE;
  if (small && now - lastSmallCheck < SMALL_RECHECK_MS) return;
  const fits = await probe(small ? SMALL_PROBE : Math.min(bytes + MARGIN, LARGE_PROBE));
  if (!fits) {
    lastSmallCheck = -Infinity;
    throw new WorkbookError(DISK_FULL_MESSAGE, 'quota');
  }
  if (small) lastSmallCheck = now;
}
