/**
 * Reads the answers of an .xlsx file. The archive is checked by our own code before ExcelJS sees any
 * of it: entry count, declared sizes and ratios from the central directory, then every entry inflated
 * with its bytes counted (no more than declared, within the caps), and each worksheet's rows counted
 * as its XML streams out, so a sheet of a million rows is refused after the first few thousand without
 * being built. ExcelJS then reads a fresh, uncompressed copy of exactly the checked bytes.
 */
import { Uint8ArrayReader, Writer, ZipReader, configure, type Entry } from '@zip.js/zip.js';
import * as excelModule from 'exceljs';
import type { Cell, Worksheet } from 'exceljs';
import { zipSync } from 'fflate';
import { SHEETS_FORMAT } from './columns';
import { IMPORT_LIMITS, ImportRefused, boundedText, type RawCell, type RawRow, type RawTable } from './importAnswersTable';

// ExcelJS is a CommonJS module: Node hands it over as the default export, the bundler as the namespace.
const ExcelJS = (excelModule as unknown as { default?: typeof excelModule }).default ?? excelModule;

// The import runs in our own worker (or Node): zip.js must not start workers of its own.
configure({ useWebWorkers: false });

const MiB = 1024 * 1024;
const NOT_XLSX = 'The file is not a readable .xlsx workbook.';
const ROWS_REFUSED = `The sheet has more than ${IMPORT_LIMITS.rows.toLocaleString('en')} rows.`;

/** Counts the "<row" tags of a worksheet's XML as its bytes come out, and stops past the cap. */
export class RowCounter {
  private rows = 0;
  private tail = '';
  private readonly decoder = new TextDecoder();
  add(chunk: Uint8Array): void {
    const text = this.tail + this.decoder.decode(chunk, { stream: true });
    // A tag that starts near the end may be cut in two: it is left for the next chunk, so it counts once.
    const cut = text.lastIndexOf('<');
    const head = cut >= 0 && text.length - cut < 16 ? text.slice(0, cut) : text;
    this.tail = text.slice(head.length);
    const found = head.match(/<(?:\w+:)?row[\s>/]/g);
    this.rows += found ? found.length : 0;
    if (this.rows > IMPORT_LIMITS.rows + 1) throw new ImportRefused(ROWS_REFUSED);
  }
}

class CheckedWriter extends Writer<Uint8Array> {
  private parts: Uint8Array[] = [];
  private count = 0;
  constructor(
    private readonly declared: number,
    private readonly total: { bytes: number },
    private readonly rows: RowCounter | null,
  ) {
    super();
  }
  override writeUint8Array(chunk: Uint8Array): Promise<void> {
    this.count += chunk.byteLength;
    this.total.bytes += chunk.byteLength;
    if (this.count > this.declared) throw new ImportRefused('A part of the workbook holds more bytes than it declares.');
    if (this.total.bytes > IMPORT_LIMITS.zipTotalBytes) throw new ImportRefused('The workbook expands to more than 100 MiB.');
    this.rows?.add(chunk);
    this.parts.push(chunk.slice());
    return Promise.resolve();
  }
  override getData(): Promise<Uint8Array> {
    const out = new Uint8Array(this.count);
    let at = 0;
    for (const part of this.parts) {
      out.set(part, at);
      at += part.byteLength;
    }
    return Promise.resolve(out);
  }
}

/** The central directory's promises, checked before a byte is inflated. */
function checkEntries(entries: readonly Entry[], fileBytes: number): void {
  if (entries.length > IMPORT_LIMITS.zipEntries) throw new ImportRefused(`The workbook holds more than ${IMPORT_LIMITS.zipEntries} parts.`);
  const names = new Set<string>();
  let total = 0;
  for (const entry of entries) {
    if (names.has(entry.filename)) throw new ImportRefused('Two parts of the workbook have the same name.');
    names.add(entry.filename);
    if (entry.encrypted) throw new ImportRefused('The workbook is encrypted; save it without a password.');
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) throw new ImportRefused(NOT_XLSX);
    if (entry.compressedSize > fileBytes) throw new ImportRefused(NOT_XLSX);
    const size = entry.uncompressedSize;
    if (size > IMPORT_LIMITS.zipEntryBytes) throw new ImportRefused('A part of the workbook expands to more than 64 MiB.');
    if (size > MiB && size > entry.compressedSize * IMPORT_LIMITS.zipRatio) {
      throw new ImportRefused('A part of the workbook expands far more than any real spreadsheet (a compression bomb).');
    }
    total += size;
  }
  if (total > IMPORT_LIMITS.zipTotalBytes) throw new ImportRefused('The workbook expands to more than 100 MiB.');
}

/** Every file part of the archive, inflated under the caps, worksheets row-counted on the way. */
async function checkedParts(bytes: Uint8Array): Promise<Record<string, Uint8Array>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes));
  let entries: Entry[];
  try {
    entries = await reader.getEntries();
  } catch {
    throw new ImportRefused(NOT_XLSX);
  }
  checkEntries(entries, bytes.byteLength);
  const total = { bytes: 0 };
  const parts: Record<string, Uint8Array> = Object.create(null) as Record<string, Uint8Array>;
  for (const entry of entries) {
    if (entry.directory || !entry.getData) continue;
    // Every part is row-counted, not only those named like worksheets: ExcelJS finds its sheets by a
    // pattern of its own, and no other part of a spreadsheet holds row tags anyway.
    const writer = new CheckedWriter(entry.uncompressedSize, total, new RowCounter());
    try {
      parts[entry.filename] = await entry.getData(writer, { useWebWorkers: false, checkOverlappingEntry: true, checkSignature: true });
    } catch (error) {
      throw error instanceof ImportRefused ? error : new ImportRefused(NOT_XLSX);
    }
  }
  await reader.close();
  return parts;
}

function dateText(date: Date): string {
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10);
}

/** A cell's value as text; formulas and error values are marked, never read. */
export function cellOf(cell: Cell): RawCell {
  const V = ExcelJS.ValueType;
  const value = cell.value as unknown;
  switch (cell.type) {
    case V.Formula:
      return { unreadable: 'formula' };
    case V.Error:
      return { unreadable: 'error' };
    case V.Null:
    case V.Merge:
      return '';
    case V.Date:
      return value instanceof Date ? dateText(value) : '';
    case V.RichText:
      return boundedText(((value as { richText?: { text?: unknown }[] }).richText ?? []).map((t) => String(t.text ?? '')).join(''));
    case V.Hyperlink:
      return boundedText(String((value as { text?: unknown }).text ?? ''));
    case V.Boolean:
      return value ? 'TRUE' : 'FALSE';
    default:
      return typeof value === 'string' || typeof value === 'number' ? boundedText(String(value)) : '';
  }
}

/** The About sheet's "CSMS Workbook sheets N": a file from a newer format is refused, not misread. */
function checkFormat(about: Worksheet | undefined): void {
  if (!about || about.rowCount > 50) return;
  about.eachRow((row) => {
    const field = row.getCell(1).value;
    const value = row.getCell(2).value;
    if (field !== 'Format' || typeof value !== 'string') return;
    const format = Number(/CSMS Workbook sheets (\d+)/.exec(value)?.[1] ?? '0');
    if (format > SHEETS_FORMAT)
      throw new ImportRefused('The spreadsheet was made by a newer version of the app; update the app to import it.');
  });
}

function tableOf(sheet: Worksheet): RawTable {
  const rows: RawRow[] = [];
  let headers: string[] | null = null;
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: RawCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column > IMPORT_LIMITS.columns) throw new ImportRefused(`Row ${line} has more than ${IMPORT_LIMITS.columns} columns.`);
      while (cells.length < column - 1) cells.push('');
      cells.push(cellOf(cell));
    });
    if (headers === null) headers = cells.map((c) => (typeof c === 'string' ? c.trim() : ''));
    else rows.push({ line, cells });
  });
  if (headers === null) throw new ImportRefused(`The sheet "${sheet.name.slice(0, 31)}" is empty.`);
  if (rows.length > IMPORT_LIMITS.rows) throw new ImportRefused(ROWS_REFUSED);
  return { source: sheet.name.slice(0, 31), headers, rows };
}

/** The Answers sheet (or, in a simple template, the first sheet) of the workbook. */
export async function readAnswersXlsx(bytes: Uint8Array): Promise<RawTable> {
  if (bytes.byteLength > IMPORT_LIMITS.fileBytes) throw new ImportRefused('The file is larger than 20 MiB.');
  const parts = await checkedParts(bytes);
  // Stored, not compressed: ExcelJS only copies the bytes we checked.
  const copy = zipSync(parts, { level: 0 });
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(copy.buffer as ArrayBuffer);
  } catch {
    throw new ImportRefused(NOT_XLSX);
  }
  checkFormat(workbook.getWorksheet('About'));
  const sheet = workbook.getWorksheet('Answers') ?? workbook.worksheets[0];
  if (!sheet) throw new ImportRefused('The workbook holds no sheet.');
  return tableOf(sheet);
}
