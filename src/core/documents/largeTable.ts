/**
 * Tables of thousands of rows without the docx object model per row. docx keeps several objects per
 * cell and builds two more trees of them while packing, so a 10,000-row register took seconds and
 * most of a gigabyte. Here dataTable renders only a few template rows, one per kind of cell (plain,
 * bold, fixed-width, empty…), whose text is a token; once docx has packed the document, the template
 * rows in word/document.xml are replaced by every real row, written from those templates with the
 * text as dataTable writes it (its IDs, dates and sizes kept whole, its non-breaking hyphens Word's own
 * element) and escaped exactly as docx escapes it. The column widths are those of the real rows and the
 * caption is numbered once, when the templates are rendered. The layout stays dataTable's own: a change
 * there reaches the templates, and largeTable.test.ts checks that both ways write the same bytes.
 */
import type { Table } from 'docx';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { CellText, CellValue, Column, ColumnKind, TableOptions } from './tables';
import { clean, NO_BREAK_HYPHEN } from './text';

/** Above this many rows a table is written from templates. */
export const LARGE_TABLE_ROWS = 400;

type Rows = readonly (readonly CellValue[])[];

/** What a table written from templates takes of dataTable (tables.ts: DATA_TABLE_LAYOUT). */
export interface TableLayout {
  /** The column widths for these rows. */
  widths: (columns: readonly Column[], rows: Rows, total: number) => number[];
  /** A cell's text as its runs are made from it, before they are cleaned and split at non-breaking hyphens. */
  shownText: (cell: CellText, kind?: ColumnKind) => string;
  /** The table of these rows with these widths, its caption numbered. */
  render: (columns: readonly Column[], rows: Rows, total: number, options: TableOptions, widths: readonly number[]) => Table;
}

interface Pending {
  id: string;
  /** For each column, the kinds of cell that occur in it, in order of first use. */
  shapes: string[][];
  rows: Rows;
  /** For each column, its cells' text as written (the text after the template's `<w:t>`, before its `</w:t>`). */
  write: ((value: CellValue | undefined) => string)[];
}

/** The tables waiting for their rows, by ID; held weakly so a document never packed is collected with its rows. */
const waiting = new Map<string, WeakRef<Table>>();
const pendingOf = new WeakMap<Table, Pending>();
let nextId = 0;

/** Letters no one types, so a token is never mistaken for text a person entered. */
const NONCE = Math.floor(Math.random() * 2 ** 32).toString(36);
const token = (id: string, row: number, column: number) => `ZQX${NONCE}T${id}R${row}C${column}XQZ`;

/** The kind of a cell: its text style, and whether it has any text; null for what a template cannot stand for. */
function shapeOf(value: CellValue | undefined): string | null {
  if (Array.isArray(value)) return null;
  const cell = cellOf(value);
  const text = clean(cell.text);
  // Several lines or tabs become several runs: such a table is left to docx.
  if (/[\n\t]/.test(text)) return null;
  return `${cell.mono ? 'm' : ''}${cell.bold ? 'b' : ''}${cell.italics ? 'i' : ''}${text === '' ? 'e' : 't'}`;
}

function textOf(value: CellValue | undefined): string {
  return typeof value === 'object' && value !== null ? (value as CellText).text : ((value as string | undefined) ?? '');
}

function cellOf(value: CellValue | undefined): CellText {
  return typeof value === 'object' && value !== null ? (value as CellText) : { text: (value as string | undefined) ?? '' };
}

/**
 * A table whose body rows are written after packing, or null when a row holds something the templates
 * cannot stand for (paragraphs, line breaks), in which case the caller builds it as usual.
 */
export function largeTable(
  columns: readonly Column[],
  rows: Rows,
  total: number,
  options: TableOptions,
  layout: TableLayout,
): Table | null {
  const shapes: string[][] = columns.map(() => []);
  for (const row of rows) {
    for (let i = 0; i < columns.length; i += 1) {
      const shape = shapeOf(row[i]);
      if (shape === null) return null;
      if (!shapes[i]!.includes(shape)) shapes[i]!.push(shape);
    }
  }
  const id = String((nextId += 1));
  const count = Math.max(...shapes.map((s) => s.length));
  const templates: CellValue[][] = [];
  for (let r = 0; r < count; r += 1) {
    templates.push(
      shapes.map((list, i) => {
        const shape = list[r] ?? list[0]!;
        return {
          text: shape.endsWith('e') ? '' : token(id, r, i),
          ...(shape.includes('m') ? { mono: true } : {}),
          ...(shape.includes('b') ? { bold: true } : {}),
          ...(shape.includes('i') ? { italics: true } : {}),
        };
      }),
    );
  }
  // Every template row needs a token to be found by; a column of nothing but empty cells gives none.
  if (templates.some((row) => row.every((cell) => textOf(cell) === ''))) return null;
  // The widths of the real rows, not of the tokens; the caption is numbered here, once.
  const table = layout.render(columns, templates, total, options, layout.widths(columns, rows, total));
  const write = columns.map((c) => (value: CellValue | undefined) => clean(layout.shownText(cellOf(value), c.kind)));
  pendingOf.set(table, { id, shapes, rows, write });
  waiting.set(id, new WeakRef(table));
  return table;
}

/** As docx escapes text content, so both ways write the same bytes (control characters are gone after clean()). */
const ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
const escapeXml = (text: string) => text.replace(/[&"'<>]/g, (c) => ESCAPES[c]!);

const CLOSE = '</w:t>';
const HYPHEN = '<w:noBreakHyphen/>';

/**
 * A cell from its template, around the text of one run: as runs() in blocks.ts makes it, the text split
 * at each non-breaking hyphen into text elements with Word's own hyphen element between them, and no
 * empty text element (a cell "-" in an ID column is a hyphen element alone).
 */
function textRun(pre: string, text: string, post: string, open: string): string {
  if (!text.includes(NO_BREAK_HYPHEN)) return pre + escapeXml(text) + post;
  const inner = text
    .split(NO_BREAK_HYPHEN)
    .map((piece) => (piece ? open + escapeXml(piece) + CLOSE : ''))
    .join(HYPHEN);
  return pre.slice(0, pre.length - open.length) + inner + post.slice(CLOSE.length);
}

/** The cells of one row's XML, as written: `<w:tc>…</w:tc>` each, with what comes before and after them. */
function splitRow(xml: string): { before: string; cells: string[]; after: string } {
  const cells: string[] = [];
  let at = xml.indexOf('<w:tc>');
  const before = xml.slice(0, at);
  let end = at;
  while (at !== -1) {
    end = xml.indexOf('</w:tc>', at) + '</w:tc>'.length;
    cells.push(xml.slice(at, end));
    at = xml.indexOf('<w:tc>', end);
  }
  return { before, cells, after: xml.slice(end) };
}

function rowStart(xml: string, at: number): number {
  return Math.max(xml.lastIndexOf('<w:tr>', at), xml.lastIndexOf('<w:tr ', at));
}

/** The document's XML with one table's template rows replaced by its rows; unchanged if the table is not in it. */
function spliceTable(xml: string, pending: Pending): string {
  const { id, shapes, rows, write } = pending;
  const count = Math.max(...shapes.map((s) => s.length));
  const first = shapes.findIndex((list) => !(list[0] ?? '').endsWith('e'));
  const firstToken = xml.indexOf(token(id, 0, first));
  if (firstToken === -1) return xml;
  const start = rowStart(xml, firstToken);
  // Each template cell, by column and kind: the XML before and after its text.
  const cells = shapes.map(() => new Map<string, [string, string]>());
  // The text element the template's token sits in, as docx opens it (`<w:t xml:space="preserve">`).
  let open = '';
  let before = '';
  let after = '';
  let end = start;
  for (let r = 0; r < count; r += 1) {
    const rowEnd = xml.indexOf('</w:tr>', end) + '</w:tr>'.length;
    const row = splitRow(xml.slice(end, rowEnd));
    if (r === 0) ({ before, after } = row);
    row.cells.forEach((cell, i) => {
      const shape = shapes[i]![r] ?? shapes[i]![0]!;
      const mark = token(id, r, i);
      const cut = cell.indexOf(mark);
      if (cut !== -1 && !open) open = cell.slice(cell.lastIndexOf('<w:t', cut), cut);
      cells[i]!.set(shape, cut === -1 ? [cell, ''] : [cell.slice(0, cut), cell.slice(cut + mark.length)]);
    });
    end = rowEnd;
  }
  const out: string[] = [];
  for (const row of rows) {
    let line = before;
    for (let i = 0; i < shapes.length; i += 1) {
      const [pre, post] = cells[i]!.get(shapeOf(row[i])!)!;
      line += post === '' && pre.endsWith('</w:tc>') ? pre : textRun(pre, write[i]!(row[i]), post, open);
    }
    out.push(line + after);
  }
  return xml.slice(0, start) + out.join('') + xml.slice(end);
}

/** The packed document with the rows of its large tables in place; the same bytes when it has none. */
export function spliceLargeTables(bytes: Uint8Array<ArrayBuffer>): Uint8Array<ArrayBuffer> {
  const tables: Pending[] = [];
  for (const [id, ref] of waiting) {
    const table = ref.deref();
    const pending = table && pendingOf.get(table);
    if (pending) tables.push(pending);
    else waiting.delete(id);
  }
  if (!tables.length) return bytes;
  const files = unzipSync(bytes);
  const part = files['word/document.xml'];
  if (!part) return bytes;
  const original = strFromU8(part);
  const xml = tables.reduce(spliceTable, original);
  if (xml === original) return bytes;
  files['word/document.xml'] = strToU8(xml);
  return zipSync(files) as Uint8Array<ArrayBuffer>;
}
