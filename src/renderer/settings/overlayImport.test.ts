import { describe, expect, it } from 'vitest';
import { planOverlayImport } from './overlayImport';

const entry = { id: 'SP.01.01', text: 'Official wording' };

describe('planOverlayImport', () => {
  it('passes parse errors through and saves nothing', () => {
    expect(planOverlayImport('a.csv', { ok: false, errors: ['a.csv: row 2: text must not be empty'] })).toEqual({
      kind: 'errors',
      errors: ['a.csv: row 2: text must not be empty'],
    });
  });

  it('saves directly when every ID is known', () => {
    expect(planOverlayImport('a.csv', { ok: true, value: { entries: [entry], unknownIds: [] } })).toEqual({
      kind: 'save',
      entries: [entry],
    });
  });

  it('asks first when some IDs are unknown', () => {
    expect(planOverlayImport('a.csv', { ok: true, value: { entries: [entry], unknownIds: ['XX.99'] } })).toEqual({
      kind: 'confirm',
      entries: [entry],
      unknownIds: ['XX.99'],
    });
  });

  it('refuses a file in which no ID is known', () => {
    const plan = planOverlayImport('a.csv', { ok: true, value: { entries: [], unknownIds: ['XX.1', 'XX.2'] } });
    expect(plan).toEqual({ kind: 'errors', errors: ['a.csv: none of the 2 IDs in the file are in this catalogue'] });
  });
});
