import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  confirmRename,
  nodeFileSystem,
  syncFolder,
  writeAll,
  writeFailure,
  writeFileDurably,
  type FileSystem,
  type WriteHandle,
} from './durableFile';

const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** A file system whose folder open or sync fails with `code`. */
function folderFails(code: string, at: 'open' | 'sync'): FileSystem {
  return {
    ...nodeFileSystem,
    open: async (file, flags) => {
      if (at === 'open') throw errno(code);
      const handle = await nodeFileSystem.open(file, flags);
      return { write: handle.write.bind(handle), sync: () => Promise.reject(errno(code)), close: () => handle.close() };
    },
  };
}

describe('flushing the folder after a rename', () => {
  it.each([
    ['EISDIR', 'open'],
    ['EPERM', 'sync'],
    ['EINVAL', 'sync'],
  ] as const)('is skipped where the platform cannot (%s at %s)', async (code, at) => {
    await expect(syncFolder(folderFails(code, at), tmpdir())).resolves.toBeUndefined();
  });

  it('reports a disk that fails it without claiming that nothing changed', async () => {
    const error = await confirmRename(folderFails('EIO', 'sync'), tmpdir(), '"a.zip"').catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe('Saved "a.zip", but the disk did not confirm it (EIO). Check the file before removing the disk.');
  });
});

describe('messages for a failed write', () => {
  it.each([
    ['ENOSPC', 'The disk is full: "a.zip" was not saved. Nothing was changed.'],
    ['EDQUOT', 'The disk is full: "a.zip" was not saved. Nothing was changed.'],
    ['EROFS', 'The disk is read-only: "a.zip" was not saved. Nothing was changed.'],
    ['EACCES', 'The app may not write in that folder: "a.zip" was not saved. Nothing was changed.'],
    ['EIO', 'The disk could not be written (was it removed?): "a.zip" was not saved. Nothing was changed.'],
    ['EBUSY', 'Could not save "a.zip": EBUSY: simulated. Nothing was changed.'],
  ])('%s', (code, message) => expect(writeFailure(errno(code), '"a.zip"').message).toBe(message));
});

describe('writeAll', () => {
  it('writes again after a short write until every byte is written', async () => {
    const received: number[] = [];
    const handle: WriteHandle = {
      write: async (buffer, offset, length) => {
        const taken = Math.min(2, length);
        received.push(...buffer.subarray(offset, offset + taken));
        return { bytesWritten: taken };
      },
      sync: async () => undefined,
      close: async () => undefined,
    };
    await writeAll(handle, new Uint8Array([1, 2, 3, 4, 5]));
    expect(received).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('writeFileDurably', () => {
  it('replaces the file whole and leaves nothing beside it; on failure keeps the old one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'csms-durable-'));
    const target = path.join(dir, 'record.json');
    writeFileSync(target, 'old');
    await writeFileDurably(nodeFileSystem, target, new TextEncoder().encode('new'), '"record.json"', dir);
    expect(readFileSync(target, 'utf8')).toBe('new');
    const full: FileSystem = {
      ...nodeFileSystem,
      open: async (file, flags) => {
        const handle = await nodeFileSystem.open(file, flags);
        return { write: () => Promise.reject(errno('ENOSPC')), sync: () => handle.sync(), close: () => handle.close() };
      },
    };
    await expect(writeFileDurably(full, target, new Uint8Array([1]), '"record.json"', dir)).rejects.toThrow(/The disk is full/);
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(dir)).toEqual(['record.json']);
  });
});
