import { Document, Packer, Paragraph, type Table } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { packDocument } from './build';
import { largeTable } from './largeTable';
import { dataTable, type CellValue, type Column } from './tables';

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

async function documentXml(table: Table): Promise<string> {
  const doc = new Document({ sections: [{ children: [new Paragraph('Before'), table, new Paragraph('After')] }] });
  return strFromU8(unzipSync(await packDocument(doc))['word/document.xml']!);
}

describe('large tables', () => {
  it('writes the same document XML as docx does row by row', async () => {
    const data = rows(120);
    const expected = await documentXml(dataTable(COLUMNS, data, 9000));
    const fast = largeTable(COLUMNS, data, 9000, {}, dataTable);
    expect(fast).not.toBeNull();
    const actual = await documentXml(fast!);
    expect(actual).toBe(expected);
    expect(actual).toContain('EV-0120');
  });

  it('keeps every row of a table past the threshold, in order', async () => {
    const xml = await documentXml(dataTable(COLUMNS, rows(2_500), 9000));
    const ids = [...xml.matchAll(/EV-(\d{4})/g)].map((m) => Number(m[1]));
    expect(ids).toEqual(Array.from({ length: 2_500 }, (_, i) => i + 1));
    expect(xml).not.toMatch(/ZQX\w+XQZ/);
  });

  it('leaves a table with line breaks in a cell to docx', async () => {
    const data = rows(50).map((row, i) => (i === 7 ? [row[0]!, 'first line\nsecond line', row[2]!, row[3]!] : row));
    expect(largeTable(COLUMNS, data, 9000, {}, dataTable)).toBeNull();
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
