/**
 * Every entry's declared size is compared with the bytes counted as they come out. zip.js makes the same
 * comparison itself, against the same central-directory value, so no archive can reach our check while
 * zip.js does; it stands for the day the library takes sizes from elsewhere or stops comparing. Here
 * zip.js reads an honest archive but reports one evidence file as declaring 100 bytes fewer than it holds.
 */
import type * as ZipJs from '@zip.js/zip.js';
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { genuineBundle } from '../../../test/fixtures/hostile/generate';
import { readBundle } from './bundle';
import { evidenceKeeper, memorySource } from './testKit';

const LIE = vi.hoisted(() => ({ name: '', by: 100 }));

vi.mock('@zip.js/zip.js', async (importOriginal) => {
  const zip = await importOriginal<typeof ZipJs>();
  class ZipReader<Type> extends zip.ZipReader<Type> {
    override async *getEntriesGenerator(options?: ZipJs.ZipReaderGetEntriesOptions): AsyncGenerator<ZipJs.Entry, boolean> {
      const entries = super.getEntriesGenerator(options);
      for (;;) {
        const next = await entries.next();
        if (next.done) return next.value;
        if (next.value.filename === LIE.name) next.value.uncompressedSize -= LIE.by;
        yield next.value;
      }
    }
  }
  return { ...zip, ZipReader };
});

describe('declared sizes', () => {
  it('refuses an entry that holds more bytes than it declares, keeping nothing of it', async () => {
    const bytes = await genuineBundle();
    const [name, file] = Object.entries(unzipSync(bytes)).find(([p]) => p.startsWith('evidence/'))!;
    LIE.name = name;
    const keeper = evidenceKeeper();
    const read = readBundle(memorySource(bytes), { evidence: (sha) => keeper.sink(sha), now: '2026-06-15T09:00:00.000Z' });
    await expect(read).rejects.toThrow(`the entry "${name}" declares ${file.length - LIE.by} bytes but holds ${file.length}`);
    expect(keeper.kept.has(name.slice('evidence/'.length))).toBe(false);
    expect(keeper.state).toMatchObject({ open: 0, discarded: 1 });
  });
});
