/**
 * Bundles on disk: a ByteSource that reads a file by position, a ByteSink that writes beside its target
 * and renames into place, and the evidence sinks reading uses (count only, or keep each verified file in
 * a private temporary folder that goes at the end whatever happens).
 */
import { constants } from 'node:fs';
import { mkdtemp, open, rename, rm, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BundleError, type ByteSink, type ByteSource, type EvidenceSink } from '../core/bundle/bundle';
import { fsInputError, InputError } from './errors';
import { tempPathBeside } from './files';

/** The prefix of the temporary folder evidence is kept in while a bundle is used. */
export const TEMP_PREFIX = 'csms-evidence-';

export interface FileSource extends ByteSource {
  close(): Promise<void>;
}

async function readAt(handle: FileHandle, offset: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  let done = 0;
  while (done < length) {
    const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
    if (bytesRead === 0) throw new BundleError('the file got shorter while it was read');
    done += bytesRead;
  }
  return buffer;
}

/**
 * Opens a bundle for reading by position. Only a regular file: a device, FIFO or socket has no size
 * to read against (and a FIFO is opened without blocking, so it cannot wait for a writer forever).
 */
export async function openFileSource(file: string): Promise<FileSource> {
  let handle: FileHandle;
  try {
    handle = await open(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw new InputError(`${file}: not a regular file; give the path of a bundle`);
    fsInputError(error, file, 'read it');
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not a bundle`);
    if (!stat.isFile()) throw new InputError(`${file}: not a regular file; give the path of a bundle`);
    return { size: stat.size, read: (offset, length) => readAt(handle, offset, length), close: () => handle.close() };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A source over bytes in memory (a document just built). */
export function bytesSource(bytes: Uint8Array): ByteSource {
  return { size: bytes.byteLength, read: (offset, length) => Promise.resolve(bytes.subarray(offset, offset + length)) };
}

/**
 * A source over a file that opens it at the first read and closes it once its last byte was read, so
 * that packing thousands of files never holds thousands of handles.
 */
export function lazyFileSource(file: string, size: number): FileSource {
  let handle: Promise<FileHandle> | null = null;
  const close = async () => {
    const opened = handle;
    handle = null;
    if (opened) await (await opened).close();
  };
  return {
    size,
    async read(offset, length) {
      handle ??= open(file, 'r');
      const bytes = await readAt(await handle, offset, length);
      if (offset + length >= size) await close();
      return bytes;
    },
    close,
  };
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  for (let done = 0; done < bytes.byteLength;) {
    const { bytesWritten } = await handle.write(bytes, done, bytes.byteLength - done);
    done += bytesWritten;
  }
}

/**
 * Writes `target` through a sink: the bytes go to a temporary file beside it, which is flushed to disk,
 * closed and renamed over the target only when `write` succeeded; on any failure it is removed.
 */
export async function writeFileThrough<T>(target: string, write: (sink: ByteSink) => Promise<T>): Promise<T> {
  const temp = tempPathBeside(target);
  let handle: FileHandle | null = null;
  try {
    handle = await open(temp, 'wx');
    const opened = handle;
    const result = await write({ write: (chunk) => writeAll(opened, chunk) });
    await opened.sync();
    handle = null;
    await opened.close();
    await rename(temp, target);
    return result;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true });
    if (error instanceof InputError || error instanceof BundleError) throw error;
    fsInputError(error, target, 'write it');
  }
}

/** What reading a bundle left of its evidence: each verified file's size, and where it is kept. */
export interface EvidenceStore {
  evidence(sha256: string, size: number): EvidenceSink;
  /** Verified evidence files by SHA-256, with their sizes. */
  readonly files: ReadonlyMap<string, number>;
  /** Where a verified file is kept, when this store keeps files. */
  path(sha256: string): string | null;
  /** Our own disk failing while a file was kept: reading would otherwise blame the bundle for it. */
  failure(): unknown;
  /** Removes whatever was kept. */
  dispose(): Promise<void>;
}

/** Evidence checked and counted, nothing kept: for `bundle verify` and the documents. */
export function countingEvidence(): EvidenceStore {
  const files = new Map<string, number>();
  return {
    files,
    evidence(sha256, size) {
      let count = 0;
      return {
        write(chunk) {
          count += chunk.byteLength;
          if (count > size) throw new BundleError(`evidence/${sha256} holds more bytes than it declares`);
          return Promise.resolve();
        },
        done() {
          files.set(sha256, count);
          return Promise.resolve();
        },
        discard: () => Promise.resolve(),
      };
    },
    path: () => null,
    failure: () => null,
    dispose: () => Promise.resolve(),
  };
}

/** Evidence kept in a private temporary folder, each file under its hash once verified. */
export async function keptEvidence(): Promise<EvidenceStore> {
  const dir = await mkdtemp(path.join(tmpdir(), TEMP_PREFIX));
  const files = new Map<string, number>();
  const handles = new Set<FileHandle>();
  let failure: unknown = null;
  /** Runs a file operation, remembering why it failed. */
  const disk = async <T>(operation: () => Promise<T>): Promise<T> => {
    try {
      return await operation();
    } catch (error) {
      failure ??= error;
      throw error;
    }
  };
  return {
    files,
    evidence(sha256, size) {
      const partial = path.join(dir, `${sha256}.part`);
      let handle: FileHandle | null = null;
      let count = 0;
      const closeHandle = async () => {
        const h = handle;
        handle = null;
        if (h) {
          handles.delete(h);
          await h.close();
        }
      };
      return {
        async write(chunk) {
          count += chunk.byteLength;
          if (count > size) throw new BundleError(`evidence/${sha256} holds more bytes than it declares`);
          await disk(async () => {
            if (!handle) {
              handle = await open(partial, 'wx');
              handles.add(handle);
            }
            await writeAll(handle, chunk);
          });
        },
        async done() {
          await disk(async () => {
            if (!handle) await (await open(partial, 'wx')).close();
            await closeHandle();
            await rename(partial, path.join(dir, sha256));
          });
          files.set(sha256, count);
        },
        async discard() {
          await closeHandle();
          await rm(partial, { force: true });
        },
      };
    },
    path: (sha256) => (files.has(sha256) ? path.join(dir, sha256) : null),
    failure: () => failure,
    async dispose() {
      await Promise.all([...handles].map((h) => h.close().catch(() => undefined)));
      handles.clear();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
