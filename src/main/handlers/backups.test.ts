/**
 * Automatic backups on real temporary folders: names, rotation, the record of the change log beside each,
 * what an unfinished run leaves, and which names the page may read back.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeFileSystem, type FileSystem } from '../durableFile';
import { backupNameAt, BACKUPS_KEPT, createBackupHandlers, isBackupName } from './backups';

const head = (digit: string) => digit.repeat(64);

function setup(options: { keep?: number; fs?: FileSystem; start?: number; step?: number } = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'csms-backups-'));
  const folder = path.join(root, 'backups');
  let time = options.start ?? Date.UTC(2025, 2, 4, 5, 6, 7, 89);
  const now = () => {
    const at = new Date(time);
    time += options.step ?? 60_000;
    return at;
  };
  const backups = createBackupHandlers({ folder, keep: options.keep, now, fs: options.fs });
  const h = backups.handlers;
  const make = async (content: number[], logCount: number, digit = 'a') => {
    const { id } = await h['backup:begin']();
    await h['backup:chunk'](id, new Uint8Array(content.slice(0, 2)));
    await h['backup:chunk'](id, new Uint8Array(content.slice(2)));
    return h['backup:end'](id, { logCount, logHead: head(digit) });
  };
  return { root, folder, backups, h, make };
}

async function readAll(h: ReturnType<typeof setup>['h'], name: string, offset: number, length: number): Promise<number[]> {
  return [...(await h['backup:read'](name, offset, length))];
}

describe('backup names', () => {
  it('are the UTC time to the millisecond, and nothing else passes as one', () => {
    expect(backupNameAt(new Date(Date.UTC(2025, 0, 2, 3, 4, 5, 6)))).toBe('workbook-20250102-030405-006.csmsx');
    expect(isBackupName('workbook-20250102-030405-006.csmsx')).toBe(true);
    for (const name of [
      '../workbook-20250102-030405-006.csmsx',
      'workbook-20250102-030405-006.csmsx/',
      'workbook-2025-01.csmsx',
      'x.csmsx',
    ]) {
      expect(isBackupName(name), name).toBe(false);
    }
    expect(BACKUPS_KEPT).toBe(10);
  });
});

describe('writing a backup', () => {
  it('lands in the backups folder under its time, with the change log recorded beside it', async () => {
    const { folder, h, make } = setup();
    const info = await make([1, 2, 3, 4, 5], 42, 'b');
    expect(info).toEqual({ name: 'workbook-20250304-050607-089.csmsx', size: 5, at: '2025-03-04T05:06:07.089Z' });
    expect(readdirSync(folder).sort()).toEqual(['workbook-20250304-050607-089.csmsx', 'workbook-20250304-050607-089.json']);
    await expect(h['backup:list']()).resolves.toEqual({
      folder,
      backups: [{ ...info, logCount: 42, logHead: head('b') }],
    });
    expect(await readAll(h, info.name, 0, 100)).toEqual([1, 2, 3, 4, 5]);
  });

  it('keeps the newest K and lists them newest first, each with its own count and head', async () => {
    const { folder, h, make } = setup({ keep: 3 });
    const made = [];
    for (const [i, digit] of ['1', '2', '3', '4', '5'].entries()) made.push(await make([i, i, i], i + 10, digit));
    const { backups } = await h['backup:list']();
    expect(backups.map((b) => b.name)).toEqual([made[4]!.name, made[3]!.name, made[2]!.name]);
    expect(backups.map((b) => [b.logCount, b.logHead])).toEqual([
      [14, head('5')],
      [13, head('4')],
      [12, head('3')],
    ]);
    // The older backups are gone with their records.
    expect(readdirSync(folder)).toHaveLength(6);
    expect(existsSync(path.join(folder, made[0]!.name))).toBe(false);
    expect(existsSync(path.join(folder, made[0]!.name.replace('.csmsx', '.json')))).toBe(false);
  });

  it('gives two backups finished in the same millisecond different names', async () => {
    const { h, make } = setup({ step: 0 });
    const [first, second] = await Promise.all([make([1, 1], 1), make([2, 2], 2)]);
    expect(first!.name).not.toBe(second!.name);
    expect((await h['backup:list']()).backups).toHaveLength(2);
  });

  it('keeps nothing of a cancelled backup', async () => {
    const { folder, h } = setup();
    const { id } = await h['backup:begin']();
    await h['backup:chunk'](id, new Uint8Array([1]));
    await h['backup:abort'](id);
    expect(readdirSync(folder)).toEqual([]);
    await expect(h['backup:end'](id, { logCount: 1, logHead: head('a') })).rejects.toThrow(/not being written/);
  });

  it('on a full disk keeps the earlier backups, leaves no temporary file and says so', async () => {
    let full = false;
    const fs: FileSystem = {
      ...nodeFileSystem,
      open: async (file, flags) => {
        const handle = await nodeFileSystem.open(file, flags);
        return {
          ...handle,
          write: (...args) => {
            if (full) return Promise.reject(Object.assign(new Error('ENOSPC: no space left'), { code: 'ENOSPC' }));
            return handle.write(...args);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const { folder, h, make } = setup({ fs });
    const earlier = await make([1, 2, 3], 3);
    full = true;
    const { id } = await h['backup:begin']();
    await expect(h['backup:chunk'](id, new Uint8Array([9]))).rejects.toThrow(
      'The disk is full: the automatic backup was not saved. Nothing was changed.',
    );
    expect(readdirSync(folder).sort()).toEqual([earlier.name, earlier.name.replace('.csmsx', '.json')]);
    expect(await readAll(h, earlier.name, 0, 10)).toEqual([1, 2, 3]);
  });

  it('clears what an unfinished run left before the first backup, and lists a backup whose record is lost', async () => {
    const { folder, backups, h } = setup();
    mkdirSync(folder);
    const kept = 'workbook-20240101-000000-000.csmsx';
    writeFileSync(path.join(folder, kept), 'old');
    writeFileSync(path.join(folder, 'workbook-backup.0a1b2c.partial'), 'half');
    writeFileSync(path.join(folder, 'workbook-20240101-000000-000.json.99.partial'), '{');
    writeFileSync(path.join(folder, 'workbook-20230101-000000-000.json'), '{"logCount":1}');
    await backups.prepare();
    expect(readdirSync(folder)).toEqual([kept]);
    expect((await h['backup:list']()).backups).toEqual([
      { name: kept, size: 3, at: '2024-01-01T00:00:00.000Z', logCount: null, logHead: null },
    ]);
  });
});

describe('reading a backup back', () => {
  it('returns the slice asked for, less at the end, nothing past it', async () => {
    const { h, make } = setup();
    const content = Array.from({ length: 100 }, (_, i) => i);
    const { name } = await make(content, 1);
    expect(await readAll(h, name, 10, 5)).toEqual([10, 11, 12, 13, 14]);
    expect(await readAll(h, name, 95, 10)).toEqual([95, 96, 97, 98, 99]);
    expect(await readAll(h, name, 100, 10)).toEqual([]);
    expect(await readAll(h, name, 1000, 10)).toEqual([]);
    expect(await readAll(h, name, 0, 0)).toEqual([]);
  });

  it('refuses names main does not make, and files it did not make, reading nothing', async () => {
    const { root, folder, h, make } = setup();
    await make([1, 2, 3], 1);
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    writeFileSync(path.join(folder, 'notes.txt'), 'not a backup');
    const refused = /Refused: that is not the name of a backup made by the app/;
    for (const name of [
      '../secret.txt',
      '../backups/notes.txt',
      path.join(root, 'secret.txt'),
      'notes.txt',
      'workbook-20250304-050607-089.csmsx\u0000',
      'workbook-20250304-050607-089.json',
      '..',
      'workbook-20250304-050607-089.csmsx/../../secret.txt',
    ]) {
      await expect(h['backup:read'](name, 0, 100), name).rejects.toThrow(refused);
    }
  });

  it('does not follow a link that has a backup name', async () => {
    const { root, folder, h, make } = setup();
    await make([1], 1);
    writeFileSync(path.join(root, 'secret.txt'), 'secret');
    symlinkSync(path.join(root, 'secret.txt'), path.join(folder, 'workbook-20990101-000000-000.csmsx'));
    await expect(h['backup:read']('workbook-20990101-000000-000.csmsx', 0, 100)).rejects.toThrow(/Refused/);
    expect((await h['backup:list']()).backups.map((b) => b.name)).not.toContain('workbook-20990101-000000-000.csmsx');
  });

  it('says when a backup of that name is not there', async () => {
    const { h } = setup();
    await expect(h['backup:read']('workbook-20000101-000000-000.csmsx', 0, 10)).rejects.toThrow(/no backup named workbook-20000101/);
  });
});
