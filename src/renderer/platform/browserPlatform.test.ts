import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserPlatform } from './browserPlatform';

afterEach(() => vi.unstubAllGlobals());

describe('the browser platform', () => {
  it('saves a streamed file as one download of everything written, and has no backups', async () => {
    const downloaded: Blob[] = [];
    const link = { href: '', download: '', rel: '', click: vi.fn() };
    vi.stubGlobal('document', { createElement: () => link });
    vi.stubGlobal('URL', { createObjectURL: (blob: Blob) => (downloaded.push(blob), 'blob:x'), revokeObjectURL: vi.fn() });
    const platform = browserPlatform();
    expect(platform.backups).toBeNull();
    const started = await platform.saveStream('workbook.csmsx', []);
    if (!started.ok || !started.value) throw new Error('no sink');
    await started.value.write(new Uint8Array([1, 2]));
    await started.value.write(new Uint8Array([3]));
    expect(link.click).not.toHaveBeenCalled();
    await expect(started.value.close()).resolves.toEqual({ saved: true, path: 'workbook.csmsx' });
    expect(link.click).toHaveBeenCalledTimes(1);
    expect(link.download).toBe('workbook.csmsx');
    expect([...new Uint8Array(await downloaded[0]!.arrayBuffer())]).toEqual([1, 2, 3]);
    await expect(started.value.write(new Uint8Array([4]))).rejects.toThrow('already closed');
  });
});
