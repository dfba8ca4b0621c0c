/**
 * A screen whose code loads on first use, with `preload` to fetch it ahead of time. Once fetched, the
 * screen renders at once: React.lazy is handed a thenable that is already settled, so it does not
 * suspend. (A suspension shows "Loading…" and holds the screen back for React's fallback throttle,
 * about 300 ms, even when the code is already there.)
 */
import { lazy, type ComponentType } from 'react';

export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>) {
  let loaded: ComponentType<P> | null = null;
  let loading: Promise<ComponentType<P>> | null = null;
  const preload = (): Promise<ComponentType<P>> =>
    (loading ??= load().then(
      (screen) => (loaded = screen),
      (error: unknown) => {
        loading = null; // Tried again on the next visit rather than failing for good.
        throw error;
      },
    ));
  const Screen = lazy(() => {
    if (loaded) {
      const module = { default: loaded };
      // React reads a thenable's result synchronously when `then` calls back at once.
      return { then: (resolve: (m: typeof module) => void) => resolve(module) } as unknown as Promise<typeof module>;
    }
    return preload().then((screen) => ({ default: screen }));
  });
  return { Screen, preload };
}
