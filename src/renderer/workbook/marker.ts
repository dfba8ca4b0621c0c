/**
 * A small record, kept outside IndexedDB, that this install holds a workbook: the change log's entry
 * count and head after the last save, and after the last export. On a full disk Chromium can lose the
 * whole database and recreate it empty at the next start, and localStorage with it when its own write
 * fails too. So the marker is kept in several places (localStorage, a file in the origin-private file
 * system, and in the desktop app a file beside the profile), and at start the longest one counts: a
 * missing database, or a log shorter than the marker says, opens the recovery screen, never first start.
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

/** A copy of the marker kept elsewhere than localStorage; written best effort, read at start. */
export interface MarkerCopy {
  read(): Promise<string | null>;
  /** Resolves once written (or failed: copies are best effort); callers that need not wait do not. */
  write(text: string): Promise<void>;
}

let copies: MarkerCopy[] = [];
let copiesFor = '';

/** Sets where else the marker of the workbook `dbName` is kept (once, at start). */
export function keepCopies(dbName: string, stores: readonly (MarkerCopy | null)[]): void {
  copies = stores.filter((s): s is MarkerCopy => s !== null);
  copiesFor = dbName;
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
  const others = copiesFor === dbName ? await Promise.all(copies.map((c) => c.read().catch(() => null))) : [];
  let longest = local;
  for (const found of others.map(parseMarker)) if (found && (!longest || found.count > longest.count)) longest = found;
  if (longest && longest !== local) void writeMarker(dbName, longest);
  return longest;
}

function writeMarker(dbName: string, marker: WorkbookMarker): Promise<void> {
  const text = JSON.stringify(marker);
  try {
    localStorage.setItem(keyOf(dbName), text);
  } catch {
    // A full disk may refuse this too; the database itself is what matters and has already been written.
  }
  return copiesFor === dbName
    ? Promise.all(copies.map((c) => c.write(text).catch(() => undefined))).then(() => undefined)
    : Promise.resolve();
}

/**
 * Sets the marker to the log as it is now, lowering it if need be: the one deliberate exception to "it
 * never moves back", when the user chooses to continue with a workbook shorter than recorded. Waits
 * until every copy is written, so that the next start does not find the old marker in one of them.
 */
export async function resetMarker(dbName: string, point: LogPoint | null): Promise<void> {
  localStorage.removeItem(keyOf(dbName));
  if (point && point.count > 0) await writeMarker(dbName, point);
  else if (copiesFor === dbName) await Promise.all(copies.map((c) => c.write('{}').catch(() => undefined)));
}

/** Moves the marker forward after a save; it never moves back (a lagging marker is harmless, a lowered one is not). */
export function recordSave(dbName: string, point: LogPoint): void {
  const current = readMarker(dbName);
  if (current && current.count > point.count) return;
  void writeMarker(dbName, { ...current, ...point });
}

export function recordExport(dbName: string, point: LogPoint, what: string): void {
  const current = readMarker(dbName);
  const base = current && current.count > point.count ? current : { ...current, ...point };
  void writeMarker(dbName, { ...base, exported: { ...point, what } });
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
