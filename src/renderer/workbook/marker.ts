/**
 * A small record, kept outside IndexedDB, that this install holds a workbook: the change log's entry
 * count and head after the last save, and after the last export. On a full disk Chromium can lose the
 * whole database and recreate it empty at the next start; localStorage survived those runs. So at start
 * a missing database, or a log shorter than the marker says, opens the recovery screen, never first start.
 */
import type { LogAnchor } from '../../core/audit/reconcile';
import { SHA256_HEX } from '../../core/hashing/sha256';
import { committed } from '../db/events';

export interface LogPoint {
  count: number;
  head: string;
  at: string;
}

export interface WorkbookMarker extends LogPoint {
  exported?: LogPoint & { what: string };
}

const keyOf = (dbName: string) => `csms.marker.${dbName}`;

/** The marker's other copy, outside the browser profile (desktop only): set once at start. */
let fileCopy: { read(): Promise<string | null>; write(text: string): void } | null = null;
let fileCopyFor = '';

export function keepFileCopy(dbName: string, store: typeof fileCopy): void {
  fileCopy = store;
  fileCopyFor = dbName;
}

function isPoint(value: unknown): value is LogPoint {
  const v = value as LogPoint | null;
  return (
    !!v &&
    Number.isSafeInteger(v.count) &&
    v.count >= 0 &&
    typeof v.head === 'string' &&
    SHA256_HEX.test(v.head) &&
    typeof v.at === 'string'
  );
}

function parseMarker(raw: string | null): WorkbookMarker | null {
  try {
    if (!raw || raw.length > 2_000) return null;
    const parsed = JSON.parse(raw) as WorkbookMarker;
    if (!isPoint(parsed)) return null;
    return { count: parsed.count, head: parsed.head, at: parsed.at, ...(isPoint(parsed.exported) ? { exported: parsed.exported } : {}) };
  } catch {
    return null;
  }
}

export function readMarker(dbName: string): WorkbookMarker | null {
  try {
    return parseMarker(localStorage.getItem(keyOf(dbName)));
  } catch {
    return null;
  }
}

/** At start: the local copy, or the file copy where it records a longer log (the local one was lost). */
export async function readMarkerEverywhere(dbName: string): Promise<WorkbookMarker | null> {
  const local = readMarker(dbName);
  const file = fileCopy && fileCopyFor === dbName ? parseMarker(await fileCopy.read().catch(() => null)) : null;
  if (file && (!local || file.count > local.count)) {
    writeMarker(dbName, file);
    return file;
  }
  return local;
}

function writeMarker(dbName: string, marker: WorkbookMarker): void {
  const text = JSON.stringify(marker);
  try {
    localStorage.setItem(keyOf(dbName), text);
  } catch {
    // A full disk may refuse this too; the database itself is what matters and has already been written.
  }
  if (fileCopy && fileCopyFor === dbName) fileCopy.write(text);
}

export function clearMarker(dbName: string): void {
  localStorage.removeItem(keyOf(dbName));
  if (fileCopy && fileCopyFor === dbName) fileCopy.write('{}');
}

/** Moves the marker forward after a save; it never moves back (a lagging marker is harmless, a lowered one is not). */
export function recordSave(dbName: string, point: LogPoint): void {
  const current = readMarker(dbName);
  if (current && current.count > point.count) return;
  writeMarker(dbName, { ...current, ...point });
}

export function recordExport(dbName: string, point: LogPoint, what: string): void {
  const current = readMarker(dbName);
  const base = current && current.count > point.count ? current : { ...current, ...point };
  writeMarker(dbName, { ...base, exported: { ...point, what } });
}

/** Keeps the marker of the workbook `dbName` up to date with every committed change. */
export function followCommits(dbName: string): () => void {
  return committed.subscribe((head) => {
    if (head.dbName === dbName) recordSave(dbName, { count: head.count, head: head.head, at: new Date().toISOString() });
  });
}

export function markerAnchors(marker: WorkbookMarker | null): LogAnchor[] {
  if (!marker) return [];
  const anchors: LogAnchor[] = [{ ...marker, source: "this computer's record of the last save" }];
  if (marker.exported) anchors.push({ ...marker.exported, source: `the last export (${marker.exported.what})` });
  return anchors;
}
