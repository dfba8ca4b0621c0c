import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { BOM, csvField, csvFiles, csvZip, tableToCsv } from './csv';
import type { SheetSet, SheetTable } from './build';

const table: SheetTable = {
  name: 'Answers',
  columns: [
    { key: 'id', header: 'Requirement ID', width: 10, kind: 'text' },
    { key: 'note', header: 'Narrative', width: 10, kind: 'text' },
    { key: 'gap', header: 'Gap', width: 5, kind: 'number' },
  ],
  rows: [
    ['ORG 1.1', 'Says "yes", then\nmore', 2],
    ['ORG 1.2', '=HYPERLINK("http://x")', null],
  ],
};

describe('CSV fields (RFC 4180)', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('one\ntwo')).toBe('"one\ntwo"');
    expect(csvField('one\r\ntwo')).toBe('"one\r\ntwo"');
    expect(csvField('plain')).toBe('plain');
  });

  it('writes numbers bare and empty cells as nothing', () => {
    expect(csvField(953)).toBe('953');
    expect(csvField(null)).toBe('');
  });

  it('guards formula-like text and still quotes it where needed', () => {
    expect(csvField('=1+1')).toBe("'=1+1");
    expect(csvField('-1,5')).toBe(`"'-1,5"`);
  });
});

describe('CSV files', () => {
  it('start with the byte-order mark and the marking line, then the header row, records joined by CRLF', () => {
    const text = tableToCsv(table, 'TLP:AMBER');
    expect(text.startsWith(BOM)).toBe(true);
    const body = text.slice(1);
    expect(body).toBe(
      [
        'Marking: TLP:AMBER',
        'Requirement ID,Narrative,Gap',
        'ORG 1.1,"Says ""yes"", then\nmore",2',
        `ORG 1.2,"'=HYPERLINK(""http://x"")",`,
        '',
      ].join('\r\n'),
    );
  });

  it('are UTF-8 bytes with the BOM EF BB BF, one per sheet, packed in one zip', () => {
    const set: SheetSet = { marking: 'TLP:RED', baseName: 'Übung', tables: [{ ...table, name: 'Evidence register' }] };
    const [file] = csvFiles(set);
    expect(file!.name).toBe('Übung_evidence-register.csv');
    expect([...file!.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const zip = csvZip(set);
    expect(zip.name).toBe('Übung_results-csv.zip');
    const inside = unzipSync(zip.bytes);
    expect(Object.keys(inside)).toEqual(['Übung_evidence-register.csv']);
    expect(strFromU8(inside['Übung_evidence-register.csv']!)).toContain('Marking: TLP:RED\r\n');
  });
});
