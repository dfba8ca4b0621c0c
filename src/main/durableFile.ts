/**
 * Writing a file so that a crash, a full disk or a pulled USB stick leaves either the old file or the whole
 * new one: the bytes go to a temporary file beside the target, are flushed to the disk (fsync), and only then
 * is it renamed over the target; the folder is flushed after, so that the rename itself reaches the disk.
 */
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';

export interface WriteHandle {
  write(buffer: Uint8Array, offset: number, length: number, position: number | null): Promise<{ bytesWritten: number }>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The few file operations of the write path, passed in so that tests can fail or watch them. */
export interface FileSystem {
  open(file: string, flags: string): Promise<WriteHandle>;
  rename(from: string, to: string): Promise<void>;
  /** Deletes the file; a file that is not there is no error. */
  remove(file: string): Promise<void>;
}

export const nodeFileSystem: FileSystem = {
  open: (file, flags) => open(file, flags),
  rename: (from, to) => rename(from, to),
  remove: (file) => rm(file, { force: true }),
};

export const PARTIAL_SUFFIX = '.partial';

/** In the target's own folder, so the final rename stays on one volume and is atomic. */
export function partialPathFor(target: string): string {
  return `${target}.${randomBytes(6).toString('hex')}${PARTIAL_SUFFIX}`;
}

/** An error whose message is already written for the person reading it; passed on unchanged. */
export class WriteRefused extends Error {}

const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);
const DISK_GONE = new Set(['EIO', 'ENXIO', 'ENODEV']);
const NO_PERMISSION = new Set(['EACCES', 'EPERM']);

/** Says why `label` (such as `"report.zip"`) was not saved, for a failure before the target was replaced. */
export function writeFailure(error: unknown, label: string): Error {
  if (error instanceof WriteRefused) return error;
  const code = (error as NodeJS.ErrnoException | undefined)?.code ?? '';
  const unchanged = `${label} was not saved. Nothing was changed.`;
  if (DISK_FULL.has(code)) return new WriteRefused(`The disk is full: ${unchanged}`);
  if (code === 'EROFS') return new WriteRefused(`The disk is read-only: ${unchanged}`);
  if (NO_PERMISSION.has(code)) return new WriteRefused(`The app may not write in that folder: ${unchanged}`);
  if (DISK_GONE.has(code)) return new WriteRefused(`The disk could not be written (was it removed?): ${unchanged}`);
  const reason = error instanceof Error && error.message ? error.message.replace(/\.$/, '') : 'unknown error';
  return new WriteRefused(`Could not save ${label}: ${reason}. Nothing was changed.`);
}

/** Writes every byte: one write call may write fewer bytes than asked. */
export async function writeAll(handle: WriteHandle, bytes: Uint8Array): Promise<void> {
  let offset = 0;
  while (offset < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, offset, bytes.byteLength - offset, null);
    if (bytesWritten <= 0) throw Object.assign(new Error('the disk took no bytes'), { code: 'EIO' });
    offset += bytesWritten;
  }
}

// Windows cannot open a folder as a file (EISDIR) or flush one (EPERM); some file systems of removable
// media refuse it too. The rename is then as durable as the platform makes it.
const FOLDER_SYNC_UNSUPPORTED = new Set(['EISDIR', 'EPERM', 'EINVAL', 'ENOTSUP']);

/** Flushes a folder's entries (a rename just made in it) to the disk, where the platform allows. */
export async function syncFolder(fs: FileSystem, folder: string): Promise<void> {
  let handle: WriteHandle | null = null;
  try {
    handle = await fs.open(folder, 'r');
    await handle.sync();
  } catch (error) {
    if (!FOLDER_SYNC_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
  } finally {
    await handle?.close().catch(() => undefined);
  }
}

/**
 * After the rename the new file is in place, so a failure to flush the folder must not claim that nothing
 * changed: it says the file is there but may not be on the disk yet.
 */
export async function confirmRename(fs: FileSystem, folder: string, label: string): Promise<void> {
  try {
    await syncFolder(fs, folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new WriteRefused(`Saved ${label}, but the disk did not confirm it (${code}). Check the file before removing the disk.`);
  }
}

/** Writes a small file whole: temporary file, fsync, rename, folder fsync. */
export async function writeFileDurably(fs: FileSystem, target: string, bytes: Uint8Array, label: string, folder: string): Promise<void> {
  const temp = partialPathFor(target);
  let handle: WriteHandle | null = null;
  try {
    handle = await fs.open(temp, 'wx');
    await writeAll(handle, bytes);
    await handle.sync();
    const closing = handle;
    handle = null;
    await closing.close();
    await fs.rename(temp, target);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await fs.remove(temp).catch(() => undefined);
    throw writeFailure(error, label);
  }
  await confirmRename(fs, folder, label);
}
