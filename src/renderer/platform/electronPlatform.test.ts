/** The desktop platform over a fake bridge: what crosses IPC for streamed saves, blobs and backups. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_CHUNK_BYTES, type CsmsBridge } from '../../shared/ipc';
import { fail, ok } from '../../shared/result';
import { electronPlatform } from './electronPlatform';

const ID = 'ab'.repeat(16);

function fakeBridge(options: { cancel?: boolean; refuseChunk?: number; backup?: Uint8Array } = {}) {
  const chunks: Uint8Array[] = [];
  const bridge = {
    saveBegin: vi.fn(async () => ok(options.cancel ? null : { id: ID, path: '/media/usb/a.csmsx' })),
    saveChunk: vi.fn(async (_id: string, bytes: Uint8Array) => {
      if (chunks.length + 1 === options.refuseChunk) return fail('The disk is full: "a.csmsx" was not saved. Nothing was changed.');
      chunks.push(bytes.slice());
      return ok(null);
    }),
    saveEnd: vi.fn(async () => ok({ path: '/media/usb/a.csmsx' })),
    saveAbort: vi.fn(async () => ok(null)),
    saveFile: vi.fn(),
    backupBegin: vi.fn(async () => ok({ id: ID })),
    backupChunk: vi.fn(async (_id: string, bytes: Uint8Array) => {
      chunks.push(bytes.slice());
      return ok(null);
    }),
    backupEnd: vi.fn(async () => ok({ name: 'workbook-20250101-000000-000.csmsx', size: 3, at: '2025-01-01T00:00:00.000Z' })),
    backupAbort: vi.fn(async () => ok(null)),
    readBackup: vi.fn(async (name: string, offset: number, length: number) => {
      if (!options.backup) return fail(`There is no backup named ${name} any more.`);
      return ok(options.backup.slice(offset, offset + length));
    }),
  };
  const joined = () => {
    const all = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
    let at = 0;
    for (const c of chunks) {
      all.set(c, at);
      at += c.byteLength;
    }
    return all;
  };
  return { bridge, platform: electronPlatform(bridge as unknown as CsmsBridge), chunks, joined };
}

function pattern(length: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = (i * 7) % 251;
  return bytes;
}

/** Compared here rather than by toEqual, whose element-by-element diff of MiBs runs out of memory. */
function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) if (a[i] !== b[i]) return false;
  return true;
}

afterEach(() => vi.unstubAllGlobals());

describe('the desktop platform', () => {
  it('streams a Blob to main in pieces main accepts, never the whole file in one message', async () => {
    const { bridge, platform, chunks, joined } = fakeBridge();
    const content = pattern(20 * 1024 ** 2 + 5);
    const saved = await platform.saveBlob('a.csmsx', new Blob([content]), [{ name: 'Workbook bundle', extensions: ['csmsx'] }]);
    expect(saved).toEqual({ ok: true, value: { saved: true, path: '/media/usb/a.csmsx' } });
    expect(bridge.saveBegin).toHaveBeenCalledWith({
      suggestedName: 'a.csmsx',
      filters: [{ name: 'Workbook bundle', extensions: ['csmsx'] }],
    });
    expect(chunks.length).toBeGreaterThan(1);
    expect(Math.max(...chunks.map((c) => c.byteLength))).toBeLessThanOrEqual(MAX_CHUNK_BYTES);
    expect(sameBytes(joined(), content)).toBe(true);
    expect(bridge.saveEnd).toHaveBeenCalledWith(ID);
    expect(bridge.saveFile).not.toHaveBeenCalled();
  });

  it('says nothing was saved when the dialog is cancelled', async () => {
    const { bridge, platform } = fakeBridge({ cancel: true });
    await expect(platform.saveBlob('a.zip', new Blob([pattern(10)]), [])).resolves.toEqual({ ok: true, value: { saved: false } });
    await expect(platform.saveStream('a.zip', [])).resolves.toEqual({ ok: true, value: null });
    expect(bridge.saveChunk).not.toHaveBeenCalled();
  });

  it('returns the message of a failed piece and cancels the save', async () => {
    const { bridge, platform } = fakeBridge({ refuseChunk: 2 });
    const saved = await platform.saveBlob('a.csmsx', new Blob([pattern(20 * 1024 ** 2)]), []);
    expect(saved).toEqual({ ok: false, error: 'The disk is full: "a.csmsx" was not saved. Nothing was changed.' });
    expect(bridge.saveAbort).toHaveBeenCalledWith(ID);
    expect(bridge.saveEnd).not.toHaveBeenCalled();
  });

  it('writes a backup through its sink and completes it with the change log it records', async () => {
    const { bridge, platform, joined } = fakeBridge();
    const begun = await platform.backups!.begin();
    if (!begun.ok) throw new Error(begun.error);
    await begun.value.write(new Uint8Array([1, 2]));
    await begun.value.write(new Uint8Array([3]));
    const meta = { logCount: 7, logHead: 'd'.repeat(64) };
    await expect(begun.value.close(meta)).resolves.toMatchObject({ name: 'workbook-20250101-000000-000.csmsx', size: 3 });
    expect(bridge.backupEnd).toHaveBeenCalledWith(ID, meta);
    expect([...joined()]).toEqual([1, 2, 3]);
  });

  it('reads a backup back in pieces until the end', async () => {
    const content = pattern(MAX_CHUNK_BYTES * 2 + 3);
    const { bridge, platform } = fakeBridge({ backup: content });
    const pieces: Uint8Array[] = [];
    for await (const piece of platform.backups!.read('workbook-20250101-000000-000.csmsx')) pieces.push(piece);
    expect(pieces.map((p) => p.byteLength)).toEqual([MAX_CHUNK_BYTES, MAX_CHUNK_BYTES, 3]);
    expect(bridge.readBackup.mock.calls.map(([, offset]) => offset)).toEqual([0, MAX_CHUNK_BYTES, 2 * MAX_CHUNK_BYTES]);
    expect(sameBytes(pieces[0]!, content.subarray(0, MAX_CHUNK_BYTES))).toBe(true);
    expect([...pieces[2]!]).toEqual([...content.subarray(2 * MAX_CHUNK_BYTES)]);
  });

  it('throws the message of a backup that cannot be read', async () => {
    const { platform } = fakeBridge();
    const read = async () => {
      for await (const piece of platform.backups!.read('workbook-20250101-000000-000.csmsx')) void piece;
    };
    await expect(read()).rejects.toThrow('There is no backup named');
  });

  it('opens files with a file input, so a picked file stays on disk and nothing crosses the bridge', async () => {
    const file = new File(['evidence'], 'policy.pdf', { type: 'application/pdf' });
    const input = { type: '', multiple: false, accept: '', files: [file], listeners: new Map<string, () => void>() };
    const click = vi.fn(() => input.listeners.get('change')!());
    vi.stubGlobal('document', {
      createElement: () => ({ ...input, addEventListener: (name: string, fn: () => void) => input.listeners.set(name, fn), click }),
    });
    const { bridge, platform } = fakeBridge();
    const picked = await platform.openFiles({ multiple: true, filters: [], maxBytes: 100 });
    expect(picked).toEqual({ ok: true, value: [{ name: 'policy.pdf', type: 'application/pdf', blob: file }] });
    expect(click).toHaveBeenCalled();
    for (const fn of Object.values(bridge)) expect(fn).not.toHaveBeenCalled();
  });
});
