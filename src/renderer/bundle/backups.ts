/**
 * Automatic backups in the desktop app: after BACKUP_AFTER_CHANGES changes, or BACKUP_AFTER_MINUTES
 * after the first change not yet in a backup, and when the window closes, the workbook is packed and
 * handed to main, which writes it beside the profile (fsync, then rename) and keeps the newest ones.
 * The browser edition has nowhere to put them unasked; it reminds the user instead (reminder.ts).
 */
import { committed } from '../db/events';
import type { WorkbookDb } from '../db/database';
import { logHead } from '../db/integrity';
import type { BackupStore } from '../platform/types';
import { packBundle } from './saveBundle';

export const BACKUP_AFTER_CHANGES = 50;
export const BACKUP_AFTER_MINUTES = 10;

/** Packs the whole workbook and writes it as a backup; resolves with the log count it holds. */
export async function writeBackup(db: WorkbookDb, store: BackupStore): Promise<number> {
  const packed = await packBundle(db, { kind: 'workbook' }, () => undefined);
  const begun = await store.begin();
  if (!begun.ok) throw new Error(begun.error);
  const sink = begun.value;
  try {
    const reader = packed.blob.stream().getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      await sink.write(value);
    }
    await sink.close({ logCount: packed.logCount, logHead: packed.logHead });
  } catch (error) {
    await sink.abort().catch(() => undefined);
    throw error;
  }
  return packed.logCount;
}

/** A backup read back from main, as a Blob for the import. */
export async function readBackup(store: BackupStore, name: string): Promise<Blob> {
  const parts: BlobPart[] = [];
  let folded = new Blob([]);
  let pending = 0;
  for await (const chunk of store.read(name)) {
    parts.push(chunk.slice() as BlobPart);
    pending += chunk.byteLength;
    if (pending > 32 * 1024 * 1024) {
      folded = new Blob([folded, ...parts.splice(0)]);
      pending = 0;
    }
  }
  return new Blob([folded, ...parts]);
}

/**
 * Starts the schedule for the user's workbook; returns a function that stops it and, when changes are
 * waiting, writes one last backup (called when the window is about to close).
 */
export function scheduleBackups(db: WorkbookDb, store: BackupStore, onError: (message: string) => void): () => Promise<void> {
  let backedUp = 0;
  let firstPendingAt: number | null = null;
  let latest = 0;
  let running: Promise<void> | null = null;

  const run = () => {
    if (running) return running;
    running = writeBackup(db, store)
      .then((count) => {
        backedUp = count;
        firstPendingAt = latest > count ? Date.now() : null;
      })
      .catch((error: unknown) => onError(`The automatic backup failed: ${(error as Error).message}`))
      .finally(() => {
        running = null;
      });
    return running;
  };

  void store.list().then(async (listed) => {
    const newest = listed.ok ? listed.value.backups[0] : undefined;
    backedUp = newest?.logCount ?? 0;
    latest = (await logHead(db)).count;
    if (latest > backedUp) firstPendingAt = Date.now();
  });

  const timer = setInterval(() => {
    if (firstPendingAt !== null && Date.now() - firstPendingAt >= BACKUP_AFTER_MINUTES * 60_000) void run();
  }, 30_000);
  const stop = committed.subscribe((head) => {
    if (head.dbName !== db.name) return;
    latest = head.count;
    firstPendingAt ??= Date.now();
    if (latest - backedUp >= BACKUP_AFTER_CHANGES) void run();
  });

  return async () => {
    clearInterval(timer);
    stop();
    if (latest > backedUp) await run();
  };
}
