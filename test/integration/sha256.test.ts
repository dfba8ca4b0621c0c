import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256Hex, sha256OfChunks } from '../../src/core/hashing/sha256';

async function* chunksOf(data: Uint8Array, size: number) {
  for (let i = 0; i < data.length; i += size) yield data.subarray(i, i + size);
}

describe('SHA-256', () => {
  it('matches the known digests', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('gives the same digest streamed in chunks as at once, and as OpenSSL', async () => {
    const data = new Uint8Array(3 * 1024 * 1024 + 17).map((_, i) => (i * 31) & 255);
    const progress: number[] = [];
    const streamed = await sha256OfChunks(chunksOf(data, 1024 * 1024), (n) => progress.push(n));
    expect(streamed).toBe(sha256Hex(data));
    expect(streamed).toBe(createHash('sha256').update(data).digest('hex'));
    expect(progress.at(-1)).toBe(data.length);
    expect(progress).toHaveLength(4);
  });
});
