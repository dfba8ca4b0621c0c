import * as excelModule from 'exceljs';
import { unzipSync, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { Catalogue } from '../catalogue/types';
import { previewAnswersImport } from './importAnswers';
import { ImportRefused } from './importAnswersTable';
import { RowCounter, readAnswersXlsx } from './importAnswersXlsx';

const ExcelJS = (excelModule as unknown as { default?: typeof excelModule }).default ?? excelModule;

async function workbookBytes(fill: (sheet: excelModule.Worksheet) => void, sheetName = 'Answers'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('About').addRows([
    ['Field', 'Value'],
    ['Format', 'CSMS Workbook sheets 1'],
  ]);
  fill(workbook.addWorksheet(sheetName));
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const catalogue = {
  spes: [{ id: 'ORG', elements: [{ id: 'ORG 1', requirements: [{ id: 'ORG 1.1', title: 'Roles' }] }] }],
} as unknown as Catalogue;
const context = { catalogue, assessment: { scope: ['ORG'], defaultTargetLevel: 2 as const }, responses: new Map() };

describe('reading answers from an xlsx file', () => {
  it('reads the Answers sheet by position, text as text, and marks a formula cell instead of using its cached result', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['Requirement ID', 'Achieved', 'Narrative']);
      sheet.addRow(['ORG 1.1', 3, '=not a formula, a text']);
      const row = sheet.addRow(['ORG 1.1', 'ML2']);
      row.getCell(3).value = { formula: 'CONCAT("a","b")', result: 'ab' };
    });
    const table = await readAnswersXlsx(bytes);
    expect(table.source).toBe('Answers');
    expect(table.headers).toEqual(['Requirement ID', 'Achieved', 'Narrative']);
    expect(table.rows[0]).toEqual({ line: 2, cells: ['ORG 1.1', '3', '=not a formula, a text'] });
    expect(table.rows[1]!.cells[2]).toEqual({ unreadable: 'formula' });
  });

  it('keeps a 40,000-character cell whole, so the field check decides: fine for a narrative, too long for a justification', async () => {
    const long = 'n'.repeat(40_000);
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['Requirement ID', 'Narrative', 'Justification']);
      sheet.addRow(['ORG 1.1', long, '']);
    });
    const table = await readAnswersXlsx(bytes);
    expect((table.rows[0]!.cells[1] as string).length).toBe(40_000);
    expect(previewAnswersImport(table, context).rows[0]!.patch.narrative).toBe(long);
    table.rows[0]!.cells[2] = long;
    expect(previewAnswersImport(table, context).rows[0]!.reason).toMatch(/Justification is longer/);
  });

  it('refuses a sheet headed __proto__ before any row is compared', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['Requirement ID', '__proto__', 'Achieved']);
      sheet.addRow(['ORG 1.1', 'x', 'ML1']);
    });
    const table = await readAnswersXlsx(bytes);
    expect(() => previewAnswersImport(table, context)).toThrow(/"__proto__"/);
  });

  it('refuses a million rows while the sheet XML is still being inflated, without building them', async () => {
    const small = unzipSync(
      await workbookBytes((sheet) => {
        sheet.addRow(['Requirement ID', 'Achieved']);
      }),
    );
    // Written by ExcelJS, then its Answers sheet swapped for one of a million rows (ExcelJS itself takes minutes to write them).
    const rows = Array.from({ length: 1_000_000 }, (_, i) => `<row r="${i + 2}"><c r="B${i + 2}"><v>1</v></c></row>`);
    const sheetXml = `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
    small['xl/worksheets/sheet2.xml'] = new TextEncoder().encode(sheetXml);
    const bytes = zipSync(small, { level: 1 });
    const started = performance.now();
    await expect(readAnswersXlsx(bytes)).rejects.toThrow('The sheet has more than 5,000 rows.');
    expect(performance.now() - started).toBeLessThan(1_500);
  }, 30_000);

  it('counts each row tag once however the XML is cut into chunks: 5,000 rows pass, 5,001 do not', () => {
    const sheet = (rows: number) =>
      new TextEncoder().encode(
        `<sheetData>${Array.from({ length: rows }, (_, i) => `<x:row r="${i + 1}"><c/></x:row>`).join('')}<rowBreaks/></sheetData>`,
      );
    const feed = (bytes: Uint8Array, size: number) => {
      const counter = new RowCounter();
      for (let at = 0; at < bytes.length; at += size) counter.add(bytes.subarray(at, at + size));
    };
    for (const size of [3, 7, 64, 65_536]) {
      expect(() => feed(sheet(5_001), size)).not.toThrow();
      expect(() => feed(sheet(5_002), size)).toThrow('The sheet has more than 5,000 rows.');
    }
  });

  it('refuses an entry that expands far more than a spreadsheet does, before inflating it', async () => {
    const parts = unzipSync(await workbookBytes((sheet) => sheet.addRow(['Requirement ID', 'Achieved'])));
    parts['xl/media/padding.bin'] = new Uint8Array(8 * 1024 * 1024);
    await expect(readAnswersXlsx(zipSync(parts, { level: 9 }))).rejects.toThrow(/compression bomb/);
  });

  it('refuses, in plain words, a part that holds more bytes than the archive declares for it', async () => {
    const parts = unzipSync(await workbookBytes((sheet) => sheet.addRow(['Requirement ID', 'Achieved'])));
    parts['xl/notes.xml'] = new TextEncoder().encode('<notes>'.padEnd(4_000, 'n'));
    const bytes = zipSync(parts, { level: 6 });
    // The central directory's record of xl/notes.xml: its uncompressed size (offset 24) now says 100.
    const name = new TextEncoder().encode('xl/notes.xml');
    const view = new DataView(bytes.buffer);
    for (let at = 0; at < bytes.length - 46; at++) {
      if (view.getUint32(at, true) !== 0x02014b50 || view.getUint16(at + 28, true) !== name.length) continue;
      if (bytes.subarray(at + 46, at + 46 + name.length).every((b, i) => b === name[i])) view.setUint32(at + 24, 100, true);
    }
    // zip.js or our own count stops it, whichever notices first; either way the reason is a plain sentence.
    await expect(readAnswersXlsx(bytes)).rejects.toThrow(ImportRefused);
    await expect(readAnswersXlsx(bytes)).rejects.toThrow(
      /^(The file is not a readable \.xlsx workbook\.|A part of the workbook holds more bytes than it declares\.)$/,
    );
  });

  it('refuses a file that is not a workbook, a newer format, and a file over 20 MiB, in plain words', async () => {
    await expect(readAnswersXlsx(new TextEncoder().encode('Requirement ID,Achieved'))).rejects.toThrow(
      'The file is not a readable .xlsx workbook.',
    );
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('About').addRows([['Format', 'CSMS Workbook sheets 2']]);
    workbook.addWorksheet('Answers').addRow(['Requirement ID', 'Achieved']);
    const newer = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    await expect(readAnswersXlsx(newer)).rejects.toThrow(/newer version of the app/);
    await expect(readAnswersXlsx(new Uint8Array(20 * 1024 * 1024 + 1))).rejects.toThrow(ImportRefused);
  });

  it('reads the first sheet of a simple template without an Answers sheet', async () => {
    const bytes = await workbookBytes((sheet) => {
      sheet.addRow(['requirement id', 'achieved']);
      sheet.addRow(['org 1.1', 'ml4']);
    }, 'My answers');
    const template = new ExcelJS.Workbook();
    await template.xlsx.load(bytes.buffer as ArrayBuffer);
    template.removeWorksheet(template.getWorksheet('About')!.id);
    const table = await readAnswersXlsx(new Uint8Array((await template.xlsx.writeBuffer()) as ArrayBuffer));
    expect(previewAnswersImport(table, context).rows[0]).toMatchObject({
      requirementId: 'ORG 1.1',
      status: 'new',
      patch: { achievedLevel: 4 },
    });
  });
});
