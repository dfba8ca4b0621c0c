/**
 * At start, saves the drafts an earlier session left behind (typing not yet saved when the window
 * closed) through the normal save path, which also writes the change log. A draft that cannot be
 * saved is kept and reported, never dropped.
 */
import { ACTION_DRAFT, actionDraftSaved, replayActionDraft } from '../actions/actionCardDraft';
import { CONDUCT_DRAFT, conductDraftSaved, replayConductDraft } from '../conduct/conductDraft';
import type { WorkbookDb } from '../db/database';
import { WorkbookError } from '../db/errors';
import { saveResponse, storedResponse, type ResponsePatch } from '../db/repo/responses';
import { hydrateDrafts, isClaimed, listDrafts, readDraftRaw, removeDraft, trackReplay, type StoredDraft } from '../hooks/drafts';

export interface KeptDraft {
  key: string;
  /** What the draft belongs to, in the user's words, e.g. `ORG 1.1`. */
  label: string;
  /** Why it could not be saved. */
  reason: string;
  /** False when its record is gone, so there is no screen to look at it on. */
  openable: boolean;
}

export interface ReplayReport {
  saved: number;
  kept: KeptDraft[];
}

/** These kinds hold a patch of the answer: the answer's own fields, its countermeasure, or its finding's wording. */
const isAnswerDraft = (draft: StoredDraft) => draft.kind === 'response' || draft.kind === 'compensating' || draft.kind === 'finding';

/** True when the stored value already says what the draft says; a countermeasure draft names only some of its fields. */
function holds(stored: unknown, value: unknown): boolean {
  if (value === null) return stored === null || stored === undefined;
  if (typeof value !== 'object') return stored === value;
  if (typeof stored !== 'object' || stored === null) return false;
  return Object.entries(value).every(([key, v]) => holds((stored as Record<string, unknown>)[key], v));
}

/** What a response draft changes; throws, with a reason a person can read, when that cannot be told. */
function responseDraft(draft: StoredDraft): { assessmentId: string; requirementId: string; patch: ResponsePatch } {
  if (!isAnswerDraft(draft)) throw new Error('This version of the app does not know this kind of change.');
  const bar = draft.id.indexOf('|');
  if (bar <= 0) throw new Error('The draft does not say which answer it belongs to.');
  try {
    return { assessmentId: draft.id.slice(0, bar), requirementId: draft.id.slice(bar + 1), patch: JSON.parse(draft.raw) as ResponsePatch };
  } catch {
    throw new Error('The draft is damaged.');
  }
}

/** True when the stored answer already holds every value of the draft (its save landed, only the cleanup did not). */
async function alreadySaved(db: WorkbookDb, draft: StoredDraft): Promise<boolean> {
  if (draft.kind === CONDUCT_DRAFT) return conductDraftSaved(db, draft);
  if (draft.kind === ACTION_DRAFT) return actionDraftSaved(db, draft);
  const { assessmentId, requirementId, patch } = responseDraft(draft);
  const stored = await storedResponse(db, assessmentId, requirementId);
  return !!stored && Object.entries(patch).every(([field, value]) => holds(stored[field as keyof typeof stored], value));
}

/** Saves one draft unless it already is; true when it wrote. */
async function replayOne(db: WorkbookDb, draft: StoredDraft): Promise<boolean> {
  if (draft.kind === CONDUCT_DRAFT) return replayConductDraft(db, draft);
  if (draft.kind === ACTION_DRAFT) return replayActionDraft(db, draft);
  if (await alreadySaved(db, draft)) return false;
  const { assessmentId, requirementId, patch } = responseDraft(draft);
  // saveResponse validates the patch and refuses a missing or locked assessment with a WorkbookError.
  await saveResponse(db, assessmentId, requirementId, patch);
  return true;
}

const hydrations = new Map<string, Promise<void>>();
const hydrated = new Set<string>();

/** Once per database per page load: drafts only IndexedDB kept are back in localStorage, where forms read them. */
export function ensureHydrated(db: WorkbookDb): Promise<void> {
  let work = hydrations.get(db.name);
  if (!work) {
    work = hydrateDrafts(db.name, (draft) => alreadySaved(db, draft))
      .catch(() => undefined)
      .then(() => void hydrated.add(db.name));
    hydrations.set(db.name, work);
  }
  return work;
}

export function isHydrated(db: WorkbookDb): boolean {
  return hydrated.has(db.name);
}

function labelOf(draft: StoredDraft): string {
  if (draft.kind === CONDUCT_DRAFT) return 'conduct and scope';
  if (draft.kind === ACTION_DRAFT) return 'a remediation action';
  return isAnswerDraft(draft) ? (draft.id.split('|')[1] ?? draft.id) : draft.id;
}

export async function replayDrafts(db: WorkbookDb): Promise<ReplayReport> {
  await ensureHydrated(db);
  const report: ReplayReport = { saved: 0, kept: [] };
  for (const draft of listDrafts(db.name)) {
    // A form showing the record saves its own draft; a draft rewritten or removed meanwhile is not ours any more.
    if (isClaimed(draft.key) || readDraftRaw(draft.key) !== draft.raw) continue;
    try {
      const saved = await trackReplay(draft.key, replayOne(db, draft));
      removeDraft(draft.key, draft.raw);
      if (saved) report.saved += 1;
    } catch (error) {
      report.kept.push({
        key: draft.key,
        label: labelOf(draft),
        reason: error instanceof Error ? error.message : String(error),
        openable: !(error instanceof WorkbookError && error.kind === 'not-found'),
      });
    }
  }
  return report;
}

/** One message for the user about what the replay did, or null when there is nothing to say. */
export function replayMessage(report: ReplayReport): { message: string; tone: 'info' | 'error' } | null {
  if (report.kept.length > 0) {
    const what = report.kept.map((k) => `${k.label} (${k.reason.replace(/\.$/, '')})`).join('; ');
    const open = report.kept.some((k) => k.openable) ? ' Open the requirement to see it or discard it.' : '';
    return {
      tone: 'error',
      message: `Text you typed before the app last closed could not be saved: ${what}. It is kept on this computer.${open}`,
    };
  }
  if (report.saved > 0) {
    const what = report.saved === 1 ? 'one answer' : `${report.saved} answers`;
    return { tone: 'info', message: `Saved what you typed in ${what} just before the app last closed.` };
  }
  return null;
}
