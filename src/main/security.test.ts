import type { Session, WebContents } from 'electron';
import { describe, expect, it, vi } from 'vitest';

// The guards must never hand a URL to the system browser; a call would show up here.
const shell = vi.hoisted(() => ({ openExternal: vi.fn(), openPath: vi.fn() }));
vi.mock('electron', () => ({ shell }));
const { guardSession, guardWebContents, isPermissionAllowed } = await import('./security');

type RequestFilter = (details: { url: string }, callback: (response: { cancel: boolean }) => void) => void;
type PermissionRequest = (
  wc: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl?: string },
) => void;
type PermissionCheck = (wc: unknown, permission: string, requestingOrigin: string) => boolean;

function fakeSession() {
  const captured: { filter?: RequestFilter; request?: PermissionRequest; check?: PermissionCheck } = {};
  const session = {
    webRequest: { onBeforeRequest: (f: RequestFilter) => (captured.filter = f) },
    setPermissionRequestHandler: (h: PermissionRequest) => (captured.request = h),
    setPermissionCheckHandler: (h: PermissionCheck) => (captured.check = h),
  };
  guardSession(session as unknown as Session);
  return captured;
}

describe('request filter', () => {
  const { filter } = fakeSession();
  const cancelled = (url: string) => {
    let result: boolean | undefined;
    filter!({ url }, (r) => (result = r.cancel));
    return result;
  };

  it('lets the app load its own files', () => {
    expect(cancelled('app://workbook/index.html')).toBe(false);
    expect(cancelled('app://workbook/assets/index.js')).toBe(false);
  });

  it.each(['https://example.com/', 'http://localhost:3000/', 'file:///etc/passwd', 'app://evil/x.js', 'wss://example.com/'])(
    'cancels %s',
    (url) => expect(cancelled(url)).toBe(true),
  );
});

describe('permissions', () => {
  const { request, check } = fakeSession();

  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'hid', 'serial'])(
    'denies %s, even to the app itself',
    (permission) => {
      const granted = vi.fn();
      request!(null, permission, granted, { requestingUrl: 'app://workbook/index.html' });
      expect(granted).toHaveBeenCalledWith(false);
      expect(check!(null, permission, 'app://workbook')).toBe(false);
    },
  );

  it('grants persistent storage to the app origin only', () => {
    expect(isPermissionAllowed('persistent-storage', 'app://workbook/index.html')).toBe(true);
    expect(isPermissionAllowed('persistent-storage', 'https://example.com/')).toBe(false);
    expect(isPermissionAllowed('persistent-storage', undefined)).toBe(false);
    const granted = vi.fn();
    request!(null, 'persistent-storage', granted, { requestingUrl: 'app://evil/' });
    expect(granted).toHaveBeenCalledWith(false);
  });
});

describe('web contents guards', () => {
  function fakeContents() {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: ((details: { url: string }) => { action: string }) | undefined;
    const contents = {
      on: (name: string, fn: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, fn),
      setWindowOpenHandler: (fn: typeof openHandler) => (openHandler = fn),
    };
    guardWebContents(contents as unknown as WebContents);
    const prevented = (name: string, url = '') => {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)!(event, url);
      return event.preventDefault.mock.calls.length > 0;
    };
    return { prevented, open: (url: string) => openHandler!({ url }) };
  }

  it.each(['javascript:alert(1)', 'file:///etc/passwd', 'https://example.com', 'app://evil/index.html', 'app://workbook.evil.com/'])(
    'blocks navigation and redirects to %s',
    (url) => {
      const { prevented } = fakeContents();
      expect(prevented('will-navigate', url)).toBe(true);
      expect(prevented('will-redirect', url)).toBe(true);
      expect(shell.openExternal).not.toHaveBeenCalled();
      expect(shell.openPath).not.toHaveBeenCalled();
    },
  );

  it('allows navigation inside the app', () => {
    expect(fakeContents().prevented('will-navigate', 'app://workbook/index.html#/evidence')).toBe(false);
  });

  it('denies every new window and every webview', () => {
    const { open, prevented } = fakeContents();
    expect(open('https://example.com')).toEqual({ action: 'deny' });
    expect(open('app://workbook/index.html')).toEqual({ action: 'deny' });
    expect(prevented('will-attach-webview')).toBe(true);
  });
});
