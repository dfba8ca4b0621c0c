import { describe, expect, it } from 'vitest';
import { blobSource } from './blobSource';

const MIB = 1024 * 1024;

function pattern(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i++) bytes[i] = (i * 131 + (i >>> 11)) & 0xff;
  return bytes;
}

/** Byte for byte, without the deep-equality walk that makes large arrays slow. */
function same(actual: Uint8Array, expected: Uint8Array): boolean {
  return Buffer.from(actual.buffer, actual.byteOffset, actual.byteLength).equals(
    Buffer.from(expected.buffer, expected.byteOffset, expected.byteLength),
  );
}

describe('blobSource', () => {
  const bytes = pattern(20 * MIB + 12345);
  const blob = new Blob([bytes as BlobPart]);

  it('hands out exactly the bytes asked for, read front to back in 512 KiB pieces across windows', async () => {
    const source = blobSource(blob);
    expect(source.size).toBe(bytes.byteLength);
    for (let at = 0; at < bytes.byteLength; at += 512 * 1024) {
      const length = Math.min(512 * 1024, bytes.byteLength - at);
      expect(same(await source.read(at, length), bytes.subarray(at, at + length)), `at ${at}`).toBe(true);
    }
  });

  it('answers reads anywhere, in any order, of any size, and at the end', async () => {
    const source = blobSource(blob);
    const reads: [number, number][] = [
      [bytes.byteLength - 22, 22],
      [0, 30],
      [30, 100],
      [5 * MIB, 9 * MIB],
      [130, 1],
      [8 * MIB - 10, 20],
      [bytes.byteLength - 5, 5],
      [bytes.byteLength, 0],
      [17, 0],
    ];
    for (const [offset, length] of reads) {
      const read = await source.read(offset, length);
      expect(read.byteLength).toBe(length);
      expect(same(read, bytes.subarray(offset, offset + length)), `${offset}+${length}`).toBe(true);
    }
  });

  it('keeps reads apart when they overlap in time', async () => {
    const source = blobSource(blob);
    const offsets = [0, 12 * MIB, 512 * 1024, 19 * MIB, 3 * MIB];
    const results = await Promise.all(offsets.map((o) => source.read(o, 256 * 1024)));
    results.forEach((r, i) => expect(same(r, bytes.subarray(offsets[i]!, offsets[i]! + 256 * 1024))).toBe(true));
  });

  it('hands out copies: changing one does not change the next read', async () => {
    const source = blobSource(blob);
    const first = await source.read(0, 64);
    first.fill(0);
    expect(await source.read(0, 64)).toEqual(bytes.subarray(0, 64));
  });
});
