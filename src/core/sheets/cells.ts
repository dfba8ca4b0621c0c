/**
 * Cell values as they go into a spreadsheet: user text cleaned of characters the file format cannot
 * hold, capped at the longest text a spreadsheet cell keeps, and guarded against being read as a formula.
 */
import { clean } from '../documents/text';

/** A cell: text, a number, or empty. Dates travel as YYYY-MM-DD text; the column says they are dates. */
export type CellValue = string | number | null;

/** The most characters Excel keeps in one cell; a longer text makes a file Excel repairs or refuses. */
export const CELL_TEXT_MAX = 32_767;

/** The note that ends a cut text, saying how long the whole text is in the workbook. */
export function truncationNote(length: number): string {
  return `… (truncated, ${length.toLocaleString('en-US')} characters in the workbook)`;
}

/**
 * Text fit for a cell: control characters removed, line endings "\n", and a text too long for a cell cut
 * with a visible note, so a reader sees it was cut rather than losing its end unnoticed.
 */
export function cellText(text: string | null | undefined): string {
  const cleaned = clean(text);
  if (cleaned.length <= CELL_TEXT_MAX) return cleaned;
  const note = truncationNote(cleaned.length);
  let keep = CELL_TEXT_MAX - note.length;
  // Never cut a surrogate pair in half: that would leave a character the file cannot hold.
  if (/[\uD800-\uDBFF]/.test(cleaned.charAt(keep - 1))) keep -= 1;
  return cleaned.slice(0, keep) + note;
}

/**
 * The first characters a spreadsheet reads as the start of a formula when it opens a CSV file
 * (= + - @, and tab or carriage return, which some programs skip before looking).
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * A text cell for a CSV file: one that would start a formula gets a leading apostrophe (the OWASP advice
 * for CSV injection). The apostrophe stays visible, so a reader sees the text was guarded, and an import
 * of the file removes exactly one apostrophe before these characters.
 */
export function csvSafeText(text: string): string {
  return looksLikeFormula(text) ? `'${text}` : text;
}

/** "Yes" or "No", as every yes/no column writes it. */
export function yesNo(value: boolean): string {
  return value ? 'Yes' : 'No';
}
