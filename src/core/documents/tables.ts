/**
 * Table helpers. Every table has explicit column widths in twentieths of a point, a header row that
 * repeats on each page, and at least one paragraph in every cell, as Word requires. Rows may break
 * across pages, so a long cell runs on to the next page rather than being cut off.
 *
 * For builders: `dataTable(columns, rows, width, { caption })` numbers the table ("Table 4: …", the
 * caption or else the heading it sits under) once the outline numbers its headings. A column's `kind`
 * keeps its values whole on a line: 'id' (IDs and lists of them), 'date', 'size'. In every other cell
 * IDs, dates and sizes found in the text are kept whole too.
 */
import { BorderStyle, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { nextCaption, runs } from './blocks';
import { LARGE_TABLE_ROWS, largeTable, type TableLayout } from './largeTable';
import { COLORS, SIZES, STYLE_IDS } from './styles';
import { keepTokensWhole, noBreak } from './text';

/** Values kept whole on their line: an ID or a list of IDs, a date, a size in bytes. */
export type ColumnKind = 'id' | 'date' | 'size' | 'text';

export interface Column {
  header: string;
  /** A share of the table's width, against the other columns' weights. */
  weight: number;
  kind?: ColumnKind;
}

export interface TableOptions {
  minRowHeight?: number;
  /** The words after "Table N:"; without it, the heading the table sits under. */
  caption?: string;
}

export interface CellText {
  text: string;
  /** Hashes and IDs in a fixed-width font. */
  mono?: boolean;
  bold?: boolean;
  italics?: boolean;
}

export type CellValue = string | CellText | Paragraph[];

// Widths of text as the widest reader lays it out: LibreOffice without Calibri falls back to wider
// fonts (DejaVu Sans), so a column sized for Calibri alone still splits "EV-0001" there.
const EM = SIZES.table * 10;
const CHAR = { regular: 0.64, bold: 0.72 } as const;
const CELL_SIDES = 2 * 80 + 60;
/** No column is widened past this share of the table for one long word; a path may still wrap. */
const MAX_MIN_SHARE = 0.2;

/** The longest run of characters in `text` that no line can break, in characters. */
export function longestUnbroken(text: string): number {
  return Math.max(0, ...text.split(/[ \n\t\u2002\u2003]|(?<=[-/\\])/).map((w) => [...w].length));
}

/** The width in twentieths of a point a column needs so its longest unbreakable word stays on one line. */
function neededWidth(words: number, bold: boolean): number {
  return Math.ceil(words * CHAR[bold ? 'bold' : 'regular'] * EM) + CELL_SIDES;
}

/**
 * Widths from the weights, then widened where a column's longest word (an ID, a date, "Reference")
 * would not fit, taking the room from the columns that have it to spare.
 */
export function fittedWidths(
  weights: readonly number[],
  needs: readonly number[],
  total: number,
  /** Columns that may break anywhere (a hash): when the needs do not all fit, these give way first. */
  yielding: readonly boolean[] = [],
): number[] {
  const widths = columnWidths(weights, total);
  const cap = Math.floor(total * MAX_MIN_SHARE);
  let mins = needs.map((n) => Math.min(n, cap));
  const over = mins.reduce((a, b) => a + b, 0) - total;
  if (over > 0) {
    // A hash on four lines instead of two costs a reader nothing; an ID split in two does.
    const give = mins.map((m, i) => (yielding[i] ? Math.floor(m / 2) : 0));
    const giveSum = give.reduce((a, b) => a + b, 0);
    if (giveSum > 0) mins = mins.map((m, i) => m - Math.ceil((give[i]! * Math.min(over, giveSum)) / giveSum));
  }
  const sum = mins.reduce((a, b) => a + b, 0);
  if (sum > total) mins = mins.map((m) => Math.floor((m * total) / sum));
  const short = widths.reduce((a, w, i) => a + Math.max(0, mins[i]! - w), 0);
  if (short === 0) return widths;
  const spare = widths.map((w, i) => Math.max(0, w - mins[i]!));
  const spareSum = spare.reduce((a, b) => a + b, 0);
  const fitted = widths.map((w, i) => (w < mins[i]! ? mins[i]! : w - Math.floor((spare[i]! * short) / spareSum)));
  fitted[fitted.length - 1]! += total - fitted.reduce((a, b) => a + b, 0);
  return fitted;
}

/** Column widths that add up to exactly `total`. */
export function columnWidths(weights: readonly number[], total: number): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((w / sum) * total));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule } as const;
const BORDERS = { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER };
const CELL_MARGINS = { top: 40, bottom: 40, left: 80, right: 80 };

/** A cell's text with its tokens kept whole: a whole value of a kept column, or the IDs, dates and sizes in free text. */
export function unbroken(text: string, kind: ColumnKind = 'text'): string {
  if (kind === 'text') return keepTokensWhole(text);
  // A list of IDs may still break after its commas and semicolons, never inside an ID.
  return text
    .split(/([,;]\s+|\n)/)
    .map((part, i) => (i % 2 === 0 ? noBreak(part) : part))
    .join('');
}

/** The text of a cell as it goes into its runs. A hash breaks anywhere it must: it is one long token and never fits a column whole. */
export function shownText(cell: CellText, kind: ColumnKind = 'text'): string {
  return cell.mono ? cell.text : unbroken(cell.text, kind);
}

function cellParagraphs(value: CellValue, kind: ColumnKind = 'text'): Paragraph[] {
  if (Array.isArray(value)) return value.length ? value : [new Paragraph({ style: STYLE_IDS.tableText, children: [] })];
  const cell = typeof value === 'string' ? { text: value } : value;
  return [
    new Paragraph({
      style: cell.mono ? STYLE_IDS.hash : STYLE_IDS.tableText,
      children: runs(shownText(cell, kind), {
        ...(cell.bold ? { bold: true } : {}),
        ...(cell.italics ? { italics: true } : {}),
      }),
    }),
  ];
}

function cell(value: CellValue, width: number, options: { fill?: string; header?: boolean; kind?: ColumnKind } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    children: options.header
      ? [new Paragraph({ style: STYLE_IDS.tableText, keepNext: true, children: [new TextRun({ text: String(value), bold: true })] })]
      : cellParagraphs(value, options.kind),
  });
}

const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: 'auto' } as const;

/** The caption as a first header row without side borders: it reads as a caption and repeats on every page. */
function captionRow(caption: string, total: number, span: number): TableRow {
  return new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [
      new TableCell({
        columnSpan: span,
        width: { size: total, type: WidthType.DXA },
        borders: { top: NO_BORDER, left: NO_BORDER, right: NO_BORDER, bottom: BORDER },
        margins: { left: 0, right: 0, top: 0, bottom: 60 },
        children: [
          new Paragraph({
            style: STYLE_IDS.caption,
            keepNext: true,
            children: runs(caption),
          }),
        ],
      }),
    ],
  });
}

/**
 * The widths of a table's columns: the weights, widened where a column's longest unbreakable word (in
 * its header or any of its cells, as the cell is written) would not fit.
 */
export function tableWidths(columns: readonly Column[], rows: readonly (readonly CellValue[])[], total: number): number[] {
  const needs = columns.map((c, i) =>
    Math.max(
      neededWidth(longestUnbroken(c.header), true),
      ...rows.map((row) => {
        const value = row[i];
        if (value === undefined || Array.isArray(value)) return 0;
        const text = typeof value === 'string' ? { text: value } : value;
        // A hash breaks anywhere: room for half of it keeps a SHA-256 to two lines.
        if (text.mono) return Math.ceil([...text.text].length / 2) * Math.ceil(0.62 * SIZES.hash * 10) + CELL_SIDES;
        return neededWidth(longestUnbroken(unbroken(text.text, c.kind)), text.bold === true);
      }),
    ),
  );
  const yielding = columns.map((_, i) =>
    rows.some((row) => typeof row[i] === 'object' && !Array.isArray(row[i]) && (row[i] as CellText).mono === true),
  );
  return fittedWidths(
    columns.map((c) => c.weight),
    needs,
    total,
    yielding,
  );
}

/** A table of records under a header row that repeats on every page the table runs onto. */
export function dataTable(
  columns: readonly Column[],
  rows: readonly (readonly CellValue[])[],
  total: number,
  options: TableOptions = {},
): Table {
  // Thousands of rows are written from templates after packing (largeTable.ts): same layout, a fraction of the cost.
  const large = rows.length > LARGE_TABLE_ROWS ? largeTable(columns, rows, total, options, DATA_TABLE_LAYOUT) : null;
  return large ?? renderTable(columns, rows, total, options, tableWidths(columns, rows, total));
}

/** The table with the widths given: dataTable's own, or those of the rows a template table stands for. */
function renderTable(
  columns: readonly Column[],
  rows: readonly (readonly CellValue[])[],
  total: number,
  options: TableOptions,
  widths: readonly number[],
): Table {
  const height = options.minRowHeight ? { height: { value: options.minRowHeight, rule: HeightRule.ATLEAST } } : {};
  const caption = nextCaption('Table', options.caption);
  // Only the short header rows are kept whole; body rows may split across pages so no long cell is cut.
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, widths[i]!, { fill: COLORS.headerFill, header: true })),
  });
  const body = rows.length
    ? rows.map((row) => new TableRow({ ...height, children: widths.map((w, i) => cell(row[i] ?? '', w, { kind: columns[i]?.kind })) }))
    : [
        new TableRow({
          children: [
            new TableCell({
              columnSpan: columns.length,
              width: { size: total, type: WidthType.DXA },
              children: cellParagraphs({ text: 'None recorded.', italics: true }),
            }),
          ],
        }),
      ];
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: [...widths],
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: BORDERS,
    rows: [...(caption ? [captionRow(caption, total, columns.length)] : []), headerRow, ...body],
  });
}

/** dataTable's layout, for the tables written from templates: the same widths, cell text and table. */
export const DATA_TABLE_LAYOUT: TableLayout = { widths: tableWidths, shownText, render: renderTable };

/** Two columns, label and value, with the labels shaded: for cover details and key figures. */
export function keyValueTable(
  rows: readonly (readonly [string, CellValue])[],
  total: number,
  labelShare = 0.32,
  options: { caption?: string } = {},
): Table {
  const widths = columnWidths([labelShare, 1 - labelShare], total);
  const caption = nextCaption('Table', options.caption);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: BORDERS,
    rows: [
      ...(caption ? [captionRow(caption, total, 2)] : []),
      ...rows.map(
        ([label, value]) =>
          new TableRow({ children: [cell({ text: label, bold: true }, widths[0]!, { fill: COLORS.labelFill }), cell(value, widths[1]!)] }),
      ),
    ],
  });
}
