/**
 * Whether the sidebar is collapsed: a view preference of this computer, kept in localStorage. It is not a
 * workbook setting on purpose: settings travel in bundles and every change to them is written to the change
 * log, and folding the navigation is neither the workbook's business nor an auditor's.
 */

const KEY = 'csms.ui.sidebar';
/** Below this window width the sidebar starts collapsed, until the user chooses otherwise. */
export const COLLAPSE_BELOW = 1100;

export type SidebarChoice = 'collapsed' | 'expanded';

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage can be switched off; the sidebar then simply forgets between starts.
    return null;
  }
}

/** The user's own choice, or null when none was made (or what is stored is not one we wrote). */
export function readSidebarChoice(): SidebarChoice | null {
  const value = storage()?.getItem(KEY);
  return value === 'collapsed' || value === 'expanded' ? value : null;
}

export function saveSidebarChoice(choice: SidebarChoice): void {
  try {
    storage()?.setItem(KEY, choice);
  } catch {
    // A full storage only loses the preference.
  }
}

/** Collapsed when the user said so, or, without a choice, when the window is narrow. */
export function isSidebarCollapsed(choice: SidebarChoice | null, windowWidth: number): boolean {
  return choice ? choice === 'collapsed' : windowWidth < COLLAPSE_BELOW;
}
