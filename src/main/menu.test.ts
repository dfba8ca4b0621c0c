import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => ({ Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() } }));
const { menuTemplate } = await import('./menu');

const roles = (template: ReturnType<typeof menuTemplate>): string[] =>
  template.flatMap((item) => [item.role ?? '', ...(Array.isArray(item.submenu) ? item.submenu.map((s) => s.role ?? '') : [])]);

describe('menuTemplate', () => {
  it('offers the usual editing roles', () => {
    expect(roles(menuTemplate(false))).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste', 'selectAll', 'quit']));
  });

  it('adds the application menu on macOS only', () => {
    expect(roles(menuTemplate(true))).toContain('appMenu');
    expect(roles(menuTemplate(false))).not.toContain('appMenu');
  });
});
