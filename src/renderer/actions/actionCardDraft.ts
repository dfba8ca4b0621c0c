/**
 * Typing on a remediation action's card not yet saved when the window closed: kept as a draft
 * (hooks/drafts.ts) and saved at the next start through the same write path as the card.
 */
import type { WorkbookDb } from '../db/database';
import { storedAction, updateAction, type ActionPatch } from '../db/repo/actions';
import { WorkbookError } from '../db/errors';
import { draftKey, draftValue, type StoredDraft } from '../hooks/drafts';

export const ACTION_DRAFT = 'action';

export const actionDraftKey = (dbName: string, actionId: string) => draftKey(dbName, ACTION_DRAFT, actionId);

const patchOf = (draft: StoredDraft) => draftValue<ActionPatch>(draft);

/** True when the stored action already says what the draft says (its save landed, only the cleanup did not). */
export async function actionDraftSaved(db: WorkbookDb, draft: StoredDraft): Promise<boolean> {
  const stored = await storedAction(db, draft.id);
  if (!stored) return false;
  return Object.entries(patchOf(draft)).every(([field, value]) => (stored[field as keyof typeof stored] ?? null) === (value ?? null));
}

/** Saves the draft unless it already is; true when it wrote. Refusals (locked, gone) come back as WorkbookErrors. */
export async function replayActionDraft(db: WorkbookDb, draft: StoredDraft): Promise<boolean> {
  if (await actionDraftSaved(db, draft)) return false;
  if (!(await storedAction(db, draft.id))) throw new WorkbookError('That action no longer exists.', 'not-found');
  await updateAction(db, draft.id, patchOf(draft));
  return true;
}
