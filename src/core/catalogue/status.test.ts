import { describe, expect, it } from 'vitest';
import { marksOf, marksText, marksUsed, titleWithMarks } from './status';

describe('catalogue marks', () => {
  it('gives a confirmed ID with a sure title no mark', () => {
    expect(marksOf({ status: 'confirmed', titleDoubtful: false })).toEqual([]);
    expect(titleWithMarks('Backup', { status: 'confirmed', titleDoubtful: false })).toBe('Backup');
  });

  it('names the ID status and a doubtful title together', () => {
    expect(marksOf({ status: 'unconfirmed', titleDoubtful: true })).toEqual(['unconfirmed', 'title-doubtful']);
    expect(marksText({ status: 'element-level', titleDoubtful: true })).toBe('element-level only; title doubtful');
    expect(titleWithMarks('Screen lock', { status: 'unconfirmed', titleDoubtful: false })).toBe('Screen lock (ID unconfirmed)');
  });

  it('lists only the marks that occur, in key order', () => {
    const used = marksUsed([
      { status: 'confirmed', titleDoubtful: true },
      { status: 'unconfirmed', titleDoubtful: false },
      { status: 'confirmed', titleDoubtful: false },
    ]);
    expect(used).toEqual(['unconfirmed', 'title-doubtful']);
  });
});
