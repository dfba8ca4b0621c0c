import { strFromU8, unzipSync } from 'fflate';
import * as excelModule from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { buildSheets, type SheetSet } from './build';
import { CELL_TEXT_MAX } from './cells';
import { headerFooterText, packWorkbook, rowHeight } from './xlsx';

const ExcelJS = (excelModule as unknown as { default?: typeof excelModule }).default ?? excelModule;
const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));

// A hostile answer: a formula, a command-like text, and a narrative far longer than a cell holds.
const first = snapshot.responses[0]!;
const hostile: WorkbookSnapshot = {
  ...snapshot,
  responses: [
    { ...first, justification: '=HYPERLINK("http://example.invalid","click")', gaps: '@SUM(1+1)', narrative: `${'n'.repeat(50_000)}END` },
    ...snapshot.responses.slice(1),
  ],
};

let set: SheetSet;
let bytes: Uint8Array;
let parts: Record<string, string>;
const progress: string[] = [];

beforeAll(async () => {
  set = buildSheets(hostile, { findings: [], actionRef: (a) => a.id }, { classification: 'TLP:AMBER & internal' });
  bytes = await packWorkbook(set, { author: 'Jane Doe', generatedAt: snapshot.generatedAt, onProgress: (_d, _t, s) => progress.push(s) });
  parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([name, data]) => [name, strFromU8(data)]));
});

async function readBack() {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

describe('the xlsx workbook', () => {
  it('holds the five sheets in order, reporting progress per sheet', async () => {
    const workbook = await readBack();
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['About', 'Answers', 'Findings', 'Actions', 'Evidence register']);
    expect(progress).toEqual(['About', 'Answers', 'Findings', 'Actions', 'Evidence register', 'Packing the workbook']);
  });

  it('puts the marking in the header and footer of every sheet, its "&" escaped', () => {
    const sheets = Object.keys(parts).filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n));
    expect(sheets).toHaveLength(5);
    for (const name of sheets) {
      expect(parts[name]).toContain('<oddHeader>&amp;C&amp;&quot;-,Bold&quot;TLP:AMBER &amp;&amp; internal</oddHeader>');
      expect(parts[name]).toMatch(/<oddFooter>&amp;LTLP:AMBER &amp;&amp; internal/);
    }
    expect(headerFooterText('A&B')).toBe('A&&B');
  });

  it('writes formula-like text as plain text cells, never as formulas', async () => {
    expect(Object.values(parts).join('')).not.toContain('<f>');
    const answers = (await readBack()).getWorksheet('Answers')!;
    const row = answers.getRow(2);
    expect(row.getCell(6).value).toBe('=HYPERLINK("http://example.invalid","click")');
    expect(row.getCell(6).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(13).value).toBe('@SUM(1+1)');
  });

  it('cuts a text too long for a cell with a visible note instead of writing a cell Excel refuses', async () => {
    const narrative = String((await readBack()).getWorksheet('Answers')!.getRow(2).getCell(12).value);
    expect(narrative.length).toBe(CELL_TEXT_MAX);
    expect(narrative).toMatch(/… \(truncated, 50,003 characters in the workbook\)$/);
  });

  it('writes dates as date cells, sizes and gaps as numbers, and IDs as text', async () => {
    const workbook = await readBack();
    const register = workbook.getWorksheet('Evidence register')!;
    const ev1 = register.getRow(2);
    expect(ev1.getCell(1).value).toBe('EV-0001');
    expect(ev1.getCell(5).value).toBe(snapshot.evidence[0]!.size);
    const expires = ev1.getCell(9).value as Date;
    expect(expires).toBeInstanceOf(Date);
    expect(expires.toISOString().slice(0, 10)).toBe(snapshot.evidence[0]!.expiresOn);
    expect(ev1.getCell(9).numFmt).toBe('yyyy-mm-dd');
    const header = workbook.getWorksheet('Answers')!.getRow(1).values as unknown[];
    expect(header.slice(1, 4)).toEqual(['Requirement ID', 'Element', 'SPE']);
  });

  it('names its author in the file’s properties rather than leaving it unnamed', () => {
    expect(parts['docProps/core.xml']).toContain('<dc:creator>Jane Doe</dc:creator>');
    expect(parts['docProps/core.xml']).toContain('<cp:lastModifiedBy>Jane Doe</cp:lastModifiedBy>');
  });

  it('gives a row with wrapped text the height of its lines, up to the tallest row allowed', () => {
    const columns = [
      { key: 'id', header: 'ID', width: 10, kind: 'text' as const },
      { key: 'text', header: 'Text', width: 20, kind: 'text' as const },
    ];
    expect(rowHeight(columns, ['A very long identifier that does not wrap', 'short'])).toBeNull();
    expect(rowHeight(columns, ['x', `${'a'.repeat(45)}\nsecond line`])).toBe(4 * 15);
    expect(rowHeight(columns, ['x', 'a'.repeat(32_000)])).toBe(409);
  });
});
