/** Opening a stored file: images preview inside the app, anything can be saved back to disk. */
import type { Evidence } from '../../core/records/model';
import type { WorkbookDb } from '../db/database';
import { evidenceBlob } from '../db/repo/evidence';
import { platform } from '../platform';

export const PREVIEWABLE = /^image\/(png|jpeg|gif|webp)$/;

export async function saveEvidenceCopy(db: WorkbookDb, evidence: Evidence): Promise<string> {
  const blob = evidence.sha256 ? await evidenceBlob(db, evidence.sha256) : undefined;
  if (!blob) return `${evidence.id}: the stored file is missing. Run the integrity check in Evidence.`;
  const result = await platform.saveFile({
    suggestedName: evidence.fileName ?? evidence.id,
    bytes: new Uint8Array(await blob.arrayBuffer()),
    filters: [],
  });
  if (!result.ok) return result.error;
  return result.value.saved ? `Saved ${evidence.id} as ${result.value.path}.` : '';
}
