import { beforeEach, describe, expect, it } from 'vitest';
import { claimDraft, isClaimed, listDrafts, MAX_DRAFT_CHARS, readDraft, removeDraft, responseDraftKey, writeDraft } from './drafts';
import { installMemoryStorage } from './memoryStorage';

beforeEach(() => {
  installMemoryStorage();
});

describe('drafts', () => {
  it('keeps a draft per database and record, requirement IDs with dots and spaces included', () => {
    const key = responseDraftKey('csms-workbook', 'a1', 'ORG 1.1');
    writeDraft(key, { narrative: 'The policy is signed.' });
    writeDraft(responseDraftKey('other-workbook', 'a1', 'ORG 1.1'), { narrative: 'elsewhere' });
    expect(readDraft(key)).toEqual({ narrative: 'The policy is signed.' });
    expect(listDrafts('csms-workbook')).toEqual([
      { key, kind: 'response', id: 'a1|ORG 1.1', raw: JSON.stringify({ narrative: 'The policy is signed.' }) },
    ]);
  });

  it('drops the older draft when a newer one is too large to keep, so stale text is never replayed', () => {
    const key = responseDraftKey('w', 'a1', 'NET 1.1');
    expect(writeDraft(key, { narrative: 'short' })).toBe(true);
    expect(writeDraft(key, { narrative: 'x'.repeat(MAX_DRAFT_CHARS) })).toBe(false);
    expect(readDraft(key)).toBeNull();
  });

  it('removes a draft only while it still holds what was saved', () => {
    const key = responseDraftKey('w', 'a1', 'NET 1.1');
    writeDraft(key, { narrative: 'first' });
    const saved = JSON.stringify({ narrative: 'first' });
    writeDraft(key, { narrative: 'first, then more' });
    removeDraft(key, saved);
    expect(readDraft(key)).toEqual({ narrative: 'first, then more' });
    removeDraft(key);
    expect(readDraft(key)).toBeNull();
  });

  it('knows which drafts a mounted form has taken over', () => {
    const key = responseDraftKey('w', 'a1', 'NET 1.1');
    const release = claimDraft(key);
    expect(isClaimed(key)).toBe(true);
    release();
    expect(isClaimed(key)).toBe(false);
  });
});
