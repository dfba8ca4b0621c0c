/**
 * The sheets as one .xlsx workbook, written with ExcelJS. Text is always written as a string cell, so a
 * text starting with "=" stays text and is never evaluated; dates are real date cells; sizes and gaps are
 * numbers. The marking sits in the header and footer of every sheet and on the About sheet.
 */
import * as excelModule from 'exceljs';
import type { Worksheet } from 'exceljs';
import { isCalendarDate } from '../format/calendarDate';
import type { CellValue } from './cells';
import type { SheetSet, SheetTable } from './build';
import type { SheetColumn } from './columns';
import { withOrderedFonts } from './fontOrder';

// ExcelJS is a CommonJS module: Node hands it over as the default export, the bundler as the namespace.
const ExcelJS = (excelModule as unknown as { default?: typeof excelModule }).default ?? excelModule;

/** A header or footer section holds at most 255 characters; "&" starts a code there, so it is doubled. */
export function headerFooterText(text: string): string {
  return text.slice(0, 120).replace(/&/g, '&&');
}

/** "2026-06-15" as a date cell at midnight UTC: the date every reader sees, in any time zone. */
function dateValue(text: string): Date {
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

function cellValue(column: SheetColumn, value: CellValue): string | number | Date | null {
  if (value === null) return null;
  if (column.kind === 'date' && typeof value === 'string' && isCalendarDate(value)) return dateValue(value);
  return value;
}

/** Columns this wide or wider wrap their text; narrower ones hold short codes (IDs, Yes/No, ML2). */
const WRAP_WIDTH = 20;
const LINE_HEIGHT = 15;
/** The tallest row a spreadsheet allows, in points. */
const MAX_ROW_HEIGHT = 409;

/**
 * Rows with wrapped text get a height for the lines they need: neither Excel nor LibreOffice measures
 * rows when it opens a file, so without one a long narrative prints over the rows below it.
 */
export function rowHeight(columns: readonly SheetColumn[], row: readonly CellValue[]): number | null {
  let lines = 1;
  for (const [i, column] of columns.entries()) {
    const value = row[i];
    if (typeof value !== 'string' || column.width < WRAP_WIDTH) continue;
    const needed = value.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / column.width)), 0);
    lines = Math.max(lines, needed);
  }
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT) : null;
}

function addTable(workbook: InstanceType<typeof ExcelJS.Workbook>, table: SheetTable, marking: string): Worksheet {
  const mark = headerFooterText(marking);
  const sheet = workbook.addWorksheet(table.name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    headerFooter: {
      oddHeader: `&C&"-,Bold"${mark}`,
      oddFooter: `&L${mark}&C${headerFooterText(table.name)}&RPage &P of &N`,
    },
  });
  sheet.columns = table.columns.map((column) => ({
    key: column.key,
    width: column.width,
    style:
      column.kind === 'date'
        ? { numFmt: 'yyyy-mm-dd' }
        : column.width >= WRAP_WIDTH
          ? { alignment: { wrapText: true, vertical: 'top' } }
          : { alignment: { vertical: 'top' } },
  }));
  const header = sheet.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  for (const row of table.rows) {
    const added = sheet.addRow(row.map((value, i) => cellValue(table.columns[i]!, value)));
    const height = rowHeight(table.columns, row);
    if (height !== null) added.height = height;
  }
  if (table.rows.length) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  return sheet;
}

export interface PackOptions {
  /** Who made the file, for its properties (never left "unnamed"). */
  author: string;
  /** The time the export was made, for the file's created and modified dates. */
  generatedAt: string;
  onProgress?: (done: number, total: number, sheet: string) => void;
}

/** The .xlsx bytes. Runs in Node and in a Web Worker alike. */
export async function packWorkbook(set: SheetSet, options: PackOptions): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  const when = new Date(options.generatedAt);
  const at = Number.isNaN(when.getTime()) ? new Date(0) : when;
  workbook.creator = options.author;
  workbook.lastModifiedBy = options.author;
  workbook.created = at;
  workbook.modified = at;
  workbook.title = `Assessment results (${set.marking})`;
  workbook.keywords = `${set.marking}; IEC 62443-2-1; CSMS`;
  const total = set.tables.length + 1;
  for (const [i, table] of set.tables.entries()) {
    options.onProgress?.(i, total, table.name);
    addTable(workbook, table, set.marking);
  }
  options.onProgress?.(set.tables.length, total, 'Packing the workbook');
  const written = await workbook.xlsx.writeBuffer();
  return withOrderedFonts(new Uint8Array(written as ArrayBuffer));
}
