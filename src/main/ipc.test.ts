import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, MAX_CHUNK_BYTES, type Channel } from '../shared/ipc';
import { invokeHandler, isTrustedSender, registerHandlers, type Handlers } from './ipc';
import { argSchemas } from './ipcArgs';

const appFrame = { url: 'app://workbook/index.html', parent: null };
const ID = 'ab'.repeat(16);
const HEAD = 'c'.repeat(64);

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:info': async () => ({ name: 'CSMS Workbook', version: '1.0.0', dataFormatVersion: 1, platform: 'linux', electron: '39' }),
    'file:save': async () => ({ saved: false }),
    'file:reveal': async () => null,
    'save:begin': async () => null,
    'save:chunk': async () => null,
    'save:end': async () => ({ path: '/tmp/a.csmsx' }),
    'save:abort': async () => null,
    'backup:begin': async () => ({ id: ID }),
    'backup:chunk': async () => null,
    'backup:end': async () => ({ name: 'workbook-20250101-000000-000.csmsx', size: 1, at: '2025-01-01T00:00:00.000Z' }),
    'backup:abort': async () => null,
    'backup:list': async () => ({ folder: '/profile/backups', backups: [] }),
    'backup:read': async () => new Uint8Array(0),
    'storage:free': async () => 1024,
    'marker:read': async () => null,
    'marker:write': async () => null,
    ...overrides,
  };
}

describe('isTrustedSender', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender(appFrame)).toBe(true);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://evil/', parent: null })).toBe(false);
    expect(isTrustedSender({ url: 'app://workbook/frame.html', parent: {} as never })).toBe(false);
    expect(isTrustedSender(null)).toBe(false);
    expect(isTrustedSender(undefined)).toBe(false);
  });
});

describe('invokeHandler', () => {
  it('returns the handler value for the app page', async () => {
    const result = await invokeHandler('app:info', handlers(), argSchemas, appFrame, []);
    expect(result).toEqual({ ok: true, value: expect.objectContaining({ name: 'CSMS Workbook' }) });
  });

  it('refuses a sender outside the app without calling the handler', async () => {
    const save = vi.fn(async () => ({ saved: false }) as const);
    const result = await invokeHandler(
      'file:save',
      handlers({ 'file:save': save }),
      argSchemas,
      { url: 'https://example.com/', parent: null },
      [{ suggestedName: 'a.docx', bytes: new Uint8Array(1), filters: [] }],
    );
    expect(result.ok).toBe(false);
    expect(save).not.toHaveBeenCalled();
  });

  it.each([
    ['file:save', [{ suggestedName: 'a.docx', bytes: 'not bytes', filters: [] }]],
    ['file:save', [{ suggestedName: '', bytes: new Uint8Array(1), filters: [] }]],
    ['file:save', [{ suggestedName: 'a', bytes: new Uint8Array(1), filters: [], extra: true }]],
    ['save:begin', [{ suggestedName: 'a.zip', filters: [{ name: 'x', extensions: ['../x'] }] }]],
    ['save:begin', [{ suggestedName: 'a.zip', filters: [], path: '/etc/passwd' }]],
    ['save:chunk', [ID, new Uint8Array(MAX_CHUNK_BYTES + 1)]],
    ['save:chunk', [ID, 'not bytes']],
    ['save:chunk', ['../x', new Uint8Array(1)]],
    ['save:end', [ID.toUpperCase()]],
    ['backup:chunk', [ID, new Uint8Array(MAX_CHUNK_BYTES + 1)]],
    ['backup:end', [ID, { logCount: 1, logHead: 'not hex' }]],
    ['backup:end', [ID, { logCount: -1, logHead: HEAD }]],
    ['backup:end', [ID, { logCount: 1.5, logHead: HEAD }]],
    ['backup:end', [ID, { logCount: 1, logHead: HEAD, extra: 1 }]],
    ['backup:read', ['workbook-20250101-000000-000.csmsx', -1, 10]],
    ['backup:read', ['workbook-20250101-000000-000.csmsx', 0, MAX_CHUNK_BYTES + 1]],
    ['backup:read', ['x'.repeat(256), 0, 10]],
    ['backup:list', ['unexpected']],
    ['file:reveal', [42]],
    ['app:info', ['unexpected']],
  ] as const)('refuses invalid arguments to %s', async (channel, args) => {
    const result = await invokeHandler(channel, handlers(), argSchemas, appFrame, [...args]);
    expect(result).toEqual({ ok: false, error: expect.stringContaining('invalid arguments') });
  });

  it('turns a thrown error into an error value with its message', async () => {
    const reveal = async () => {
      throw new Error('Only files saved from the app can be shown.');
    };
    const result = await invokeHandler('file:reveal', handlers({ 'file:reveal': reveal }), argSchemas, appFrame, ['/tmp/x']);
    expect(result).toEqual({ ok: false, error: 'Only files saved from the app can be shown.' });
  });
});

describe('registerHandlers', () => {
  it('registers every channel of the contract and routes each through the sender check', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    const spies = Object.fromEntries(Object.entries(handlers()).map(([channel, fn]) => [channel, vi.fn(fn)])) as unknown as Handlers;
    registerHandlers({ handle: (channel: string, fn: never) => registered.set(channel, fn) } as never, spies, argSchemas);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    // Arguments each channel accepts, so that only the sender decides.
    const valid: { [C in Channel]: unknown[] } = {
      'app:info': [],
      'file:save': [{ suggestedName: 'a.docx', bytes: new Uint8Array(1), filters: [] }],
      'file:reveal': ['/tmp/x'],
      'save:begin': [{ suggestedName: 'a.zip', filters: [] }],
      'save:chunk': [ID, new Uint8Array(1)],
      'save:end': [ID],
      'save:abort': [ID],
      'backup:begin': [],
      'backup:chunk': [ID, new Uint8Array(1)],
      'backup:end': [ID, { logCount: 1, logHead: HEAD }],
      'backup:abort': [ID],
      'backup:list': [],
      'backup:read': ['workbook-20250101-000000-000.csmsx', 0, 10],
      'storage:free': [],
      'marker:read': [],
      'marker:write': ['{}'],
    };
    for (const channel of CHANNELS) {
      const foreign = await registered.get(channel)!({ senderFrame: { url: 'https://example.com', parent: null } }, ...valid[channel]);
      expect(foreign, channel).toMatchObject({ ok: false, error: expect.stringContaining('did not come from the app') });
      const subframe = await registered.get(channel)!({ senderFrame: { url: appFrame.url, parent: {} } }, ...valid[channel]);
      expect(subframe, channel).toMatchObject({ ok: false });
      expect(spies[channel], channel).not.toHaveBeenCalled();
      await expect(registered.get(channel)!({ senderFrame: appFrame }, ...valid[channel]), channel).resolves.toMatchObject({ ok: true });
      expect(spies[channel], channel).toHaveBeenCalledTimes(1);
    }
  });
});
