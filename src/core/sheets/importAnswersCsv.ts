/**
 * Reads an answers CSV file (RFC 4180, as the export writes it, or as a spreadsheet program saves it)
 * in one pass with its caps checked as it goes: a line, a field, the rows and the columns. The export's
 * "Marking: …" first line is skipped, and the apostrophe the export puts before formula-like text is
 * removed, exactly once.
 */
import { looksLikeFormula } from './cells';
import { IMPORT_LIMITS, ImportRefused, type RawTable } from './importAnswersTable';

interface TextRow {
  line: number;
  cells: string[];
}

/** The field as typed before the export guarded it: one leading apostrophe off, only before = + - @ tab CR. */
export function unguardCsvText(text: string): string {
  return text.startsWith("'") && looksLikeFormula(text.slice(1)) ? text.slice(1) : text;
}

/** The separator of the header line: a comma, or the semicolon or tab some spreadsheet programs save with. */
function separatorOf(text: string): string {
  let inQuotes = false;
  const counts = new Map([
    [',', 0],
    [';', 0],
    ['\t', 0],
  ]);
  for (let i = 0; i < text.length && i < IMPORT_LIMITS.csvLineChars; i++) {
    const c = text[i]!;
    if (c === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (c === '\n' || c === '\r')) break;
    else if (!inQuotes && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const [sep, count] of counts) if (count > counts.get(best)!) best = sep;
  return best;
}

/** The records of the text, each with the line it starts on; refuses at the first cap crossed. */
function records(text: string, separator: string): TextRow[] {
  const rows: TextRow[] = [];
  let cells: string[] = [];
  let field = '';
  let inQuotes = false;
  let quotedField = false;
  let line = 1;
  let recordLine = 1;
  let lineStart = 0;
  // Past the cap one more character is kept, so the field check still sees the text is too long.
  const add = (c: string) => {
    if (field.length <= IMPORT_LIMITS.cellChars) field += c;
  };
  const endField = () => {
    cells.push(field);
    if (cells.length > IMPORT_LIMITS.columns) {
      throw new ImportRefused(`Line ${recordLine} has more than ${IMPORT_LIMITS.columns} columns.`);
    }
    field = '';
    quotedField = false;
  };
  const endRecord = () => {
    endField();
    if (cells.some((c) => c.trim() !== '')) {
      rows.push({ line: recordLine, cells });
      // The header and, in an export, the marking line come first: allow for both.
      if (rows.length > IMPORT_LIMITS.rows + 2)
        throw new ImportRefused(`The file has more than ${IMPORT_LIMITS.rows.toLocaleString('en')} rows.`);
    }
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      line++;
      lineStart = i + 1;
      if (inQuotes) field += '\n';
      else {
        endRecord();
        recordLine = line;
      }
      continue;
    }
    if (i - lineStart >= IMPORT_LIMITS.csvLineChars) {
      throw new ImportRefused(`Line ${line} is longer than ${IMPORT_LIMITS.csvLineChars.toLocaleString('en')} characters.`);
    }
    if (inQuotes) {
      if (c !== '"') add(c);
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else inQuotes = false;
    } else if (c === separator) endField();
    else if (c === '"' && field === '' && !quotedField) {
      inQuotes = true;
      quotedField = true;
    } else add(c);
  }
  if (inQuotes) throw new ImportRefused(`A quoted text that starts on line ${recordLine} is never closed.`);
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}

/** The file's text (a byte-order mark already removed) as a table of header and rows. */
export function readAnswersCsv(text: string, source: string): RawTable {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const all = records(body, separatorOf(body.startsWith('Marking:') ? body.slice(body.search(/\r?\n/) + 1) : body));
  // The export's first line carries the marking; the header row follows it.
  const first = all[0];
  const rows = first && first.cells.filter((c) => c !== '').length === 1 && first.cells[0]!.startsWith('Marking:') ? all.slice(1) : all;
  const [header, ...data] = rows;
  if (!header) throw new ImportRefused('The file holds no header row.');
  if (data.length > IMPORT_LIMITS.rows) throw new ImportRefused(`The file has more than ${IMPORT_LIMITS.rows.toLocaleString('en')} rows.`);
  return {
    source,
    headers: header.cells.map((h) => h.trim()),
    rows: data.map((row) => ({ line: row.line, cells: row.cells.map(unguardCsvText) })),
  };
}
