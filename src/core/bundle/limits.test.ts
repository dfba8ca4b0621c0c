/**
 * The caps no test could reach at their real size (64 GiB of files in all), lowered for this file: what
 * crosses them is refused while it is read, and the genuine bundle still passes under them.
 */
import { unzipSync } from 'fflate';
import { describe, expect, it, vi } from 'vitest';
import { editText, entries, pack, withManifest, type Files } from '../../../test/fixtures/hostile/edits';
import { genuineBundle } from '../../../test/fixtures/hostile/generate';
import { fileEntry, rawZip } from '../../../test/fixtures/hostile/rawZip';
import { sha256Hex } from '../hashing/sha256';
import { readBundle } from './bundle';
import * as format from './format';
import { evidenceKeeper, memorySource } from './testKit';

const LOWERED = vi.hoisted(() => ({ totalBytes: 1024 * 1024, smallFileBytes: 64 * 1024 }));

vi.mock('./format', async (importOriginal) => {
  const original = await importOriginal<typeof format>();
  return { ...original, BUNDLE_LIMITS: { ...original.BUNDLE_LIMITS, ...LOWERED } };
});

const NOW = '2026-06-15T09:00:00.000Z';

async function read(bytes: Uint8Array) {
  const keeper = evidenceKeeper();
  try {
    return await readBundle(memorySource(bytes), { evidence: (sha) => keeper.sink(sha), now: NOW });
  } finally {
    // Refused or not, every evidence file opened was kept or thrown away.
    expect(keeper.state.open).toBe(0);
  }
}

const genuineFiles = async (): Promise<Files> => Object.entries(unzipSync(await genuineBundle()));

describe('bundle caps (lowered)', () => {
  it('accepts the genuine bundle', async () => {
    expect((await read(await genuineBundle())).logProblem).toBeNull();
  });

  it('refuses files that add up to more than a bundle may hold, though each is within its own caps', async () => {
    const list = entries(await genuineFiles());
    const extra = [1, 2, 3].map((n) => {
      const bytes = new Uint8Array(400 * 1024).fill(n);
      return fileEntry(format.evidenceEntryName(sha256Hex(bytes)), bytes);
    });
    const bytes = rawZip([...list.slice(0, -1), ...extra, list.at(-1)!]);
    await expect(read(bytes)).rejects.toThrow('its files add up to more than a bundle may hold');
  });

  it('refuses a bundle.json larger than its cap, though valid and listed in the manifest', async () => {
    const padded = editText(await genuineFiles(), 'bundle.json', (text) => text + ' '.repeat(LOWERED.smallFileBytes));
    await expect(read(pack(withManifest(padded)))).rejects.toThrow(
      `the entry "bundle.json" is larger than ${LOWERED.smallFileBytes.toLocaleString('en')} bytes`,
    );
  });
});
