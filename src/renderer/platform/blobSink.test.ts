import { describe, expect, it } from 'vitest';
import { blobCollector } from './blobSink';

describe('blobCollector', () => {
  it('folds the chunks into the Blob once enough is pending, so little stays in script memory', async () => {
    const collector = blobCollector(10);
    collector.add(new Uint8Array([1, 2, 3, 4]));
    collector.add(new Uint8Array([5, 6, 7, 8]));
    expect(collector.pendingBytes()).toBe(8);
    collector.add(new Uint8Array([9, 10, 11]));
    expect(collector.pendingBytes()).toBe(0);
    collector.add(new Uint8Array([12]));
    const blob = collector.blob();
    expect(collector.pendingBytes()).toBe(0);
    expect([...new Uint8Array(await blob.arrayBuffer())]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('copies each chunk, so the caller may reuse it', async () => {
    const collector = blobCollector(100);
    const chunk = new Uint8Array([1, 2]);
    collector.add(chunk);
    chunk.fill(0);
    expect([...new Uint8Array(await collector.blob().arrayBuffer())]).toEqual([1, 2]);
  });
});
