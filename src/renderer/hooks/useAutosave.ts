/**
 * Autosave: changes are saved a moment after typing stops (and at once on blur), with a visible
 * state. A failed save keeps the text on screen and says so; nothing is silently dropped.
 */
import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = { phase: 'idle' } | { phase: 'saving' } | { phase: 'saved'; at: Date } | { phase: 'error'; message: string };

export function useAutosave<T>(save: (patch: T) => Promise<void>, delayMs = 600) {
  const [state, setState] = useState<SaveState>({ phase: 'idle' });
  const pending = useRef<T | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const saveRef = useRef(save);
  useEffect(() => {
    saveRef.current = save;
  }, [save]);

  const flush = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    const patch = pending.current;
    if (patch === null) return;
    pending.current = null;
    setState({ phase: 'saving' });
    try {
      await saveRef.current(patch);
      setState({ phase: 'saved', at: new Date() });
    } catch (error) {
      setState({ phase: 'error', message: error instanceof Error ? error.message : 'Your change was not saved.' });
    }
  }, []);

  const schedule = useCallback(
    (patch: T, merge: (a: T, b: T) => T = (_a, b) => b) => {
      pending.current = pending.current === null ? patch : merge(pending.current, patch);
      // Keep the same state object while already saving, so a keystroke re-renders nothing.
      setState((s) => (s.phase === 'saving' ? s : { phase: 'saving' }));
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), delayMs);
    },
    [delayMs, flush],
  );

  // Whatever is pending when the screen goes away is saved, not lost.
  useEffect(() => () => void flush(), [flush]);

  return { state, schedule, flush };
}
