import { useCallback, useSyncExternalStore } from 'react';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const read = () => window.location.hash.replace(/^#\/?/, '');

/** The current route from the URL hash, so a reload returns to the same screen. */
export function useHashRoute(fallback: string): [string, (route: string) => void] {
  const route = useSyncExternalStore(subscribe, read) || fallback;
  const navigate = useCallback((next: string) => {
    window.location.hash = `/${next}`;
  }, []);
  return [route, navigate];
}
