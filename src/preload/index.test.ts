/**
 * What the page can reach: the sandboxed preload, loaded with electron mocked, must expose one object
 * of named functions and never ipcRenderer, its methods or a way to name a channel.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  contextBridge: { exposeInMainWorld: vi.fn() },
  ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), on: vi.fn(), send: vi.fn(), sendSync: vi.fn() },
}));
vi.mock('electron', () => electron);
await import('./index');

const NAMED_FUNCTIONS = [
  'appInfo',
  'backupAbort',
  'backupBegin',
  'backupChunk',
  'backupEnd',
  'freeBytes',
  'listBackups',
  'onFlushRequest',
  'readBackup',
  'readMarker',
  'revealFile',
  'saveAbort',
  'saveBegin',
  'saveChunk',
  'saveEnd',
  'saveFile',
  'writeMarker',
];

describe('the preload bridge', () => {
  const calls = electron.contextBridge.exposeInMainWorld.mock.calls;
  const bridge = calls[0]![1] as Record<string, unknown>;

  beforeEach(() => electron.ipcRenderer.invoke.mockClear());

  it('exposes exactly one object, window.csms', () => {
    expect(calls).toHaveLength(1);
    expect(calls[0]![0]).toBe('csms');
  });

  it('holds only the named functions of the contract', () => {
    expect(Object.keys(bridge).sort()).toEqual(NAMED_FUNCTIONS);
    expect(Object.getPrototypeOf(bridge)).toBe(Object.prototype);
    for (const value of Object.values(bridge)) expect(typeof value).toBe('function');
  });

  it('never hands out ipcRenderer or one of its methods', () => {
    const forbidden = [electron.ipcRenderer, ...Object.values(electron.ipcRenderer)];
    for (const value of Object.values(bridge)) expect(forbidden).not.toContain(value);
  });

  it('sends each function to its own fixed channel', async () => {
    await (bridge.appInfo as () => Promise<unknown>)();
    await (bridge.revealFile as (file: string) => Promise<unknown>)('/tmp/x');
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([['app:info'], ['file:reveal', '/tmp/x']]);
  });

  it('sends the streamed save and backup functions to their channels with their arguments', async () => {
    const call = (name: string, ...args: unknown[]) => (bridge[name] as (...a: unknown[]) => Promise<unknown>)(...args);
    const id = 'ab'.repeat(16);
    const bytes = new Uint8Array([1, 2]);
    const meta = { logCount: 3, logHead: 'c'.repeat(64) };
    await call('saveBegin', { suggestedName: 'a.csmsx', filters: [] });
    await call('saveChunk', id, bytes);
    await call('saveEnd', id);
    await call('saveAbort', id);
    await call('backupBegin');
    await call('backupChunk', id, bytes);
    await call('backupEnd', id, meta);
    await call('backupAbort', id);
    await call('listBackups');
    await call('readBackup', 'workbook-20250101-000000-000.csmsx', 5, 10);
    expect(electron.ipcRenderer.invoke.mock.calls).toEqual([
      ['save:begin', { suggestedName: 'a.csmsx', filters: [] }],
      ['save:chunk', id, bytes],
      ['save:end', id],
      ['save:abort', id],
      ['backup:begin'],
      ['backup:chunk', id, bytes],
      ['backup:end', id, meta],
      ['backup:abort', id],
      ['backup:list'],
      ['backup:read', 'workbook-20250101-000000-000.csmsx', 5, 10],
    ]);
  });

  it('listens only for the flush request, and gives the page neither the event nor its arguments', async () => {
    expect(electron.ipcRenderer.on.mock.calls.map(([channel]) => channel)).toEqual(['app:flush-request']);
    const listener = electron.ipcRenderer.on.mock.calls[0]![1] as (...args: unknown[]) => void;
    const callback = vi.fn(async () => undefined);
    (bridge.onFlushRequest as (cb: () => Promise<void>) => () => void)(callback);
    listener({ sender: electron.ipcRenderer }, 'extra');
    await vi.waitFor(() => expect(electron.ipcRenderer.send).toHaveBeenCalledWith('app:flushed'));
    expect(callback).toHaveBeenCalledWith();
  });
});
