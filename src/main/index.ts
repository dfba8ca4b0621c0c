/** Electron main: app lifecycle. Each concern lives in its own module; this file only wires them. */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { flushOnClose } from './flushOnClose';
import { appInfo } from './handlers/appInfo';
import { BACKUPS_FOLDER, createBackupHandlers } from './handlers/backups';
import { createFileHandlers } from './handlers/files';
import { abortWithPage, createSaveHandlers } from './handlers/saves';
import { createStorageHandlers } from './handlers/storage';
import { registerHandlers, type Handlers } from './ipc';
import { argSchemas } from './ipcArgs';
import { installMenu } from './menu';
import { registerAppScheme, serveAppScheme } from './protocol';
import { guardSession, guardWebContents } from './security';
import { createMainWindow } from './window';

const rendererRoot = path.join(__dirname, '../renderer');
const preloadPath = path.join(__dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  registerAppScheme();
  app.enableSandbox();

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  void app.whenReady().then(() => {
    guardSession(session.defaultSession);
    serveAppScheme(rendererRoot);
    const files = createFileHandlers({ dialog, shell, window: () => mainWindow });
    const saves = createSaveHandlers({ choosePath: files.chooseSavePath, onSaved: files.rememberSaved });
    const backups = createBackupHandlers({ folder: path.join(app.getPath('userData'), BACKUPS_FOLDER) });
    // Clears what a crash left half-written; a failure here shows again when a backup starts.
    void backups.prepare().catch(() => undefined);
    const handlers = {
      'app:info': appInfo,
      'file:save': files.saveFile,
      'file:reveal': files.revealFile,
      ...saves.handlers,
      ...backups.handlers,
      ...createStorageHandlers(app.getPath('userData')),
    } satisfies Handlers;
    registerHandlers(ipcMain, handlers, argSchemas);
    // Nothing waits for a promise while the app quits: temporary files of unfinished writes go at once.
    app.on('will-quit', () => {
      saves.discardAllNow();
      backups.discardAllNow();
    });
    installMenu();

    const openMainWindow = () => {
      const window = createMainWindow(preloadPath);
      flushOnClose(window, { ipcMain, app });
      abortWithPage(window.webContents, () => Promise.all([saves.abortAll(), backups.abortAll()]).then(() => undefined));
      window.on('closed', () => {
        if (mainWindow === window) mainWindow = null;
      });
      mainWindow = window;
    };
    openMainWindow();
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) openMainWindow();
    });
  });
}
