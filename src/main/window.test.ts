import type { BrowserWindowConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

const created: BrowserWindowConstructorOptions[] = [];
const electronApp = vi.hoisted(() => ({ isPackaged: false }));
vi.mock('electron', () => ({
  app: electronApp,
  BrowserWindow: class {
    constructor(options: BrowserWindowConstructorOptions) {
      created.push(options);
    }
    once() {}
    show() {}
    loadURL = vi.fn(async () => undefined);
  },
}));
const { createMainWindow } = await import('./window');

describe('createMainWindow', () => {
  it('runs the renderer sandboxed, isolated, without Node and with web security', () => {
    const window = createMainWindow('/app/preload.cjs') as unknown as { loadURL: ReturnType<typeof vi.fn> };
    const options = created.at(-1)!;
    expect(options.webPreferences).toMatchObject({
      preload: '/app/preload.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(window.loadURL).toHaveBeenCalledWith('app://workbook/index.html');
  });

  it('opens at a size the screens are designed for', () => {
    createMainWindow('/p');
    const options = created.at(-1)!;
    expect(options.width).toBeGreaterThanOrEqual(1280);
    expect(options.height).toBeGreaterThanOrEqual(800);
    expect(options.show).toBe(false);
  });

  it('offers DevTools in development only, never in the packaged app', () => {
    electronApp.isPackaged = true;
    createMainWindow('/p');
    expect(created.at(-1)!.webPreferences?.devTools).toBe(false);
    electronApp.isPackaged = false;
    createMainWindow('/p');
    expect(created.at(-1)!.webPreferences?.devTools).toBe(true);
  });
});
