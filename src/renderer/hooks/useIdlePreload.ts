/**
 * Fetches screens' code once the app is idle after start, so that the first visit to a heavy screen (the
 * dashboard and its chart library) costs no more than the next ones. Nothing leaves the machine: the
 * code is the app's own, served from the same place as the rest.
 */
import { useEffect } from 'react';

export function useIdlePreload(loaders: readonly (() => Promise<unknown>)[], when: boolean): void {
  useEffect(() => {
    if (!when) return;
    // The browser edition may run where requestIdleCallback is missing (older Safari): a timer then.
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1_500));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(
      () => {
        // A failed preload is harmless: the screen loads (and reports a failure) when it is opened.
        for (const load of loaders) load().catch(() => undefined);
      },
      { timeout: 5_000 },
    );
    return () => cancel(handle);
  }, [loaders, when]);
}
