/** App settings: evidence size cap, theme, classification default, who is working (the actor). */
import { DEFAULT_SETTINGS, settingsSchema, type SettingKey, type Settings } from '../../../core/records/settings';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate } from '../mutate';

export { DEFAULT_SETTINGS, MIB, type SettingKey, type Settings } from '../../../core/records/settings';

export async function readSettings(db: WorkbookDb): Promise<Settings> {
  const rows = await db.settings.toArray();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  const merged = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as SettingKey[]) {
    const parsed = settingsSchema.shape[key].safeParse(stored[key]);
    // A stored value that no longer fits (an older app's, say) falls back to the default.
    if (parsed.success) (merged as Record<string, unknown>)[key] = parsed.data;
  }
  return merged;
}

/** Saves one setting; the others stay as they are. An unknown key or an undefined value is refused. */
export async function saveSetting<K extends SettingKey>(db: WorkbookDb, key: K, value: Settings[K]): Promise<void> {
  // Keys can arrive unchecked (from a form or a file); without this an unknown one fails with a TypeError.
  if (!Object.hasOwn(settingsSchema.shape, key)) throw new WorkbookError(`There is no setting "${key}".`, 'invalid');
  const parsed = settingsSchema.shape[key].safeParse(value);
  if (!parsed.success) throw new WorkbookError(`The setting "${key}" cannot be ${JSON.stringify(value)}.`, 'invalid');
  await mutate(db, async (m) => {
    const before = (await db.settings.get(key))?.value;
    await db.settings.put({ key, value: parsed.data });
    m.log('settings', key, { op: before === undefined ? 'create' : 'update', before, after: parsed.data });
  });
}
