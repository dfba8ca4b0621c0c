import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, settingRowSchema, SETTING_KEYS } from './settings';

describe('settings rows', () => {
  it('no longer keep a marking of their own: the organization’s classification is the one default', () => {
    expect(SETTING_KEYS).not.toContain('classification');
    expect(DEFAULT_SETTINGS).not.toHaveProperty('classification');
  });

  it('still load the evidence-default marking an older app stored, bounded as before', () => {
    expect(settingRowSchema.safeParse({ key: 'classification', value: 'TLP:AMBER' }).success).toBe(true);
    expect(settingRowSchema.safeParse({ key: 'classification', value: '' }).success).toBe(true);
    expect(settingRowSchema.safeParse({ key: 'classification', value: 'x'.repeat(41) }).success).toBe(false);
    expect(settingRowSchema.safeParse({ key: 'classification', value: 3 }).success).toBe(false);
  });

  it('refuse keys nobody ever used and values their schema refuses', () => {
    expect(settingRowSchema.safeParse({ key: 'colour', value: 'red' }).success).toBe(false);
    expect(settingRowSchema.safeParse({ key: 'theme', value: 'neon' }).success).toBe(false);
    expect(settingRowSchema.safeParse({ key: 'theme', value: 'dark' }).success).toBe(true);
  });
});
