/** App settings: evidence size cap, theme, classification default, who is working (the actor). */
import { z } from 'zod';
import { classification } from '../../../core/records/fields';
import { personSchema } from '../../../core/records/schema';
import type { WorkbookDb } from '../database';
import { WorkbookError } from '../errors';
import { mutate } from '../mutate';

export const MIB = 1024 * 1024;

const settingsSchema = z.object({
  evidenceSizeCap: z
    .number()
    .int()
    .min(MIB)
    .max(4096 * MIB),
  theme: z.enum(['system', 'light', 'dark']),
  /** The marking new evidence gets. */
  classification,
  /** The person working, by ID; empty while nobody is chosen. */
  actorId: personSchema.shape.id.or(z.literal('')),
  /** The browser's answer to navigator.storage.persist(), recorded at first start. */
  persistence: z.enum(['granted', 'denied', 'unsupported', 'unknown']),
});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingKey = keyof Settings;

export const DEFAULT_SETTINGS: Settings = {
  evidenceSizeCap: 200 * MIB,
  theme: 'system',
  classification: 'TLP:AMBER',
  actorId: '',
  persistence: 'unknown',
};

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
