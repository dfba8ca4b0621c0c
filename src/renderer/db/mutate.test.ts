import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH } from '../../core/audit/chain';
import { DISK_FULL_MESSAGE } from './errors';
import { verifyAudit } from './integrity';
import { storageFailed } from './events';
import { mutate } from './mutate';
import { opfsProbe, setSpaceProbe } from './space';
import { addPerson, addSite } from './repo/people';
import { saveSetting } from './repo/settings';
import { freshDb } from './testDb';

describe('mutate and the change log', () => {
  it('appends one chained entry per change, naming the actor chosen in the profile', async () => {
    const db = await freshDb();
    const person = await addPerson(db, { name: 'Dana Okafor', role: 'OT security lead' });
    await saveSetting(db, 'actorId', person.id);
    await addSite(db, { name: 'Pump station 4' });
    const entries = await db.audit.orderBy('seq').toArray();
    expect(entries.map((e) => [e.seq, e.entity, e.change.op, e.actor])).toEqual([
      [1, 'person', 'create', 'Unnamed user'],
      // Choosing who is working is recorded under the person chosen.
      [2, 'settings', 'create', 'Dana Okafor'],
      [3, 'site', 'create', 'Dana Okafor'],
    ]);
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    expect(entries[2]!.prevHash).toBe(entries[1]!.hash);
    expect(await verifyAudit(db)).toMatchObject({ ok: true, count: 3, head: entries[2]!.hash });
  });

  it('writes nothing, neither the change nor its log entry, when the change fails', async () => {
    const db = await freshDb();
    await expect(
      mutate(db, async (m) => {
        await db.sites.add({ id: 's1', name: 'Half-written', location: '', createdAt: '' });
        m.log('site', 's1', { op: 'create' });
        throw new Error('validation failed halfway');
      }),
    ).rejects.toThrow('validation failed halfway');
    expect(await db.sites.count()).toBe(0);
    expect(await db.audit.count()).toBe(0);
  });

  it('turns a quota failure into the plain disk-full message, with nothing written', async () => {
    const db = await freshDb();
    const quota = Object.assign(new Error('The transaction was aborted'), {
      name: 'AbortError',
      inner: new DOMException('Quota exceeded', 'QuotaExceededError'),
    });
    await expect(
      mutate(db, async () => {
        await db.sites.add({ id: 's1', name: 'x', location: '', createdAt: '' });
        throw quota;
      }),
    ).rejects.toMatchObject({ kind: 'quota', message: DISK_FULL_MESSAGE });
    expect(await db.sites.count()).toBe(0);
  });

  it('offers a recovery copy when the storage fails a write, but not when a write is refused before it starts', async () => {
    const db = await freshDb();
    const offers: string[] = [];
    const stop = storageFailed.subscribe((failure) => offers.push(failure.message));
    try {
      const aborted = Object.assign(new Error('The transaction was aborted'), { name: 'AbortError' });
      await expect(
        mutate(db, async () => {
          throw aborted;
        }),
      ).rejects.toMatchObject({ kind: 'quota' });
      expect(offers).toEqual([DISK_FULL_MESSAGE]);

      setSpaceProbe(() => Promise.resolve(false));
      await expect(addSite(db, { name: 'Pump station 4' })).rejects.toMatchObject({ kind: 'quota', message: DISK_FULL_MESSAGE });
      expect(offers).toHaveLength(1);
      expect(await db.sites.count()).toBe(0);
    } finally {
      stop();
      setSpaceProbe(opfsProbe);
    }
  });
});
