/**
 * The workbook's settings: one schema per key. The database keeps one row per key; a bundle carries the
 * rows as they are. A stored value that no longer fits (an older app's, say) reads as the default.
 */
import { z } from 'zod';
import { RECORD_LIMITS } from './fields';
import { personSchema } from './schema';

export const MIB = 1024 * 1024;

export const settingsSchema = z.object({
  evidenceSizeCap: z
    .number()
    .int()
    .min(MIB)
    .max(4096 * MIB),
  theme: z.enum(['system', 'light', 'dark']),
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
  actorId: '',
  persistence: 'unknown',
};

/**
 * Settings older apps kept and this one no longer reads. Their rows still load from a database or a
 * bundle (bounded as they always were) and are then ignored: the marking new evidence got is now the
 * organization's classification.
 */
export const RETIRED_SETTINGS = {
  classification: z.string().max(RECORD_LIMITS.classification),
} as const;

export type RetiredSettingKey = keyof typeof RETIRED_SETTINGS;

const ROW_KEYS = [...SETTING_KEYS, ...(Object.keys(RETIRED_SETTINGS) as RetiredSettingKey[])] as [SettingKey | RetiredSettingKey];

function rowValueSchema(key: SettingKey | RetiredSettingKey): z.ZodType {
  return Object.hasOwn(RETIRED_SETTINGS, key) ? RETIRED_SETTINGS[key as RetiredSettingKey] : settingsSchema.shape[key as SettingKey];
}

/** One stored row: a known (or retired) key and a value its schema accepts. */
export const settingRowSchema = z
  .strictObject({ key: z.enum(ROW_KEYS, { error: 'an unknown setting' }), value: z.unknown() })
  .superRefine((row, ctx) => {
    const parsed = rowValueSchema(row.key).safeParse(row.value);
    if (!parsed.success) ctx.addIssue({ code: 'custom', message: `the setting ${row.key} has a value it cannot have` });
  });

export type SettingRow = z.infer<typeof settingRowSchema>;
