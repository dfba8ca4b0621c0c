/**
 * Typing on the conduct and scope page not yet saved when the window closed: kept as a draft
 * (hooks/drafts.ts) and saved at the next start through the same write path as the page.
 */
import type { WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { storedConduct } from '../db/queries/conduct';
import { updateConduct, type ConductChange } from '../db/repo/conduct';
import { draftKey, draftValue, type StoredDraft } from '../hooks/drafts';

export const CONDUCT_DRAFT = 'conduct';

export const conductDraftKey = (dbName: string, assessmentId: string) => draftKey(dbName, CONDUCT_DRAFT, assessmentId);

const changeOf = (draft: StoredDraft) => draftValue<ConductChange>(draft);

/** True when the stored conduct already says what the draft says (its save landed, only the cleanup did not). */
export async function conductDraftSaved(db: WorkbookDb, draft: StoredDraft): Promise<boolean> {
  const stored = await storedConduct(db, draft.id);
  if (stored === null) return false;
  // Whole values compared: a list with a row removed must not pass for the longer list stored.
  return Object.entries(changeOf(draft)).every(
    ([field, value]) => JSON.stringify(stored?.[field as keyof typeof stored] ?? null) === JSON.stringify(value ?? null),
  );
}

/** Saves the draft unless it already is; true when it wrote. Refusals (locked, gone) come back as WorkbookErrors. */
export async function replayConductDraft(db: WorkbookDb, draft: StoredDraft): Promise<boolean> {
  if (await conductDraftSaved(db, draft)) return false;
  if ((await storedConduct(db, draft.id)) === null) throw new WorkbookError('That assessment no longer exists.', 'not-found');
  await updateConduct(db, draft.id, changeOf(draft));
  return true;
}
