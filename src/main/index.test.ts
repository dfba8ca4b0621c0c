/**
 * The wiring in index.ts, with electron mocked: the guards of security.ts only protect the user if
 * every session and web contents gets them, the sandbox is on for every renderer, and no switch undoes it.
 */
import { describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const electron = await vi.hoisted(async () => {
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const profile = mkdtempSync(`${tmpdir()}/csms-profile-`);
  const on = (listeners: Map<string, Listener[]>) => (name: string, fn: Listener) => {
    listeners.set(name, [...(listeners.get(name) ?? []), fn]);
  };
  const appListeners = new Map<string, Listener[]>();
  const session = {
    filters: [] as Listener[],
    requestHandlers: [] as Listener[],
    checkHandlers: [] as Listener[],
    webRequest: { onBeforeRequest: (fn: Listener) => session.filters.push(fn) },
    setPermissionRequestHandler: (fn: Listener) => session.requestHandlers.push(fn),
    setPermissionCheckHandler: (fn: Listener) => session.checkHandlers.push(fn),
  };
  const ipcHandlers = new Map<string, Listener>();
  return {
    on,
    profile,
    appListeners,
    ipcHandlers,
    windows: [] as { webPreferences?: Record<string, unknown> }[],
    contents: [] as { on: ReturnType<typeof vi.fn> }[],
    app: {
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      quit: vi.fn(),
      enableSandbox: vi.fn(),
      on: on(appListeners),
      once: on(appListeners),
      removeListener: vi.fn(),
      whenReady: () => Promise.resolve(),
      getPath: () => profile,
      getName: () => 'CSMS Workbook',
      getVersion: () => '0.0.0',
      commandLine: { appendSwitch: vi.fn(), appendArgument: vi.fn() },
    },
    session,
    shell: { openExternal: vi.fn(async () => undefined), openPath: vi.fn(), showItemInFolder: vi.fn() },
    protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
    ipcMain: { handle: (channel: string, fn: Listener) => ipcHandlers.set(channel, fn), on: vi.fn(), removeListener: vi.fn() },
  };
});

vi.mock('electron', () => ({
  app: electron.app,
  session: { defaultSession: electron.session },
  shell: electron.shell,
  protocol: electron.protocol,
  ipcMain: electron.ipcMain,
  dialog: { showSaveDialog: vi.fn(), showOpenDialog: vi.fn() },
  Menu: { setApplicationMenu: vi.fn(), buildFromTemplate: vi.fn() },
  BrowserWindow: class {
    static getAllWindows = () => [];
    webContents = { send: vi.fn(), on: vi.fn(), isDestroyed: () => false, isCrashed: () => false };
    constructor(options: { webPreferences?: Record<string, unknown> }) {
      electron.windows.push(options);
      electron.contents.push(this.webContents);
    }
    on() {}
    once() {}
    show() {}
    close() {}
    isDestroyed = () => false;
    loadURL = vi.fn(async () => undefined);
  },
}));

await import('./index');
// Let the whenReady() continuation run.
await new Promise((resolve) => setTimeout(resolve, 0));

/** A fake web contents that, like Electron, calls every listener of an event. */
function createdContents() {
  const listeners = new Map<string, Listener[]>();
  const openHandlers: Listener[] = [];
  const contents = {
    on: electron.on(listeners),
    once: electron.on(listeners),
    setWindowOpenHandler: (fn: Listener) => openHandlers.push(fn),
  };
  for (const listener of electron.appListeners.get('web-contents-created') ?? []) listener({}, contents);
  const emit = (name: string, url: string) => {
    const event = { preventDefault: vi.fn() };
    for (const listener of listeners.get(name) ?? []) listener(event, url);
    return { prevented: event.preventDefault.mock.calls.length > 0, listeners: listeners.get(name)?.length ?? 0 };
  };
  return { emit, openHandlers };
}

describe('main process wiring', () => {
  it('turns the sandbox on for every renderer and adds no Chromium switch', () => {
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    // A switch such as disable-web-security or no-sandbox would undo the guards; any new one needs review here.
    expect(electron.app.commandLine.appendSwitch).not.toHaveBeenCalled();
    expect(electron.app.commandLine.appendArgument).not.toHaveBeenCalled();
  });

  it('guards every web contents: no navigation off the app, nothing opened outside it, no new window', () => {
    const { emit, openHandlers } = createdContents();
    for (const url of ['https://example.com/', 'file:///etc/passwd', 'app://evil/index.html']) {
      const navigate = emit('will-navigate', url);
      expect(navigate.listeners).toBeGreaterThan(0);
      expect(navigate.prevented).toBe(true);
      expect(emit('will-redirect', url).prevented).toBe(true);
    }
    expect(emit('will-attach-webview', 'app://workbook/index.html').prevented).toBe(true);
    expect(openHandlers.length).toBeGreaterThan(0);
    for (const handler of openHandlers) expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(electron.shell.openExternal).not.toHaveBeenCalled();
  });

  it('guards the default session: requests off the app cancelled, permissions denied', () => {
    const { filters, requestHandlers, checkHandlers } = electron.session;
    expect(filters).toHaveLength(1);
    expect(requestHandlers).toHaveLength(1);
    expect(checkHandlers).toHaveLength(1);
    for (const url of ['https://example.com/', 'http://localhost/', 'file:///etc/passwd']) {
      const callback = vi.fn();
      filters[0]!({ url }, callback);
      expect(callback).toHaveBeenCalledWith({ cancel: true });
    }
    const granted = vi.fn();
    requestHandlers[0]!(null, 'media', granted, { requestingUrl: 'app://workbook/index.html' });
    expect(granted).toHaveBeenCalledWith(false);
    expect(checkHandlers[0]!(null, 'geolocation', 'app://workbook')).toBe(false);
  });

  it('registers the app scheme without bypassing the CSP and opens a sandboxed window', () => {
    const schemes = electron.protocol.registerSchemesAsPrivileged.mock.calls.flat(2) as { privileges?: Record<string, unknown> }[];
    expect(schemes.length).toBeGreaterThan(0);
    for (const scheme of schemes) expect(scheme.privileges).not.toHaveProperty('bypassCSP');
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
  });

  it('registers the streamed save and backup channels, and clears unfinished writes when the app quits', () => {
    for (const channel of ['save:begin', 'save:chunk', 'save:end', 'save:abort', 'backup:begin', 'backup:read', 'backup:list']) {
      expect(electron.ipcHandlers.has(channel), channel).toBe(true);
    }
    expect(electron.ipcHandlers.has('file:open')).toBe(false);
    expect(electron.appListeners.get('will-quit')).toHaveLength(1);
    // A reloaded or closed page cancels what it was writing.
    const events = electron.contents[0]!.on.mock.calls.map(([name]) => name);
    expect(events).toEqual(expect.arrayContaining(['destroyed', 'did-start-navigation']));
  });

  it('answers IPC from a page outside the app with a refusal', async () => {
    expect(electron.ipcHandlers.size).toBeGreaterThan(0);
    for (const handler of electron.ipcHandlers.values()) {
      await expect(handler({ senderFrame: { url: 'https://example.com/', parent: null } })).resolves.toMatchObject({ ok: false });
    }
  });
});
