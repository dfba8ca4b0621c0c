import { describe, expect, it } from 'vitest';
import { isCalendarDate, isIsoDateTime } from './calendarDate';

describe('isCalendarDate', () => {
  it('takes days that exist, leap days included', () => {
    for (const day of ['2026-01-01', '2026-12-31', '2024-02-29', '2000-02-29', '0004-02-29', '9999-12-31'])
      expect(isCalendarDate(day), day).toBe(true);
  });

  it('refuses days that do not exist and other ways of writing them', () => {
    for (const day of [
      '2026-99-99',
      '2026-02-30',
      '2025-02-29',
      '1900-02-29',
      '2026-00-10',
      '2026-04-31',
      '2026-6-1',
      ' 2026-06-01',
      '2026-06-01T00:00Z',
      '',
    ])
      expect(isCalendarDate(day), day).toBe(false);
  });
});

describe('isIsoDateTime', () => {
  it('takes what toISOString writes, and other zones', () => {
    for (const moment of [new Date().toISOString(), '2026-06-15T09:00:00Z', '2026-06-15T09:00Z', '2026-06-15T23:59:59.999+14:00'])
      expect(isIsoDateTime(moment), moment).toBe(true);
  });

  it('refuses impossible moments and moments without a zone', () => {
    for (const moment of [
      '2026-02-30T09:00:00Z',
      '2026-06-15T24:00:00Z',
      '2026-06-15T09:60:00Z',
      '2026-06-15T09:00:00',
      '2026-06-15',
      'now',
    ])
      expect(isIsoDateTime(moment), moment).toBe(false);
  });
});
