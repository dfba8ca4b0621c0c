/**
 * Table helpers. Every table has explicit column widths in twentieths of a point, a header row that
 * repeats on each page, and at least one paragraph in every cell, as Word requires.
 */
import { BorderStyle, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import { runs } from './blocks';
import { LARGE_TABLE_ROWS, largeTable } from './largeTable';
import { COLORS, STYLE_IDS } from './styles';

export interface Column {
  header: string;
  /** A share of the table's width, against the other columns' weights. */
  weight: number;
}

export interface CellText {
  text: string;
  /** Hashes and IDs in a fixed-width font. */
  mono?: boolean;
  bold?: boolean;
  italics?: boolean;
}

export type CellValue = string | CellText | Paragraph[];

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

function cellParagraphs(value: CellValue): Paragraph[] {
  if (Array.isArray(value)) return value.length ? value : [new Paragraph({ style: STYLE_IDS.tableText, children: [] })];
  const cell = typeof value === 'string' ? { text: value } : value;
  return [
    new Paragraph({
      style: cell.mono ? STYLE_IDS.hash : STYLE_IDS.tableText,
      children: runs(cell.text, { ...(cell.bold ? { bold: true } : {}), ...(cell.italics ? { italics: true } : {}) }),
    }),
  ];
}

function cell(value: CellValue, width: number, options: { fill?: string; header?: boolean } = {}): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    ...(options.fill ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: options.fill } } : {}),
    children: options.header
      ? [new Paragraph({ style: STYLE_IDS.tableText, keepNext: true, children: [new TextRun({ text: String(value), bold: true })] })]
      : cellParagraphs(value),
  });
}

/** A table of records under a header row that repeats on every page the table runs onto. */
export function dataTable(
  columns: readonly Column[],
  rows: readonly (readonly CellValue[])[],
  total: number,
  options: { minRowHeight?: number } = {},
): Table {
  // Thousands of rows are written from templates after packing (largeTable.ts): same layout, a fraction of the cost.
  const large = rows.length > LARGE_TABLE_ROWS ? largeTable(columns, rows, total, options, dataTable) : null;
  if (large) return large;
  const height = options.minRowHeight ? { height: { value: options.minRowHeight, rule: HeightRule.ATLEAST } } : {};
  const widths = columnWidths(
    columns.map((c) => c.weight),
    total,
  );
  const headerRow = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: columns.map((c, i) => cell(c.header, widths[i]!, { fill: COLORS.headerFill, header: true })),
  });
  const body = rows.length
    ? rows.map((row) => new TableRow({ cantSplit: true, ...height, children: widths.map((w, i) => cell(row[i] ?? '', w)) }))
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
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: BORDERS,
    rows: [headerRow, ...body],
  });
}

/** Two columns, label and value, with the labels shaded: for cover details and key figures. */
export function keyValueTable(rows: readonly (readonly [string, CellValue])[], total: number, labelShare = 0.32): Table {
  const widths = columnWidths([labelShare, 1 - labelShare], total);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    margins: CELL_MARGINS,
    borders: BORDERS,
    rows: rows.map(
      ([label, value]) =>
        new TableRow({
          cantSplit: true,
          children: [cell({ text: label, bold: true }, widths[0]!, { fill: COLORS.labelFill }), cell(value, widths[1]!)],
        }),
    ),
  });
}
