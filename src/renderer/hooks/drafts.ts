/**
 * Drafts: a synchronous copy in localStorage of a change that is not yet saved, replayed at the
 * next start if the window closed before the save landed. A draft lives only from the keystroke
 * until its save commits. Each is mirrored to IndexedDB (durableDrafts.ts), which reaches the disk
 * sooner; hydrateDrafts brings those back.
 */
import { mirrorDelete, mirrorPut, readDurableDrafts } from './durableDrafts';

const PREFIX = 'csms.draft.';
/** Beyond this the draft is not kept (localStorage is small and synchronous); the async save still runs. */
export const MAX_DRAFT_CHARS = 256 * 1024;

/**
 * A countermeasure and the assessor's wording of a finding have their own drafts: their panels save on
 * their own, beside the answer's form. All hold a response patch. An assessment's conduct and scope
 * holds a change of it (conduct/conductDraft.ts).
 */
export type DraftKind = 'response' | 'compensating' | 'finding' | 'conduct' | 'action';

export interface StoredDraft {
  key: string;
  kind: string;
  /** The record within its kind, e.g. `<assessmentId>|<requirementId>` for a response. */
  id: string;
  /** The stored string, to remove the draft only if nobody rewrote it meanwhile. */
  raw: string;
}

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off; drafts are a safety net, not a requirement.
    return null;
  }
}

function dbPrefix(dbName: string): string {
  return `${PREFIX}${encodeURIComponent(dbName)}.`;
}

export function draftKey(dbName: string, kind: DraftKind, id: string): string {
  return `${dbPrefix(dbName)}${kind}.${id}`;
}

export function responseDraftKey(dbName: string, assessmentId: string, requirementId: string): string {
  return draftKey(dbName, 'response', `${assessmentId}|${requirementId}`);
}

export function findingDraftKey(dbName: string, assessmentId: string, requirementId: string): string {
  return draftKey(dbName, 'finding', `${assessmentId}|${requirementId}`);
}

export function compensatingDraftKey(dbName: string, assessmentId: string, requirementId: string): string {
  return draftKey(dbName, 'compensating', `${assessmentId}|${requirementId}`);
}

function toDraft(prefix: string, key: string, raw: string): StoredDraft | null {
  if (!key.startsWith(prefix)) return null;
  const rest = key.slice(prefix.length);
  const dot = rest.indexOf('.');
  return dot > 0 ? { key, kind: rest.slice(0, dot), id: rest.slice(dot + 1), raw } : null;
}

/** Writes the draft; a draft too large to keep removes any older one, which would otherwise be replayed over newer text. */
/** The change a stored draft holds; a draft that is not JSON any more is refused in plain words. */
export function draftValue<T>(draft: StoredDraft): T {
  try {
    return JSON.parse(draft.raw) as T;
  } catch {
    throw new Error('The draft is damaged.');
  }
}

export function writeDraft(key: string, patch: unknown): boolean {
  const store = storage();
  if (!store) return false;
  const raw = JSON.stringify(patch);
  try {
    if (raw.length > MAX_DRAFT_CHARS) throw new RangeError('draft too large');
    store.setItem(key, raw);
    mirrorPut(key, raw);
    return true;
  } catch {
    store.removeItem(key);
    mirrorDelete(key);
    return false;
  }
}

export function readDraftRaw(key: string): string | null {
  return storage()?.getItem(key) ?? null;
}

export function readDraft<T>(key: string): T | null {
  const raw = readDraftRaw(key);
  if (raw === null) return null;
  try {
    return JSON.parse(raw) as T;
  } catch {
    return null;
  }
}

/** Removes the draft; with `ifRaw`, only while it still holds that text (a newer keystroke keeps it). */
export function removeDraft(key: string, ifRaw?: string): void {
  const store = storage();
  if (!store) return;
  if (ifRaw !== undefined && store.getItem(key) !== ifRaw) return;
  store.removeItem(key);
  mirrorDelete(key);
}

export function listDrafts(dbName: string): StoredDraft[] {
  const store = storage();
  if (!store) return [];
  const prefix = dbPrefix(dbName);
  const found: StoredDraft[] = [];
  for (let i = 0; i < store.length; i += 1) {
    const key = store.key(i);
    const draft = key === null ? null : toDraft(prefix, key, store.getItem(key) ?? '');
    if (draft) found.push(draft);
  }
  return found;
}

/**
 * Brings back into localStorage the drafts only IndexedDB still has (localStorage lost them with the
 * browser). Where both have one, localStorage is newer: it is written first, synchronously.
 * `stale` says which of them are already saved, so they are dropped instead.
 */
export async function hydrateDrafts(dbName: string, stale: (draft: StoredDraft) => Promise<boolean>): Promise<void> {
  const store = storage();
  if (!store) return;
  const prefix = dbPrefix(dbName);
  for (const { key, raw } of await readDurableDrafts(prefix)) {
    const draft = toDraft(prefix, key, raw);
    if (!draft || store.getItem(key) !== null) continue;
    if (await stale(draft).catch(() => false)) mirrorDelete(key);
    // A keystroke in the meantime wrote a newer draft: keep that one.
    else if (store.getItem(key) === null) store.setItem(key, raw);
  }
}

// Who is saving a draft right now: a mounted form owns its draft; the start-up replay owns the rest.
const ownedByForm = new Set<string>();
const replaying = new Map<string, Promise<unknown>>();

/** A form that shows the record takes its draft over; the start-up replay leaves it alone. */
export function claimDraft(key: string): () => void {
  ownedByForm.add(key);
  return () => ownedByForm.delete(key);
}

export function isClaimed(key: string): boolean {
  return ownedByForm.has(key);
}

/** Marks a replay of the draft as running until `work` settles. */
export function trackReplay<T>(key: string, work: Promise<T>): Promise<T> {
  replaying.set(key, work);
  const done = () => {
    if (replaying.get(key) === work) replaying.delete(key);
  };
  work.then(done, done);
  return work;
}

/** Resolves once no start-up replay of this draft is running, whatever its outcome. */
export function replaySettled(key: string): Promise<void> {
  const work = replaying.get(key);
  return work
    ? work.then(
        () => undefined,
        () => undefined,
      )
    : Promise.resolve();
}
