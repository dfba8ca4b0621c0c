import type { WorkbookDb } from '../db/database';
import { readSettings } from '../db/repo/settings';
import { platform } from '../platform';
import type { useAddFiles } from './useAddFiles';

/** Lets the user choose files (dialog or file input) within the size cap, and adds them. */
export async function pickAndAddFiles(db: WorkbookDb, upload: ReturnType<typeof useAddFiles>): Promise<void> {
  const { evidenceSizeCap } = await readSettings(db);
  const picked = await platform.openFiles({ multiple: true, filters: [], maxBytes: evidenceSizeCap });
  if (picked.ok) await upload.add(picked.value);
  else upload.fail(picked.error);
}
