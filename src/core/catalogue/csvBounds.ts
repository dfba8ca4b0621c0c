/**
 * A cheap linear pass over CSV text before PapaParse sees it. A hostile file (millions of columns,
 * one endless line) is refused here in one sentence instead of being built into millions of fields.
 * Quotes are followed as in RFC 4180, so commas inside a quoted text do not count as columns.
 */

export interface CsvCaps {
  /** Characters per physical line, without its line break. */
  lineChars: number;
  /** Columns per record, the header included. */
  columns: number;
  /** Records after the header that hold anything. */
  rows: number;
}

/** The delimiters spreadsheet programs write, in order of preference when the header is ambiguous. */
const DELIMITERS = [',', ';', '\t', '|'] as const;
const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;

/**
 * The delimiter the header line uses: the candidate that splits it into the most columns. Only the
 * first line is read, and no more than `maxChars` of it.
 */
export function headerDelimiter(text: string, maxChars: number): string {
  const counts = DELIMITERS.map(() => 0);
  const codes = DELIMITERS.map((d) => d.charCodeAt(0));
  let inQuotes = false;
  for (let i = 0; i < text.length && i < maxChars; i += 1) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) inQuotes = !inQuotes;
    else if (!inQuotes && (c === LF || c === CR)) break;
    else if (!inQuotes) {
      const k = codes.indexOf(c);
      if (k >= 0) counts[k]! += 1;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k += 1) if (counts[k]! > counts[best]!) best = k;
  return DELIMITERS[best]!;
}

/** The first cap the text passes, as a sentence (without the file name), or null when within all caps. */
export function csvBoundsProblem(text: string, delimiter: string, caps: CsvCaps): string | null {
  const d = delimiter.charCodeAt(0);
  let line = 1;
  let lineStart = 0;
  let columns = 1;
  let content = false;
  let records = 0;
  let inQuotes = false;
  let fieldStart = true;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c === LF || c === CR) {
      if (c === CR && text.charCodeAt(i + 1) === LF) i += 1;
      line += 1;
      lineStart = i + 1;
      if (inQuotes) continue;
      if (content) records += 1;
      columns = 1;
      content = false;
      fieldStart = true;
      continue;
    }
    if (i - lineStart >= caps.lineChars) {
      return `line ${line} is longer than ${caps.lineChars} characters; each line holds one requirement's id, text and title`;
    }
    if (inQuotes) {
      if (c !== QUOTE) continue;
      // A doubled quote inside a quoted field is a quote character, not the field's end.
      if (text.charCodeAt(i + 1) === QUOTE) i += 1;
      else inQuotes = false;
    } else if (c === d) {
      columns += 1;
      fieldStart = true;
      if (columns > caps.columns) {
        return `line ${line} has more than ${caps.columns} columns; use the columns id, text and (optionally) title`;
      }
    } else {
      if (c === QUOTE && fieldStart) inQuotes = true;
      if (c !== SPACE && c !== TAB) content = true;
      fieldStart = false;
    }
  }
  if (content) records += 1;
  const rows = Math.max(0, records - 1);
  if (rows > caps.rows) return `the file has ${rows} rows; at most ${caps.rows} are accepted`;
  return null;
}
