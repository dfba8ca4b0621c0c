/** The main window and the web preferences every window of the app must have. */
import { app, BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './origin';

/**
 * The options are written out here, in the constructor call, so that static checkers
 * (Electronegativity) see exactly what the window gets.
 */
export function createMainWindow(preloadPath: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    show: false,
    title: 'CSMS Workbook',
    backgroundColor: '#f6f7f9',
    webPreferences: {
      // Reviewed: the sandboxed preload exposes only the named functions of the IPC contract.
      preload: preloadPath, // eng-disable PRELOAD_JS_CHECK
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
      safeDialogs: true,
      spellcheck: false,
      // Middle-click would otherwise open links in new windows.
      disableBlinkFeatures: 'Auxclick',
      // A user of the packaged app has no use for DevTools; they would let anyone at the keyboard
      // read and change the workbook past the app's checks. Developers keep them.
      devTools: !app.isPackaged,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
