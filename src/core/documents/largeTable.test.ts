import { Document, Packer, Paragraph, type Table } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { Outline } from './blocks';
import { packDocument } from './build';
import { LARGE_TABLE_ROWS, largeTable } from './largeTable';
import { DATA_TABLE_LAYOUT, dataTable, type CellValue, type Column } from './tables';

const COLUMNS: Column[] = [
  { header: 'EV ID', weight: 6 },
  { header: 'Title', weight: 16 },
  { header: 'SHA-256', weight: 20 },
  { header: 'Notes', weight: 10 },
];

/** Rows like the register's: bold IDs, text with XML specials and other scripts, hashes or a dash, empty cells. */
function rows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => [
    { text: `EV-${String(i + 1).padStart(4, '0')}`, bold: true },
    `Record ${i} <b>&amp;</b> "quoted" 'single' \u0007 Überprüfung 監査 🔒`,
    i % 3 ? { text: 'ab'.repeat(32), mono: true } : '—',
    i % 4 ? { text: `note ${i}`, italics: true } : '',
  ]);
}

/** Columns that keep their values whole (IDs, dates, sizes), free text with IDs in it, and hashes. */
const KEPT: Column[] = [
  { header: 'Evidence', weight: 5, kind: 'id' },
  { header: 'Collected', weight: 5, kind: 'date' },
  { header: 'Size', weight: 4, kind: 'size' },
  { header: 'Notes', weight: 14 },
  { header: 'SHA-256', weight: 10 },
];

function keptRows(count: number): CellValue[][] {
  return Array.from({ length: count }, (_, i) => {
    const id = `EV-${String(i + 1).padStart(4, '0')}`;
    return [
      // A list of IDs, a lone hyphen and one long ID late in the table, which alone widens the column.
      i % 5 === 1
        ? `${id}, EV-0001; COMP 1.1`
        : i % 7 === 3
          ? '-'
          : i === count - 2
            ? { text: 'EV-LONG-IDENTIFIER-WITHOUT-BREAKS-0001', bold: true }
            : { text: id, bold: true },
      i % 6 === 2 ? '' : i % 2 ? `2026-03-${String((i % 28) + 1).padStart(2, '0')}` : '2026-03-01 09:00 UTC',
      i % 3 ? `${i * 97} bytes` : { text: '1.2 MB', italics: true },
      i % 4 === 1
        ? { text: `see ${id} and COMP 1.1 <b>&amp;</b> "q" 'a' \u0007 Überprüfung 監査 🔒 SR 1.2 RE 1`, italics: true }
        : `see EV-0001 and COMP 1.1 — ${i} -lead trail- a--b ‑ 2026-03-01 & <x> ${'長'.repeat(i % 3)}`,
      i % 3 ? { text: `${'c0-'.repeat(10)}${i}`, mono: true } : '—',
    ];
  });
}

async function documentXml(table: Table): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Before'), table, new Paragraph('After')] }] });
  return strFromU8(unzipSync(await packDocument(doc))['word/document.xml']!);
}

/** The document's text with its text elements taken out, so a kept ID reads "EV<w:noBreakHyphen/>0001". */
const joined = (xml: string) => xml.replace(/<w:t xml:space="preserve">|<\/w:t>/g, '');

/** The table as docx writes it row by row, whatever the number of rows. */
function rowByRow(columns: Column[], data: CellValue[][], total: number, options: { caption?: string; minRowHeight?: number } = {}): Table {
  return DATA_TABLE_LAYOUT.render(columns, data, total, options, DATA_TABLE_LAYOUT.widths(columns, data, total));
}

/** A fresh outline under a numbered heading, so the next table is "Table 1"; and one that captions nothing. */
function numbered(): Outline {
  const outline = new Outline();
  outline.heading(1, 'Evidence');
  return outline;
}

describe('large tables', () => {
  it('writes the same document XML as docx does row by row', async () => {
    const data = rows(120);
    const expected = await documentXml(dataTable(COLUMNS, data, 9000));
    const fast = largeTable(COLUMNS, data, 9000, {}, DATA_TABLE_LAYOUT);
    expect(fast).not.toBeNull();
    const actual = await documentXml(fast!);
    expect(actual).toBe(expected);
    expect(joined(actual)).toContain('EV<w:noBreakHyphen/>0120');
  });

  it('writes the same bytes for kept IDs, dates and sizes, IDs in text, and other scripts', async () => {
    const data = keptRows(140);
    const expected = await documentXml(dataTable(KEPT, data, 13000, { minRowHeight: 300 }));
    const fast = largeTable(KEPT, data, 13000, { minRowHeight: 300 }, DATA_TABLE_LAYOUT);
    expect(fast).not.toBeNull();
    const actual = await documentXml(fast!);
    expect(actual).toBe(expected);
    expect(joined(actual)).toContain('EV<w:noBreakHyphen/>0002, EV<w:noBreakHyphen/>0001; COMP\u00a01.1');
    expect(joined(actual)).toContain('2026<w:noBreakHyphen/>03<w:noBreakHyphen/>01\u00a009:00\u00a0UTC');
    expect(actual).toContain('>970\u00a0bytes<');
    expect(joined(actual)).toContain(
      'see EV<w:noBreakHyphen/>0002 and COMP\u00a01.1 &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;q&quot; &apos;a&apos;  Überprüfung 監査 🔒',
    );
    expect(actual).toMatch(/<w:r><w:noBreakHyphen\/><\/w:r>/);
    expect(actual).not.toMatch(/ZQX\w+XQZ/);
  });

  it('writes the same bytes past the threshold, widths from every row', async () => {
    const data = keptRows(LARGE_TABLE_ROWS + 60);
    const expected = await documentXml(rowByRow(KEPT, data, 13000));
    const actual = await documentXml(dataTable(KEPT, data, 13000));
    expect(actual).toBe(expected);
    // The one long ID near the end widens its column on both paths.
    const widths = DATA_TABLE_LAYOUT.widths(KEPT, data, 13000);
    expect(widths).not.toEqual(DATA_TABLE_LAYOUT.widths(KEPT, data.slice(0, 100), 13000));
    expect(actual).toContain(`<w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`);
  });

  it('numbers a large table’s caption once, as docx does', async () => {
    const data = keptRows(LARGE_TABLE_ROWS + 10);
    const caption = 'Evidence & <its> Überprüfung EV-0001';
    let outline = numbered();
    const expected = await documentXml(rowByRow(KEPT, data, 13000, { caption }));
    expect(outline.caption('Table', 'next')).toBe('Table 2: next');
    outline = numbered();
    const actual = await documentXml(dataTable(KEPT, data, 13000, { caption }));
    expect(outline.caption('Table', 'next')).toBe('Table 2: next');
    expect(actual).toBe(expected);
    expect(joined(actual)).toContain('Table 1: Evidence &amp; &lt;its&gt; Überprüfung EV-0001');
    // Under the heading's own words when no caption is given.
    outline = numbered();
    const byHeading = await documentXml(dataTable(COLUMNS, rows(LARGE_TABLE_ROWS + 1), 9000));
    expect(byHeading).toContain('Table 1: Evidence');
    expect(outline.caption('Table', 'next')).toBe('Table 2: next');
    // Later tables in this file are not captioned.
    new Outline();
  });

  it('keeps every row of a table past the threshold, in order', async () => {
    const xml = await documentXml(dataTable(COLUMNS, rows(2_500), 9000));
    const ids = [...joined(xml).matchAll(/EV<w:noBreakHyphen\/>(\d{4})/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    expect(xml).not.toMatch(/ZQX\w+XQZ/);
  });

  it('leaves a table with line breaks in a cell to docx', async () => {
    const data = rows(50).map((row, i) => (i === 7 ? [row[0]!, 'first line\nsecond line', row[2]!, row[3]!] : row));
    expect(largeTable(COLUMNS, data, 9000, {}, DATA_TABLE_LAYOUT)).toBeNull();
    const xml = await documentXml(dataTable(COLUMNS, [...data, ...rows(1_000)], 9000));
    expect(xml).toContain('<w:br/>');
    expect(xml).toContain('second line');
  });

  it('gives docx’s own bytes for a document without large tables', async () => {
    const doc = new Document({ sections: [{ children: [new Paragraph('Small')] }] });
    const packed = await packDocument(doc);
    const plain = new Uint8Array(await Packer.toArrayBuffer(doc));
    expect(strFromU8(unzipSync(packed)['word/document.xml']!)).toBe(strFromU8(unzipSync(plain)['word/document.xml']!));
  });
});
