import { beforeEach, describe, expect, it } from 'vitest';
import { installMemoryStorage, type MemoryStorage } from '../hooks/memoryStorage';
import { DEFAULT_EXPORT_CHOICES, parseExportChoices, readExportChoices, writeExportChoices } from './exportOptionsStore';

describe('remembered export choices', () => {
  let storage: MemoryStorage;
  beforeEach(() => {
    storage = installMemoryStorage();
  });

  it('are read back per assessment as they were written', () => {
    const chosen = {
      kinds: ['soa' as const],
      includeNarratives: false,
      includeReviewerComments: true,
      includeLicensedText: true,
      marking: 'TLP:RED',
    };
    writeExportChoices('workbook', 'a1', chosen);
    expect(readExportChoices('workbook', 'a1')).toEqual(chosen);
    // Another assessment, or the same one in another workbook, starts from the defaults.
    expect(readExportChoices('workbook', 'a2')).toEqual(DEFAULT_EXPORT_CHOICES);
    expect(readExportChoices('other', 'a1')).toEqual(DEFAULT_EXPORT_CHOICES);
  });

  it('fall back to the defaults when the stored text is damaged', () => {
    storage.setItem('csms.exportChoices.workbook.a1', '{"kinds": ["soa"');
    expect(readExportChoices('workbook', 'a1')).toEqual(DEFAULT_EXPORT_CHOICES);
    expect(parseExportChoices('[1,2]')).toEqual(DEFAULT_EXPORT_CHOICES);
    expect(parseExportChoices(JSON.stringify({ kinds: ['soa'], pad: 'x'.repeat(3_000) }))).toEqual(DEFAULT_EXPORT_CHOICES);
  });

  it('keep the fields that are sound and drop the ones that are not', () => {
    const parsed = parseExportChoices(
      JSON.stringify({
        kinds: ['plan', 'virus', 'report'],
        includeNarratives: 'yes',
        includeReviewerComments: true,
        marking: 'M'.repeat(41),
      }),
    );
    expect(parsed).toEqual({
      kinds: ['report', 'plan'],
      includeNarratives: true,
      includeReviewerComments: true,
      includeLicensedText: false,
      marking: null,
    });
  });

  it('are not written for an assessment not yet known', () => {
    writeExportChoices('workbook', '', { ...DEFAULT_EXPORT_CHOICES, kinds: [] });
    expect(storage.length).toBe(0);
  });
});
