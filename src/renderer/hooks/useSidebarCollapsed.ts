/** The sidebar's collapsed state: the user's remembered choice, or the window's width while there is none. */
import { useCallback, useEffect, useState } from 'react';
import { COLLAPSE_BELOW, isSidebarCollapsed, readSidebarChoice, saveSidebarChoice, type SidebarChoice } from './sidebarPreference';

export function useSidebarCollapsed(): [collapsed: boolean, toggle: () => void] {
  const [choice, setChoice] = useState<SidebarChoice | null>(readSidebarChoice);
  const [narrow, setNarrow] = useState(() => isSidebarCollapsed(null, window.innerWidth));
  useEffect(() => {
    const query = window.matchMedia(`(max-width: ${COLLAPSE_BELOW - 1}px)`);
    const follow = () => setNarrow(query.matches);
    follow();
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);
  const collapsed = choice ? choice === 'collapsed' : narrow;
  const toggle = useCallback(() => {
    const next: SidebarChoice = collapsed ? 'expanded' : 'collapsed';
    saveSidebarChoice(next);
    setChoice(next);
  }, [collapsed]);
  return [collapsed, toggle];
}
