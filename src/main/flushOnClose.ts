/**
 * Typing is never lost to a closing window: on the first 'close' the window stays open while the
 * page is asked to save what is pending, then closes once it answers, or after a timeout so a hung
 * page can never keep the app from closing. Quitting goes through the same path.
 */
import type { App, BrowserWindow, IpcMain, IpcMainEvent } from 'electron';
import { FLUSHED_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../shared/ipc';
import { isTrustedSender } from './ipc';

export const FLUSH_TIMEOUT_MS = 2000;

type Window = Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'send' | 'isDestroyed' | 'isCrashed'>;
};

export interface FlushDeps {
  ipcMain: Pick<IpcMain, 'on' | 'removeListener'>;
  /** To finish a quit that the held-back close cancelled. */
  app: Pick<App, 'on' | 'removeListener' | 'quit'>;
}

export function flushOnClose(window: Window, { ipcMain, app }: FlushDeps, timeoutMs = FLUSH_TIMEOUT_MS): void {
  let phase: 'open' | 'flushing' | 'closing' = 'open';
  let quitting = false;
  const onBeforeQuit = () => {
    quitting = true;
  };
  app.on('before-quit', onBeforeQuit);

  const closeForReal = () => {
    phase = 'closing';
    if (window.isDestroyed()) return;
    // Preventing the close cancelled the quit that caused it: quit again rather than only close.
    if (quitting) app.quit();
    else window.close();
  };

  window.on('close', (event) => {
    if (phase === 'closing') return;
    event.preventDefault();
    // A second click on the close button while the page saves changes nothing.
    if (phase === 'flushing') return;
    phase = 'flushing';
    const contents = window.webContents;
    // A page that is gone cannot answer.
    if (contents.isDestroyed() || contents.isCrashed()) return closeForReal();

    const finish = () => {
      clearTimeout(timer);
      ipcMain.removeListener(FLUSHED_CHANNEL, onFlushed);
      closeForReal();
    };
    const onFlushed = (reply: IpcMainEvent) => {
      if (reply.sender !== contents || !isTrustedSender(reply.senderFrame)) return;
      finish();
    };
    ipcMain.on(FLUSHED_CHANNEL, onFlushed);
    const timer = setTimeout(finish, timeoutMs);
    contents.send(FLUSH_REQUEST_CHANNEL);
  });

  window.on('closed', () => app.removeListener('before-quit', onBeforeQuit));
}
