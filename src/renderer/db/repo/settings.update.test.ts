/** Saving a setting changes that setting only: each in turn, the others read back unchanged. */
import { describe, expect, it } from 'vitest';
import { freshDb } from '../testDb';
import { MIB, readSettings, saveSetting, type SettingKey, type Settings } from './settings';

// Every setting away from its default, and a second value for each.
const full: Settings = { evidenceSizeCap: 50 * MIB, theme: 'dark', actorId: 'person-1', persistence: 'granted' };
const changed: Settings = {
  evidenceSizeCap: 60 * MIB,
  theme: 'light',
  actorId: 'person-2',
  persistence: 'denied',
};

async function saved() {
  const db = await freshDb();
  for (const key of Object.keys(full) as SettingKey[]) await saveSetting(db, key, full[key]);
  expect(await readSettings(db)).toStrictEqual(full);
  return db;
}

describe('saveSetting', () => {
  for (const key of Object.keys(changed) as SettingKey[]) {
    it(`changes ${key} and nothing else`, async () => {
      const db = await saved();
      await saveSetting(db, key, changed[key]);
      expect(await readSettings(db)).toStrictEqual({ ...full, [key]: changed[key] });
    });
  }

  it('refuses an undefined value and writes nothing', async () => {
    const db = await saved();
    const entries = await db.audit.count();
    await expect(saveSetting(db, 'theme', undefined as never)).rejects.toMatchObject({ name: 'WorkbookError', kind: 'invalid' });
    expect(await readSettings(db)).toStrictEqual(full);
    expect(await db.audit.count()).toBe(entries);
  });

  it('refuses an unknown key and writes nothing', async () => {
    const db = await saved();
    const entries = await db.audit.count();
    await expect(saveSetting(db, 'colour' as never, 'red' as never)).rejects.toMatchObject({
      name: 'WorkbookError',
      kind: 'invalid',
      message: 'There is no setting "colour".',
    });
    expect(await db.settings.get('colour')).toBeUndefined();
    expect(await readSettings(db)).toStrictEqual(full);
    expect(await db.audit.count()).toBe(entries);
  });
});
