/**
 * The change log as files for someone outside the app: a CSV a person reads in a spreadsheet, the JSON
 * lines a machine re-checks (the bundle's changelog.jsonl format), and the check of such a file.
 */
import { changeLogText } from '../bundle/build';
import type { BundleLogEntry } from '../bundle/contents';
import { BUNDLE_LIMITS } from '../bundle/format';
import { parseLogLine } from '../bundle/verify';
import { BundleError } from '../bundle/zip';
import { verifyChain, type AuditEntry } from './chain';
import { describeEntry, type LogNames, type LogRow } from './logView';

export const CSV_COLUMNS = [
  'Seq',
  'Time (UTC)',
  'Person',
  'Record kind',
  'Record ID',
  'Assessment',
  'Requirement',
  'Operation',
  'Fields changed',
  'Before',
  'After',
  'Reason',
  'Entry hash',
] as const;

/** Characters a spreadsheet would take as the start of a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: defused against formulas, then quoted as RFC 4180 asks. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const OPERATIONS: Record<LogRow['op'], string> = { create: 'created', update: 'changed', delete: 'deleted', baseline: 'baseline' };

function sideOf(row: LogRow, side: 'before' | 'after'): string {
  const full = (c: LogRow['changes'][number]) => (side === 'before' ? (c.beforeFull ?? c.before) : (c.afterFull ?? c.after));
  if (row.changes.length === 1) return full(row.changes[0]!);
  return row.changes.map((c) => `${c.label}: ${full(c)}`).join('\n');
}

function csvRow(row: LogRow, names: LogNames): string {
  const assessment = row.assessmentId ? (names.assessment.get(row.assessmentId) ?? row.assessmentId) : '';
  const fields = row.changes.length ? row.changes.map((c) => c.label).join('; ') : row.summary;
  return [
    String(row.seq),
    row.time.replace(/ UTC$/, ''),
    row.actor,
    row.kind,
    row.recordId,
    assessment,
    row.requirementId ?? '',
    OPERATIONS[row.op],
    fields,
    sideOf(row, 'before'),
    sideOf(row, 'after'),
    row.reason ?? '',
    row.hash,
  ]
    .map(csvCell)
    .join(',');
}

/**
 * The log as CSV, one row per entry with the full values (never shortened), CRLF line ends. It opens
 * with a byte-order mark so spreadsheet programs read its non-ASCII text as UTF-8.
 */
export function changeLogCsv(entries: readonly AuditEntry[], names: LogNames): string {
  return [...logFileChunks('csv', entries, names)].map((c) => c.text).join('');
}

/** The log as JSON lines, one entry per line exactly as stored: the same text a bundle carries. */
export function changeLogJsonl(entries: readonly BundleLogEntry[]): string {
  return changeLogText(entries);
}

export type LogFileKind = 'csv' | 'jsonl';

/**
 * The CSV or JSON-lines file a piece at a time (`rows` entries each, the CSV's header with the first),
 * each with the entries written so far: joined, the pieces are exactly changeLogCsv / changeLogJsonl.
 * A worker reports progress between pieces and hands them to a Blob without one giant string.
 */
export function* logFileChunks(
  kind: LogFileKind,
  entries: readonly AuditEntry[],
  names: LogNames,
  rows = 2000,
): Generator<{ text: string; done: number }> {
  const step = Math.max(1, rows);
  const header = kind === 'csv' ? `\uFEFF${CSV_COLUMNS.map(csvCell).join(',')}\r\n` : '';
  if (entries.length === 0) {
    yield { text: header, done: 0 };
    return;
  }
  for (let start = 0; start < entries.length; start += step) {
    const slice = entries.slice(start, start + step);
    const text = kind === 'csv' ? slice.map((entry) => `${csvRow(describeEntry(entry, names), names)}\r\n`).join('') : changeLogText(slice);
    yield { text: start === 0 ? header + text : text, done: start + slice.length };
  }
}

export type LogTextVerdict =
  | { ok: true; count: number; withheld: number; head: string; first?: string; last?: string }
  /** The log was read and is not intact: the first broken entry and why. */
  | { ok: false; broken: true; seq: number; problem: string }
  /** The text could not be checked at all (too large, not a log). */
  | { ok: false; broken: false; problem: string };

export interface VerifyLogOptions {
  /** Entries whose content stayed behind (a one-assessment export) are accepted; their links still count. */
  allowWithheld?: boolean;
}

/** When an entry is not where it should be: removed, or out of order with a later one. */
function placeProblem(entries: readonly BundleLogEntry[]): { seq: number; problem: string } | null {
  const position = new Map<number, number>();
  entries.forEach((e, i) => {
    if (!position.has(e.seq)) position.set(e.seq, i);
  });
  for (let i = 0; i < entries.length; i += 1) {
    const expected = i + 1;
    const found = entries[i]!.seq;
    if (found === expected) continue;
    const later = position.get(expected);
    if (later !== undefined && later > i)
      return {
        seq: expected,
        problem: `entry ${expected} is out of order: it comes after entry ${found} (line ${later + 1} instead of ${expected})`,
      };
    return { seq: expected, problem: `entry ${expected} is missing: line ${expected} holds entry ${found}` };
  }
  return null;
}

/**
 * Checks a changelog.jsonl text: bounded (size, lines, line length, nesting), each line against the
 * entry schema, then the chain. The verdict names the first problem in words.
 */
export function verifyLogText(text: string, options: VerifyLogOptions = {}): LogTextVerdict {
  if (text.length > BUNDLE_LIMITS.dataFileBytes)
    return { ok: false, broken: false, problem: 'the file is larger than a change log may be' };
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n');
  if (lines.at(-1) === '') lines.pop();
  if (lines.length > BUNDLE_LIMITS.logEntries)
    return { ok: false, broken: false, problem: `it has more than ${BUNDLE_LIMITS.logEntries.toLocaleString('en')} lines` };
  const entries: BundleLogEntry[] = [];
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.replace(/\r$/, '');
    if (line.length > BUNDLE_LIMITS.logLineChars)
      return { ok: false, broken: false, problem: `line ${i + 1} is longer than a log entry may be` };
    try {
      entries.push(parseLogLine(line, `line ${i + 1}`));
    } catch (error) {
      if (!(error instanceof BundleError)) throw error;
      return { ok: false, broken: true, seq: i + 1, problem: `entry ${i + 1} cannot be read (${error.message})` };
    }
  }
  const withheld = entries.filter((e) => 'withheld' in e).length;
  if (withheld && !options.allowWithheld)
    return {
      ok: false,
      broken: true,
      seq: entries.find((e) => 'withheld' in e)!.seq,
      problem: 'the log leaves out the content of an entry',
    };
  const misplaced = placeProblem(entries);
  if (misplaced) return { ok: false, broken: true, ...misplaced };
  const chain = verifyChain(entries, { allowWithheld: options.allowWithheld ?? false });
  if (!chain.ok) return { ok: false, broken: true, seq: chain.seq, problem: `entry ${chain.seq}: ${chain.reason}` };
  return {
    ok: true,
    count: chain.count,
    withheld,
    head: chain.head,
    ...(chain.first ? { first: chain.first } : {}),
    ...(chain.last ? { last: chain.last } : {}),
  };
}
