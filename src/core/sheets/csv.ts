/**
 * The sheets as CSV files (RFC 4180): UTF-8 with a byte-order mark so Excel reads the accents right,
 * CRLF between records, a field quoted when it holds a comma, a quote or a line break. The first line of
 * each file is the marking ("Marking: TLP:AMBER"), so the marking travels inside the file wherever it is
 * copied or renamed; the header row follows it.
 */
import { zipSync } from 'fflate';
import { csvSafeText, type CellValue } from './cells';
import { csvFileName, csvZipFileName, type SheetSet, type SheetTable } from './build';

export const BOM = '\uFEFF';

/** One field: numbers as they are, text guarded against formulas, quoted where RFC 4180 needs it. */
export function csvField(value: CellValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const text = csvSafeText(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRecord(values: readonly CellValue[]): string {
  return values.map(csvField).join(',');
}

/** The text of one CSV file, BOM first: the marking line, the header row, then one record per row. */
export function tableToCsv(table: SheetTable, marking: string): string {
  const lines = [csvRecord([`Marking: ${marking}`]), csvRecord(table.columns.map((c) => c.header)), ...table.rows.map(csvRecord)];
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

export interface SheetFile {
  name: string;
  bytes: Uint8Array<ArrayBuffer>;
}

/** One CSV file per sheet, About first. */
export function csvFiles(set: SheetSet): SheetFile[] {
  const encoder = new TextEncoder();
  return set.tables.map((table) => ({ name: csvFileName(set, table), bytes: encoder.encode(tableToCsv(table, set.marking)) }));
}

/** Every CSV file of the export in one zip, for saving as one file. */
export function csvZip(set: SheetSet): SheetFile {
  const files = Object.fromEntries(csvFiles(set).map((f) => [f.name, f.bytes]));
  return { name: csvZipFileName(set), bytes: zipSync(files, { level: 6 }) as Uint8Array<ArrayBuffer> };
}
