import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FLUSHED_CHANNEL, FLUSH_REQUEST_CHANNEL } from '../shared/ipc';

// Nothing of electron is needed at run time; the mock makes sure nothing reaches for it.
vi.mock('electron', () => ({}));
const { FLUSH_TIMEOUT_MS, flushOnClose } = await import('./flushOnClose');

const appFrame = { url: 'app://workbook/index.html', parent: null };

function setUp() {
  const contents = { send: vi.fn(), isDestroyed: () => false, isCrashed: () => false };
  const window = Object.assign(new EventEmitter(), {
    webContents: contents,
    destroyed: false,
    isDestroyed() {
      return this.destroyed;
    },
    // Like Electron: close() emits 'close', and the window goes unless a listener prevented it.
    close: vi.fn(() => void window.tryClose()),
    tryClose(): boolean {
      let prevented = false;
      window.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) {
        window.destroyed = true;
        window.emit('closed');
      }
      return !prevented;
    },
  });
  const ipcMain = new EventEmitter();
  const app = Object.assign(new EventEmitter(), { quit: vi.fn((): void => void app.emit('before-quit')) });
  flushOnClose(window as never, { ipcMain: ipcMain as never, app: app as never });
  const reply = (sender: unknown = contents, senderFrame: unknown = appFrame) => ipcMain.emit(FLUSHED_CHANNEL, { sender, senderFrame });
  return { window, contents, ipcMain, app, reply };
}

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('flushOnClose', () => {
  it('holds the first close back and asks the page to save', () => {
    const { window, contents } = setUp();
    expect(window.tryClose()).toBe(false);
    expect(contents.send).toHaveBeenCalledWith(FLUSH_REQUEST_CHANNEL);
    expect(window.isDestroyed()).toBe(false);
  });

  it('closes as soon as the page says it has saved', () => {
    const { window, reply } = setUp();
    window.tryClose();
    reply();
    expect(window.isDestroyed()).toBe(true);
  });

  it('closes after the timeout when the page never answers', () => {
    const { window } = setUp();
    window.tryClose();
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS - 1);
    expect(window.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(1);
    expect(window.isDestroyed()).toBe(true);
  });

  it('asks once, however often the user clicks close while the page saves', () => {
    const { window, contents, reply } = setUp();
    window.tryClose();
    window.tryClose();
    expect(contents.send).toHaveBeenCalledTimes(1);
    reply();
    expect(window.isDestroyed()).toBe(true);
  });

  it('ignores an answer from another page or frame', () => {
    const { window, reply } = setUp();
    window.tryClose();
    reply({ other: true });
    reply(undefined, { url: 'https://example.com/', parent: null });
    expect(window.isDestroyed()).toBe(false);
    vi.advanceTimersByTime(FLUSH_TIMEOUT_MS);
    expect(window.isDestroyed()).toBe(true);
  });

  it('finishes a quit that the held-back close cancelled', () => {
    const { window, app, reply } = setUp();
    // Like Electron: quitting closes the windows, and a prevented close cancels the quit.
    app.quit.mockImplementation(() => {
      app.emit('before-quit');
      window.tryClose();
    });
    app.quit();
    expect(window.isDestroyed()).toBe(false);
    reply();
    expect(app.quit).toHaveBeenCalledTimes(2);
    expect(window.isDestroyed()).toBe(true);
  });

  it('closes at once when the page has crashed', () => {
    const { window, contents } = setUp();
    contents.isCrashed = () => true;
    window.tryClose();
    expect(contents.send).not.toHaveBeenCalled();
    expect(window.isDestroyed()).toBe(true);
  });
});
