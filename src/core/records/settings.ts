/**
 * The workbook's settings: one schema per key. The database keeps one row per key; a bundle carries the
 * rows as they are. A stored value that no longer fits (an older app's, say) reads as the default.
 */
import { z } from 'zod';
import { classification } from './fields';
import { personSchema } from './schema';

export const MIB = 1024 * 1024;

export const settingsSchema = z.object({
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

export const SETTING_KEYS = Object.keys(settingsSchema.shape) as SettingKey[];

export const DEFAULT_SETTINGS: Settings = {
  evidenceSizeCap: 200 * MIB,
  theme: 'system',
  classification: 'TLP:AMBER',
  actorId: '',
  persistence: 'unknown',
};

/** One stored row: a known key and a value its schema accepts. */
export const settingRowSchema = z
  .strictObject({ key: z.enum(SETTING_KEYS as [SettingKey, ...SettingKey[]], { error: 'an unknown setting' }), value: z.unknown() })
  .superRefine((row, ctx) => {
    const parsed = settingsSchema.shape[row.key].safeParse(row.value);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: `the setting ${row.key} has a value it cannot have` });
  });

export type SettingRow = z.infer<typeof settingRowSchema>;
