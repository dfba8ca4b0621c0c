import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupInfo, BackupMeta } from '../../shared/ipc';
import { addNote } from '../db/repo/evidence';
import { installMemoryStorage } from '../hooks/memoryStorage';
import { setUpWorkbook } from '../db/repo/setup';
import { freshDb } from '../db/testDb';
import type { BackupStore } from '../platform/types';
import { BACKUP_AFTER_CHANGES, scheduleBackups } from './backups';
import { recordBundleSaved, unsavedSince, REMIND_AFTER_MS } from './reminder';
import * as save from './saveBundle';

/** A backup store in memory: what main would keep. */
function memoryStore() {
  const written: BackupMeta[] = [];
  const store: BackupStore = {
    begin: async () => ({
      ok: true,
      value: {
        write: async () => undefined,
        close: async (meta: BackupMeta): Promise<BackupInfo> => {
          written.push(meta);
          return { name: `b${written.length}`, size: 1, at: new Date().toISOString() };
        },
        abort: async () => undefined,
      },
    }),
    list: async () => ({ ok: true, value: { folder: '/backups', backups: [] } }),
    read: async function* () {},
  };
  return { store, written };
}

async function workbook() {
  const db = await freshDb();
  await setUpWorkbook(db, { organization: 'North Valley', classification: 'TLP:AMBER', site: 'Riverside', name: 'Dana', role: 'Lead' });
  return db;
}

afterEach(() => vi.restoreAllMocks());

describe('automatic backups', () => {
  it(`writes one after ${BACKUP_AFTER_CHANGES} changes, and one more on closing when changes wait`, async () => {
    const db = await workbook();
    const { store, written } = memoryStore();
    // Packing runs in a worker in the app; here the log head is what matters.
    vi.spyOn(save, 'packBundle').mockImplementation(async (d) => {
      const { logHead } = await import('../db/integrity');
      const head = await logHead(d);
      return { blob: new Blob(['x']), logCount: head.count, logHead: head.head, name: 'b', what: 'bundle' };
    });
    const stop = scheduleBackups(db, store, (m) => {
      throw new Error(m);
    });
    await new Promise((r) => setTimeout(r, 10));
    for (let i = 0; i < BACKUP_AFTER_CHANGES + 2; i++) await addNote(db, { title: `n${i}`, note: 'x' });
    await vi.waitFor(() => expect(written).toHaveLength(1));
    expect(written[0]!.logCount).toBeGreaterThanOrEqual(BACKUP_AFTER_CHANGES);
    await addNote(db, { title: 'last', note: 'x' });
    await stop();
    expect(written).toHaveLength(2);
    const { logHead } = await import('../db/integrity');
    expect(written[1]).toEqual({ logCount: (await logHead(db)).count, logHead: (await logHead(db)).head });
    // Nothing new since: closing again writes nothing.
    await stop();
    expect(written).toHaveLength(2);
  });
});

describe('the reminder to save a bundle (browser edition)', () => {
  installMemoryStorage();

  it('speaks only when a change not in any saved bundle is more than a day old', async () => {
    const db = await workbook();
    expect(await unsavedSince(db)).toBeNull();
    const later = Date.now() + REMIND_AFTER_MS + 60_000;
    expect(await unsavedSince(db, later)).toBeInstanceOf(Date);
    const { logHead } = await import('../db/integrity');
    recordBundleSaved(db.name, (await logHead(db)).count);
    expect(await unsavedSince(db, later)).toBeNull();
    await addNote(db, { title: 'after the bundle', note: 'x' });
    expect(await unsavedSince(db, later)).toBeInstanceOf(Date);
  });
});
