import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../shared/ipc';
import { invokeHandler, isTrustedSender, registerHandlers, type Handlers } from './ipc';
import { argSchemas } from './ipcArgs';

const appFrame = { url: 'app://workbook/index.html', parent: null };

function handlers(overrides: Partial<Handlers> = {}): Handlers {
  return {
    'app:info': async () => ({ name: 'CSMS Workbook', version: '1.0.0', dataFormatVersion: 1, platform: 'linux', electron: '39' }),
    'file:save': async () => ({ saved: false }),
    'file:open': async () => [],
    'file:reveal': async () => null,
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
    ['file:open', [{ multiple: true, filters: [{ name: 'x', extensions: ['../x'] }], maxBytes: 10 }]],
    ['file:open', [{ multiple: 'yes', filters: [], maxBytes: 10 }]],
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
  it('registers every channel of the contract and routes through the sender check', async () => {
    const registered = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
    registerHandlers({ handle: (channel: string, fn: never) => registered.set(channel, fn) } as never, handlers(), argSchemas);
    expect([...registered.keys()].sort()).toEqual([...CHANNELS].sort());
    const refused = await registered.get('app:info')!({ senderFrame: { url: 'https://example.com', parent: null } });
    expect(refused).toMatchObject({ ok: false });
  });
});
