/**
 * Streamed saves on real temporary folders: the bytes that land, what is left beside the target after a
 * cancel or a failure, and the order in which the file is flushed and renamed.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { nodeFileSystem, type FileSystem, type WriteHandle } from '../durableFile';
import { UNKNOWN_STREAM, type StreamLimits } from '../streamedWrites';
import { abortWithPage, createSaveHandlers } from './saves';

const folder = () => mkdtempSync(path.join(tmpdir(), 'csms-saves-'));
const bytes = (...values: number[]) => new Uint8Array(values);
const partials = (dir: string) => readdirSync(dir).filter((name) => name.endsWith('.partial'));

interface Watch {
  /** What happened to which file, in order: `write a.partial`, `sync a.partial`, `rename a.partial -> a`. */
  events: string[];
  /** Replaces a handle operation on files whose name ends with `.partial`. */
  failPartial?: { op: 'write' | 'sync'; code: string; after?: number };
}

/** The real file system, watched, with a write or sync of the temporary file made to fail on request. */
function watchedFs(watch: Watch): FileSystem {
  const name = (file: string) => path.basename(file);
  let calls = 0;
  const maybeFail = (file: string, op: 'write' | 'sync') => {
    const fail = watch.failPartial;
    if (!fail || fail.op !== op || !file.endsWith('.partial')) return;
    calls += 1;
    if (calls > (fail.after ?? 0)) throw Object.assign(new Error(`${fail.code}: simulated`), { code: fail.code });
  };
  return {
    open: async (file, flags) => {
      const handle = await nodeFileSystem.open(file, flags);
      const watched: WriteHandle = {
        write: async (buffer, offset, length, position) => {
          maybeFail(file, 'write');
          watch.events.push(`write ${name(file)}`);
          return handle.write(buffer, offset, length, position);
        },
        sync: async () => {
          maybeFail(file, 'sync');
          watch.events.push(`sync ${name(file)}`);
          return handle.sync();
        },
        close: () => handle.close(),
      };
      return watched;
    },
    rename: async (from, to) => {
      watch.events.push(`rename ${name(from)} -> ${name(to)}`);
      return nodeFileSystem.rename(from, to);
    },
    remove: (file) => nodeFileSystem.remove(file),
  };
}

function setup(target: string | null, options: { watch?: Watch; limits?: StreamLimits } = {}) {
  const onSaved = vi.fn();
  const choosePath = vi.fn(async () => target);
  const saves = createSaveHandlers({ choosePath, onSaved, fs: watchedFs(options.watch ?? { events: [] }), limits: options.limits });
  const begin = async () => {
    const begun = await saves.handlers['save:begin']({ suggestedName: 'bundle.csmsx', filters: [] });
    if (!begun) throw new Error('the dialog was cancelled');
    return begun.id;
  };
  return { saves, h: saves.handlers, begin, onSaved, choosePath };
}

describe('a streamed save', () => {
  it('writes the pieces in order to the chosen file and leaves no temporary file', async () => {
    const dir = folder();
    const target = path.join(dir, 'bundle.csmsx');
    const { h, begin, onSaved } = setup(target);
    const id = await begin();
    expect(partials(dir)).toHaveLength(1);
    expect(partials(dir)[0]).toMatch(/^bundle\.csmsx\.[0-9a-f]+\.partial$/);
    await h['save:chunk'](id, bytes(1, 2, 3));
    await h['save:chunk'](id, bytes(4));
    await h['save:chunk'](id, bytes(5, 6));
    await expect(h['save:end'](id)).resolves.toEqual({ path: target });
    expect([...readFileSync(target)]).toEqual([1, 2, 3, 4, 5, 6]);
    expect(readdirSync(dir)).toEqual(['bundle.csmsx']);
    expect(onSaved).toHaveBeenCalledWith(target);
  });

  it('keeps the order of pieces sent without waiting, however long each write takes', async () => {
    const dir = folder();
    const target = path.join(dir, 'bundle.csmsx');
    const { h, begin } = setup(target);
    const id = await begin();
    await Promise.all([
      h['save:chunk'](id, new Uint8Array(3_000_000).fill(7)),
      h['save:chunk'](id, bytes(8)),
      h['save:chunk'](id, bytes(9)),
    ]);
    await h['save:end'](id);
    const written = readFileSync(target);
    expect(written.length).toBe(3_000_002);
    expect([written[2_999_999], written[3_000_000], written[3_000_001]]).toEqual([7, 8, 9]);
  });

  it('returns null and opens nothing when the dialog is cancelled', async () => {
    const { h, saves } = setup(null);
    await expect(h['save:begin']({ suggestedName: 'a.zip', filters: [] })).resolves.toBeNull();
    expect(saves.openCount()).toBe(0);
  });

  it('flushes the file to the disk before renaming it over the target, and the folder after', async () => {
    const dir = folder();
    const watch: Watch = { events: [] };
    const { h, begin } = setup(path.join(dir, 'bundle.csmsx'), { watch });
    const id = await begin();
    await h['save:chunk'](id, bytes(1));
    await h['save:end'](id);
    const temp = watch.events.find((e) => e.startsWith('write '))!.slice('write '.length);
    expect(watch.events).toEqual([`write ${temp}`, `sync ${temp}`, `rename ${temp} -> bundle.csmsx`, `sync ${path.basename(dir)}`]);
  });

  it('leaves no file when cancelled, and takes no more pieces', async () => {
    const dir = folder();
    const { h, begin, onSaved } = setup(path.join(dir, 'bundle.csmsx'));
    const id = await begin();
    await h['save:chunk'](id, bytes(1, 2));
    await expect(h['save:abort'](id)).resolves.toBeNull();
    expect(readdirSync(dir)).toEqual([]);
    await expect(h['save:chunk'](id, bytes(3))).rejects.toThrow(UNKNOWN_STREAM);
    await expect(h['save:end'](id)).rejects.toThrow(UNKNOWN_STREAM);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it.each([
    ['write', 1],
    ['sync', 0],
  ] as const)('on a full disk (ENOSPC at %s) keeps the old file, deletes the temporary one and says so', async (op, after) => {
    const dir = folder();
    const target = path.join(dir, 'bundle.csmsx');
    writeFileSync(target, 'the old bundle');
    const { h, begin, onSaved } = setup(target, { watch: { events: [], failPartial: { op, code: 'ENOSPC', after } } });
    const id = await begin();
    await h['save:chunk'](id, bytes(1));
    const full = 'The disk is full: "bundle.csmsx" was not saved. Nothing was changed.';
    if (op === 'write') {
      await expect(h['save:chunk'](id, bytes(2))).rejects.toThrow(full);
      await expect(h['save:end'](id)).rejects.toThrow(UNKNOWN_STREAM);
    } else {
      await expect(h['save:end'](id)).rejects.toThrow(full);
    }
    expect(readFileSync(target, 'utf8')).toBe('the old bundle');
    expect(readdirSync(dir)).toEqual(['bundle.csmsx']);
    expect(onSaved).not.toHaveBeenCalled();
  });

  it('refuses a piece over the limit and ends that save', async () => {
    const dir = folder();
    const { h, begin } = setup(path.join(dir, 'bundle.csmsx'), { limits: { chunkBytes: 4, totalBytes: 100 } });
    const id = await begin();
    await h['save:chunk'](id, bytes(1, 2, 3, 4));
    await expect(h['save:chunk'](id, bytes(1, 2, 3, 4, 5))).rejects.toThrow(/a piece of "bundle.csmsx" was larger than 4 bytes/);
    expect(readdirSync(dir)).toEqual([]);
    await expect(h['save:end'](id)).rejects.toThrow(UNKNOWN_STREAM);
  });

  it('stops a file that grows past the total limit', async () => {
    const dir = folder();
    const { h, begin } = setup(path.join(dir, 'bundle.csmsx'), { limits: { chunkBytes: 4, totalBytes: 6 } });
    const id = await begin();
    await h['save:chunk'](id, bytes(1, 2, 3, 4));
    await expect(h['save:chunk'](id, bytes(5, 6, 7))).rejects.toThrow(/grew past 6 bytes/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses pieces and ends for an id it did not give out', async () => {
    const { h } = setup(path.join(folder(), 'bundle.csmsx'));
    await expect(h['save:chunk']('ab'.repeat(16), bytes(1))).rejects.toThrow(UNKNOWN_STREAM);
    await expect(h['save:end']('ab'.repeat(16))).rejects.toThrow(UNKNOWN_STREAM);
    await expect(h['save:abort']('ab'.repeat(16))).resolves.toBeNull();
  });

  it('says why it cannot start a save in a folder that is not there', async () => {
    const dir = folder();
    const { h } = setup(path.join(dir, 'missing', 'bundle.csmsx'));
    await expect(h['save:begin']({ suggestedName: 'bundle.csmsx', filters: [] })).rejects.toThrow(
      /Could not save "bundle.csmsx": ENOENT.*Nothing was changed\./,
    );
  });
});

describe('open saves of a page that goes away', () => {
  function page() {
    const listeners = new Map<string, ((...args: unknown[]) => void)[]>();
    const contents = { on: (name: string, fn: (...args: unknown[]) => void) => listeners.set(name, [...(listeners.get(name) ?? []), fn]) };
    const emit = (name: string, ...args: unknown[]) => listeners.get(name)?.forEach((fn) => fn(...args));
    return { contents, emit };
  }

  it.each([
    ['a reload', 'did-start-navigation', { isMainFrame: true, isSameDocument: false }, true],
    ['a change of hash', 'did-start-navigation', { isMainFrame: true, isSameDocument: true }, false],
    ['a frame navigating', 'did-start-navigation', { isMainFrame: false, isSameDocument: false }, false],
    ['a closed window', 'destroyed', undefined, true],
  ])('are cancelled on %s: %s', async (_what, event, details, cancelled) => {
    const dir = folder();
    const { saves, begin } = setup(path.join(dir, 'bundle.csmsx'));
    await begin();
    const { contents, emit } = page();
    abortWithPage(contents as never, saves.abortAll);
    emit(event, details);
    await vi.waitFor(() => expect(partials(dir)).toHaveLength(cancelled ? 0 : 1));
    expect(saves.openCount()).toBe(cancelled ? 0 : 1);
  });

  it('are deleted at once when the app quits', async () => {
    const dir = folder();
    const { saves, begin } = setup(path.join(dir, 'bundle.csmsx'));
    await begin();
    await begin();
    expect(partials(dir)).toHaveLength(2);
    saves.discardAllNow();
    expect(partials(dir)).toHaveLength(0);
    expect(existsSync(path.join(dir, 'bundle.csmsx'))).toBe(false);
  });
});
