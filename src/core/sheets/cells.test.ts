import { describe, expect, it } from 'vitest';
import { CELL_TEXT_MAX, cellText, csvSafeText, looksLikeFormula } from './cells';

describe('cell text', () => {
  it('keeps a text that fits a cell as it is, line breaks included', () => {
    expect(cellText('Line one\r\nLine two')).toBe('Line one\nLine two');
  });

  it('removes characters a spreadsheet file cannot hold', () => {
    expect(cellText('a\u0000b\u0007c\uFFFEd')).toBe('abcd');
  });

  it('cuts a text longer than a cell holds, ending with a note giving the full length', () => {
    const long = `${'word '.repeat(4_400)}LAST-WORDS`; // 22,010 characters: fits
    expect(cellText(long)).toBe(long);
    const tooLong = 'x'.repeat(40_000);
    const cut = cellText(tooLong);
    expect(cut.length).toBe(CELL_TEXT_MAX);
    expect(cut.endsWith('… (truncated, 40,000 characters in the workbook)')).toBe(true);
    expect(cut.startsWith('x'.repeat(1000))).toBe(true);
  });

  it('never leaves half of a surrogate pair at the cut', () => {
    const emoji = '😀'.repeat(20_000); // 40,000 UTF-16 units
    const cut = cellText(emoji);
    expect(cut.length).toBeLessThanOrEqual(CELL_TEXT_MAX);
    expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});

describe('formula-like text in CSV', () => {
  it.each(['=SUM(A1:A2)', '+1', '-2+3', '@cmd', '\tTAB', '\rCR'])('guards %j with a leading apostrophe', (text) => {
    expect(looksLikeFormula(text)).toBe(true);
    expect(csvSafeText(text)).toBe(`'${text}`);
  });

  it.each(['Plain text', 'a=b', "'quoted", '', 'EV-0001'])('leaves %j as it is', (text) => {
    expect(csvSafeText(text)).toBe(text);
  });
});
