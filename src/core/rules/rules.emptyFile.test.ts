import { describe, expect, it } from 'vitest';
import { evidenceBacking, evidenceStanding, isEmptyFile, isUsableEvidence } from './rules';

const today = '2026-03-01';

describe('an empty evidence file from an older workbook', () => {
  it('still reads, but stands as damaged and backs no level', () => {
    const empty = { id: 'EV-0001', kind: 'file' as const, size: 0 };
    expect(evidenceStanding(empty, today)).toBe('damaged');
    expect(isUsableEvidence(empty, today)).toBe(false);
    expect(evidenceBacking([empty, { id: 'EV-0002', kind: 'file', size: 12 }], today)).toEqual({
      valid: ['EV-0002'],
      expired: [],
      damaged: ['EV-0001'],
    });
  });

  it('is only a file with no bytes: notes, links and files of unknown size are not empty files', () => {
    expect(isEmptyFile({ kind: 'file', size: 0 })).toBe(true);
    expect(isEmptyFile({ kind: 'file', size: 1 })).toBe(false);
    expect(isEmptyFile({ kind: 'file' })).toBe(false);
    expect(isEmptyFile({ kind: 'note', size: 0 })).toBe(false);
    expect(evidenceStanding({ id: 'EV-0003', kind: 'link' }, today)).toBe('valid');
  });
});
