import { describe, expect, it } from 'vitest';
import { freshDb, tamper } from '../testDb';
import { DEFAULT_SETTINGS, MIB, readSettings, saveSetting } from './settings';

describe('settings', () => {
  it('start from the defaults: 200 MiB evidence cap, system theme, and no marking of their own', async () => {
    const db = await freshDb();
    expect(await readSettings(db)).toEqual(DEFAULT_SETTINGS);
    expect(DEFAULT_SETTINGS).toMatchObject({ evidenceSizeCap: 200 * MIB, theme: 'system' });
    expect(DEFAULT_SETTINGS).not.toHaveProperty('classification');
  });

  it('read without error next to the evidence-default marking an older app stored, which no longer counts', async () => {
    const db = await freshDb();
    await saveSetting(db, 'theme', 'dark');
    await tamper(db, 'settings', (store) => store.put({ key: 'classification', value: 'TLP:RED' }));
    expect(await readSettings(db)).toStrictEqual({ ...DEFAULT_SETTINGS, theme: 'dark' });
    await expect(saveSetting(db, 'classification' as never, 'TLP:GREEN' as never)).rejects.toMatchObject({ kind: 'invalid' });
  });

  it('are saved and read back', async () => {
    const db = await freshDb();
    await saveSetting(db, 'theme', 'dark');
    await saveSetting(db, 'evidenceSizeCap', 50 * MIB);
    expect(await readSettings(db)).toMatchObject({ theme: 'dark', evidenceSizeCap: 50 * MIB });
  });

  it('refuse values out of range, and ignore stored values that no longer fit', async () => {
    const db = await freshDb();
    await expect(saveSetting(db, 'evidenceSizeCap', 10)).rejects.toThrow('The setting "evidenceSizeCap" cannot be 10.');
    await expect(saveSetting(db, 'theme', 'neon' as never)).rejects.toMatchObject({ kind: 'invalid' });
    // As an older app (or someone around this one) might have left it.
    await tamper(db, 'settings', (store) => store.put({ key: 'theme', value: 'neon' }));
    expect((await readSettings(db)).theme).toBe('system');
  });
});
