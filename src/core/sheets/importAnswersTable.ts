/**
 * A spreadsheet of answers as the readers hand it over: a header row and rows of cells, by position.
 * Cells are never keyed by a header's text, so a header such as "__proto__" cannot reach an object's
 * prototype; the caps below bound what a hostile file can make the readers build.
 */
import { RECORD_LIMITS } from '../records/fields';

export const IMPORT_LIMITS = {
  /** The file as chosen: far above any real export of one assessment. */
  fileBytes: 20 * 1024 * 1024,
  /** Rows after the header; a catalogue has a few hundred requirements. */
  rows: 5_000,
  columns: 64,
  /** The longest text any imported field may hold (the narrative's record limit). */
  cellChars: RECORD_LIMITS.narrative,
  /** Characters between two line breaks of a CSV file. */
  csvLineChars: 300_000,
  /** Entries in an xlsx archive; a real one holds a few dozen. */
  zipEntries: 500,
  /** What all the entries of an xlsx archive may expand to, together and one by one. */
  zipTotalBytes: 100 * 1024 * 1024,
  zipEntryBytes: 64 * 1024 * 1024,
  /** How much an entry over 1 MiB may expand; sheet XML compresses about 10 to 30 times. */
  zipRatio: 200,
} as const;

/** A cell the import will not read: a formula (its stored result may be stale or forged) or an error value. */
export interface UnreadableCell {
  unreadable: 'formula' | 'error';
}

export type RawCell = string | UnreadableCell;

export interface RawRow {
  /** Where a person finds the row: the spreadsheet's row number, or the CSV file's line. */
  line: number;
  cells: RawCell[];
}

export interface RawTable {
  /** Which sheet or file the rows came from, for messages. */
  source: string;
  headers: string[];
  rows: RawRow[];
}

/** The whole file was refused; the message is a plain sentence fit to show as it is. */
export class ImportRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefused';
  }
}

/** A cell's text kept within the cap plus one character, so the field check still sees it is too long. */
export function boundedText(text: string): string {
  return text.length > IMPORT_LIMITS.cellChars ? text.slice(0, IMPORT_LIMITS.cellChars + 1) : text;
}

/** Header names that are properties of every object: never a column of ours, and a sign of a crafted file. */
const HOSTILE_HEADERS = new Set(['__proto__', 'constructor', 'prototype', '__definegetter__', '__definesetter__', '__lookupgetter__']);

export function isHostileHeader(header: string): boolean {
  return HOSTILE_HEADERS.has(header.trim().toLowerCase());
}

/** A header as a reader shows it in a message: one line, and short. */
export function shownHeader(header: string): string {
  const line = header.replace(/[\p{Cc}\p{Cf}]/gu, ' ').trim();
  return line.length > 40 ? `${line.slice(0, 40)}…` : line;
}
