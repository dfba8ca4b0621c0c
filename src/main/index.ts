/** Electron main: app lifecycle. Each concern lives in its own module; this file only wires them. */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { flushOnClose } from './flushOnClose';
import { appInfo } from './handlers/appInfo';
import { createFileHandlers } from './handlers/files';
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
    const handlers = {
      'app:info': appInfo,
      'file:save': files.saveFile,
      'file:open': files.openFiles,
      'file:reveal': files.revealFile,
      ...createStorageHandlers(app.getPath('userData')),
    } satisfies Handlers;
    registerHandlers(ipcMain, handlers, argSchemas);
    installMenu();
    mainWindow = createMainWindow(preloadPath);
    flushOnClose(mainWindow, { ipcMain, app });
    mainWindow.on('closed', () => (mainWindow = null));
    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow(preloadPath);
    });
  });
}
