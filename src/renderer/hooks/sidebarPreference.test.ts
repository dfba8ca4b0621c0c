import { beforeEach, describe, expect, it } from 'vitest';
import { installMemoryStorage, type MemoryStorage } from './memoryStorage';
import { COLLAPSE_BELOW, isSidebarCollapsed, readSidebarChoice, saveSidebarChoice } from './sidebarPreference';

let storage: MemoryStorage;
beforeEach(() => {
  storage = installMemoryStorage();
});

describe('the sidebar preference', () => {
  it('follows the window width until the user chooses', () => {
    expect(readSidebarChoice()).toBeNull();
    expect(isSidebarCollapsed(null, 1024)).toBe(true);
    expect(isSidebarCollapsed(null, COLLAPSE_BELOW)).toBe(false);
    expect(isSidebarCollapsed(null, 1920)).toBe(false);
  });

  it('keeps the user’s choice whatever the width', () => {
    saveSidebarChoice('expanded');
    expect(readSidebarChoice()).toBe('expanded');
    expect(isSidebarCollapsed(readSidebarChoice(), 1024)).toBe(false);
    saveSidebarChoice('collapsed');
    expect(isSidebarCollapsed(readSidebarChoice(), 1920)).toBe(true);
  });

  it('ignores a stored value it did not write', () => {
    storage.setItem('csms.ui.sidebar', 'sideways');
    expect(readSidebarChoice()).toBeNull();
  });
});
