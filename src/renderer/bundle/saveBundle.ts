/**
 * Saving a bundle of the workbook (or of one assessment): read in one transaction, packed in a worker,
 * saved through the platform (a download, or a streamed write with fsync in the desktop app), and the
 * log head it carries written down as an export, so a log later cut short no longer extends it.
 */
import type { BundleScope } from '../../core/bundle/format';
import { BUNDLE_EXTENSION } from '../../core/bundle/format';
import { exportBaseName } from '../../core/format/fileName';
import type { WorkbookDb } from '../db/database';
import { workbookForBundle } from '../db/bundle/readForBundle';
import { noteExport } from '../export/exportAnchor';
import { platform } from '../platform';
import { packInWorker } from '../workers/bundleInWorker';
import { recordBundleSaved } from './reminder';

declare const __APP_VERSION__: string;

export const APP = { name: 'CSMS Workbook', version: __APP_VERSION__ };
export const BUNDLE_FILTERS = [{ name: 'CSMS Workbook bundle', extensions: [BUNDLE_EXTENSION] }];

export interface Packed {
  blob: Blob;
  logCount: number;
  logHead: string;
  name: string;
  what: string;
}

function stamp(date: Date): string {
  return date.toISOString().slice(0, 16).replace(/[:T]/g, '-');
}

/** Packs the bundle; the caller saves it (a file the user picks, or a backup). */
export async function packBundle(
  db: WorkbookDb,
  scope: BundleScope,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<Packed> {
  const workbook = await workbookForBundle(db);
  const organization = workbook.records.organization?.name ?? 'workbook';
  const assessment = scope.kind === 'assessment' ? workbook.records.assessments.find((a) => a.id === scope.assessmentId) : undefined;
  const job = packInWorker(workbook, scope, APP, onProgress);
  signal?.addEventListener('abort', () => job.cancel());
  const packed = await job.result;
  const subject = assessment ? assessment.name : organization;
  return {
    ...packed,
    name: `${exportBaseName(subject, 'workbook')}_${stamp(new Date())}.${BUNDLE_EXTENSION}`,
    what: assessment ? `bundle of ${assessment.name}` : 'bundle of the workbook',
  };
}

/** Packs and saves; returns where it went, or null when the user cancelled the save. */
export async function saveBundle(
  db: WorkbookDb,
  scope: BundleScope,
  onProgress: (done: number, total: number) => void,
  signal?: AbortSignal,
): Promise<string | null> {
  const packed = await packBundle(db, scope, onProgress, signal);
  const saved = await platform.saveBlob(packed.name, packed.blob, BUNDLE_FILTERS);
  if (!saved.ok) throw new Error(saved.error);
  if (!saved.value.saved) return null;
  if (scope.kind === 'workbook') recordBundleSaved(db.name, packed.logCount);
  // Either kind carries the head of the whole log (a one-assessment bundle keeps the other entries' hashes).
  await noteExport(
    db,
    { entries: packed.logCount, headHash: packed.logHead, verified: true, firstAt: null, lastAt: null, brokenAt: null, reason: null },
    packed.what,
  );
  return saved.value.path;
}
