/**
 * Autosave: changes are saved a moment after typing stops (and at once on blur), with a visible
 * state. A failed save keeps the text on screen and says so; nothing is silently dropped.
 * With a draft key, every unsaved change is also kept synchronously in localStorage (drafts.ts), so
 * typing survives the window closing before the save lands; the next start saves the draft.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { claimDraft, readDraft, readDraftRaw, removeDraft, replaySettled, writeDraft } from './drafts';
import { plainErrorMessage } from '../db/errors';
import { trackFlush } from './pendingSaves';

export type SaveState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved'; at: Date } | { phase: 'error'; message: string };

export interface AutosaveOptions<T> {
  delayMs?: number;
  /** localStorage key of this record's draft (see drafts.ts); fixed for the life of the component. */
  draftKey?: string | null;
  /** How a later patch combines with an earlier one; by default the later replaces it. */
  merge?: (a: T, b: T) => T;
}

const replace = <T>(_a: T, b: T) => b;

export function useAutosave<T>(save: (patch: T) => Promise<void>, options: AutosaveOptions<T> = {}) {
  const { delayMs = 600, draftKey = null, merge: defaultMerge = replace } = options;
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  // A draft left by an earlier session whose save never landed: shown by the form and saved again.
  const [recovered, setRecovered] = useState<T | null>(() => (draftKey ? readDraft<T>(draftKey) : null));
  const pending = useRef<T | null>(null);
  // Everything not yet committed, in flight or pending: exactly what the draft holds.
  const unsaved = useRef<T | null>(recovered);
  const inFlight = useRef(new Set<Promise<void>>());
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  const mergeRef = useRef(defaultMerge);
  useEffect(() => {
    saveRef.current = save;
    mergeRef.current = defaultMerge;
  }, [save, defaultMerge]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    if (patch === null) {
      // Nothing new: "flushed" still means what is in flight has landed.
      await Promise.allSettled([...inFlight.current]);
      return;
    }
    pending.current = null;
    setState({ phase: 'saving' });
    const work = saveRef.current(patch);
    inFlight.current.add(work);
    try {
      await work;
      inFlight.current.delete(work);
      if (pending.current === null && inFlight.current.size === 0) {
        unsaved.current = null;
        if (draftKey) removeDraft(draftKey);
        setRecovered(null);
      }
      setState({ phase: 'saved', at: new Date() });
    } catch (error) {
      // The draft stays: the next start tries again and tells the user if it is refused.
      inFlight.current.delete(work);
      setState({ phase: 'error', message: plainErrorMessage(error) });
    }
  }, [draftKey]);

  const schedule = useCallback(
    (patch: T, merge: (a: T, b: T) => T = mergeRef.current) => {
      pending.current = pending.current === null ? patch : merge(pending.current, patch);
      unsaved.current = unsaved.current === null ? patch : merge(unsaved.current, patch);
      if (draftKey) writeDraft(draftKey, unsaved.current);
      // Keep the same state object while already saving, so a keystroke re-renders nothing.
      setState((s) => (s.phase === 'saving' ? s : { phase: 'saving' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush, draftKey],
  );

  /** Forgets a recovered draft the user chose not to keep (e.g. one a signed-off assessment refuses). */
  const discardRecovered = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    pending.current = null;
    unsaved.current = null;
    if (draftKey) removeDraft(draftKey);
    setRecovered(null);
    setState({ phase: 'idle' });
  }, [draftKey]);

  // The form owns its draft while mounted; a recovered draft is saved once no start-up replay holds it.
  useEffect(() => {
    if (!draftKey) return;
    const release = claimDraft(draftKey);
    let live = true;
    if (recovered !== null) {
      void replaySettled(draftKey).then(() => {
        if (!live || readDraftRaw(draftKey) === null) return;
        schedule(recovered);
        void flush();
      });
    }
    return () => {
      live = false;
      release();
    };
  }, [draftKey, recovered, schedule, flush]);

  // The page going away (close, reload, hidden) starts the save; the draft covers it if that is cut short.
  useEffect(() => {
    const onHide = () => void flush();
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') void flush();
    };
    window.addEventListener('pagehide', onHide);
    window.addEventListener('beforeunload', onHide);
    document.addEventListener('visibilitychange', onVisibility);
    const untrack = trackFlush(flush);
    return () => {
      window.removeEventListener('pagehide', onHide);
      window.removeEventListener('beforeunload', onHide);
      document.removeEventListener('visibilitychange', onVisibility);
      untrack();
    };
  }, [flush]);

  // Whatever is pending when the screen goes away is saved, not lost.
  useEffect(() => () => void flush(), [flush]);

  return { state, schedule, flush, recovered, discardRecovered };
}
