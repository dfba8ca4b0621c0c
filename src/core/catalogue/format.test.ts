import { describe, expect, it } from 'vitest';
import { upgradeDocument } from './format';

describe('upgradeDocument', () => {
  const upgrades = {
    1: (doc: Record<string, unknown>) => ({ ...doc, renamed: doc.old, old: undefined }),
    2: (doc: Record<string, unknown>) => ({ ...doc, added: true }),
  };

  it('upgrades an old document one format at a time and keeps unknown fields', () => {
    expect(upgradeDocument({ format: 1, old: 'x', keep: 7 }, 3, upgrades)).toEqual({
      ok: true,
      document: { format: 3, renamed: 'x', old: undefined, added: true, keep: 7 },
    });
  });

  it('returns the current format unchanged', () => {
    expect(upgradeDocument({ format: 3, a: 1 }, 3, upgrades)).toEqual({ ok: true, document: { format: 3, a: 1 } });
  });

  it.each([
    [{ format: 4 }, 'format 4 is newer than this app reads (3): update CSMS Workbook to open it'],
    [{ format: 'one' }, 'format must be a whole number from 1'],
    [{}, 'format must be a whole number from 1'],
    [[1, 2], 'the file is not a mapping of fields'],
    [null, 'the file is not a mapping of fields'],
  ])('refuses %j', (doc, error) => {
    expect(upgradeDocument(doc, 3, upgrades)).toEqual({ ok: false, error });
  });

  it('refuses a format whose upgrade step is missing', () => {
    expect(upgradeDocument({ format: 1 }, 2, {})).toEqual({ ok: false, error: 'format 1 can no longer be upgraded' });
  });
});
