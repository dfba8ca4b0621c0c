/**
 * Automatic backups: workbook bundles the page streams into `<userData>/backups`, named by the UTC time they
 * were completed, the newest BACKUPS_KEPT kept. Each has a small record beside it (`workbook-….json`) with the
 * change log's count and head, so a list can tell backups apart without opening them. The page may read back
 * only files whose names main itself makes, in that folder, and never through a link.
 */
import { constants } from 'node:fs';
import { lstat, mkdir, open, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { MAX_CHUNK_BYTES, type BackupEntry, type BackupInfo, type BackupMeta } from '../../shared/ipc';
import { confirmRename, nodeFileSystem, PARTIAL_SUFFIX, partialPathFor, writeFileDurably, type FileSystem } from '../durableFile';
import type { Handlers } from '../ipc';
import { createStreamedWrites, type StreamLimits } from '../streamedWrites';

export const BACKUPS_KEPT = 10;
export const BACKUPS_FOLDER = 'backups';

const LABEL = 'the automatic backup';
const STAMP = String.raw`(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})-(\d{3})`;
const BACKUP_NAME = new RegExp(`^workbook-${STAMP}\\.csmsx$`);
const RECORD_NAME = new RegExp(`^workbook-${STAMP}\\.json$`);

/** True only for names of the form main gives backups: no separators, no `..`, nothing else. */
export function isBackupName(name: string): boolean {
  return BACKUP_NAME.test(name);
}

export function backupNameAt(time: Date): string {
  const stamp = time.toISOString().replace(/^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})\.(\d{3})Z$/, '$1$2$3-$4$5$6-$7');
  return `workbook-${stamp}.csmsx`;
}

/** The time in a backup's name, ISO 8601 in UTC. */
export function backupTime(name: string): string {
  const [, y, mo, d, h, mi, s, ms] = BACKUP_NAME.exec(name) ?? [];
  return `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms}Z`;
}

const recordNameOf = (backup: string) => backup.replace(/\.csmsx$/, '.json');
const backupNameOf = (record: string) => record.replace(/\.json$/, '.csmsx');

function parseRecord(text: string): BackupMeta | null {
  try {
    const value = JSON.parse(text) as Partial<BackupMeta> | null;
    const countOk = typeof value?.logCount === 'number' && Number.isSafeInteger(value.logCount) && value.logCount >= 0;
    const headOk = typeof value?.logHead === 'string' && /^[0-9a-f]{64}$/.test(value.logHead);
    return countOk && headOk ? { logCount: value.logCount!, logHead: value.logHead! } : null;
  } catch {
    return null;
  }
}

const refusedName = () => new Error('Refused: that is not the name of a backup made by the app.');

export interface BackupDeps {
  /** `<userData>/backups`. */
  folder: string;
  keep?: number;
  now?: () => Date;
  fs?: FileSystem;
  limits?: StreamLimits;
}

type BackupHandlers = Pick<Handlers, 'backup:begin' | 'backup:chunk' | 'backup:end' | 'backup:abort' | 'backup:list' | 'backup:read'>;

export function createBackupHandlers({ folder, keep = BACKUPS_KEPT, now = () => new Date(), fs = nodeFileSystem, limits }: BackupDeps) {
  const writes = createStreamedWrites<null>(fs, limits);
  // Naming, renaming and rotating run one at a time, so two backups finishing together cannot take one name.
  let folderTail: Promise<unknown> = Promise.resolve();
  const inFolderTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const result = folderTail.then(run);
    folderTail = result.catch(() => undefined);
    return result;
  };

  async function fileNames(): Promise<string[]> {
    try {
      const entries = await readdir(folder, { withFileTypes: true });
      return entries.filter((entry) => entry.isFile()).map((entry) => entry.name);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
  }

  /** Backups beyond the newest `keep`, records without their backup, and temporary files of a write that never finished. */
  async function prune(options: { partials: boolean }): Promise<void> {
    const names = await fileNames();
    const backups = names.filter(isBackupName).sort().reverse();
    const kept = new Set(backups.slice(0, keep));
    const doomed = [
      ...backups.slice(keep),
      ...backups.slice(keep).map(recordNameOf),
      ...names.filter((name) => RECORD_NAME.test(name) && !kept.has(backupNameOf(name))),
      ...(options.partials ? names.filter((name) => name.endsWith(PARTIAL_SUFFIX)) : []),
    ];
    // One file that cannot go (open elsewhere, say) must not stop the others; the next pass tries again.
    await Promise.all([...new Set(doomed)].map((name) => rm(path.join(folder, name), { force: true }).catch(() => undefined)));
  }

  let ready: Promise<void> | null = null;
  /** Creates the folder and clears what an earlier run left half-written; runs before the first backup starts. */
  function prepare(): Promise<void> {
    ready ??= inFolderTurn(async () => {
      await mkdir(folder, { recursive: true });
      await prune({ partials: true });
    }).catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  async function commit(temp: string, size: number, meta: BackupMeta): Promise<BackupInfo> {
    return inFolderTurn(async () => {
      const taken = new Set((await fileNames()).filter(isBackupName));
      let time = now().getTime();
      while (taken.has(backupNameAt(new Date(time)))) time += 1;
      const name = backupNameAt(new Date(time));
      const record = path.join(folder, recordNameOf(name));
      // The record first: a crash in between leaves a record without a backup, which the next prune removes.
      await writeFileDurably(fs, record, new TextEncoder().encode(JSON.stringify(meta)), LABEL, folder);
      try {
        await fs.rename(temp, path.join(folder, name));
      } catch (error) {
        await fs.remove(record).catch(() => undefined);
        throw error;
      }
      await confirmRename(fs, folder, LABEL);
      await prune({ partials: false }).catch(() => undefined);
      return { name, size, at: backupTime(name) };
    });
  }

  async function entry(name: string): Promise<BackupEntry | null> {
    try {
      const info = await lstat(path.join(folder, name));
      if (!info.isFile()) return null;
      const record = await readFile(path.join(folder, recordNameOf(name)), 'utf8').catch(() => '');
      const meta = record.length <= 1024 ? parseRecord(record) : null;
      return { name, size: info.size, at: backupTime(name), logCount: meta?.logCount ?? null, logHead: meta?.logHead ?? null };
    } catch {
      return null; // Rotated away while listing.
    }
  }

  const handlers: BackupHandlers = {
    'backup:begin': async () => {
      await prepare();
      const id = await writes.begin(partialPathFor(path.join(folder, 'workbook-backup')), LABEL, null);
      return { id };
    },
    'backup:chunk': async (id, bytes) => {
      await writes.append(id, bytes);
      return null;
    },
    'backup:end': (id, meta) => writes.end(id, ({ temp, size }) => commit(temp, size, meta)),
    'backup:abort': async (id) => {
      await writes.abort(id);
      return null;
    },
    'backup:list': async () => {
      const names = (await fileNames()).filter(isBackupName).sort().reverse();
      const backups = (await Promise.all(names.map(entry))).filter((e): e is BackupEntry => e !== null);
      return { folder, backups };
    },
    'backup:read': async (name, offset, length) => {
      if (!isBackupName(name)) throw refusedName();
      const file = path.join(folder, name);
      const info = await lstat(file).catch(() => null);
      if (!info) throw new Error(`There is no backup named ${name} any more: it may have been replaced by newer ones.`);
      if (!info.isFile()) throw refusedName();
      // O_NOFOLLOW: a link put in its place after the check is refused, not followed (where the platform has it).
      const handle = await open(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
      try {
        const bytes = new Uint8Array(Math.max(0, Math.min(length, MAX_CHUNK_BYTES, info.size - offset)));
        let filled = 0;
        while (filled < bytes.byteLength) {
          const { bytesRead } = await handle.read(bytes, filled, bytes.byteLength - filled, offset + filled);
          if (bytesRead === 0) break;
          filled += bytesRead;
        }
        // A file cut short while read: copy, so that IPC does not carry the unused rest of the buffer.
        return filled === bytes.byteLength ? bytes : bytes.slice(0, filled);
      } finally {
        await handle.close();
      }
    },
  };

  return { handlers, prepare, abortAll: writes.abortAll, discardAllNow: writes.discardAllNow, openCount: writes.openCount };
}
