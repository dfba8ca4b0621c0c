/**
 * Every hostile bundle of test/fixtures/hostile is refused with its own message, every evidence sink
 * opened on the way is closed one way or the other, and none got more bytes than its entry could hold.
 * The genuine bundle they are made from is accepted, so the checks do not simply refuse everything.
 */
import { Uint8ArrayReader, ZipReader, type Entry } from '@zip.js/zip.js';
import { afterAll, describe, expect, it } from 'vitest';
import { genuineBundle, hostileBundles } from '../../../test/fixtures/hostile/generate';
import { readBundle } from './bundle';
import { BUNDLE_LIMITS } from './format';
import { memorySource } from './testKit';
import { requireIntactLog } from './verify';
import type { EvidenceSink } from './zip';

interface SinkRecord {
  sha256: string;
  declared: number;
  bytes: number;
  closed: ('done' | 'discarded')[];
}

function recordingSinks() {
  const sinks: SinkRecord[] = [];
  return {
    sinks,
    evidence(sha256: string, declared: number): EvidenceSink {
      const record: SinkRecord = { sha256, declared, bytes: 0, closed: [] };
      sinks.push(record);
      return {
        write: (chunk) => {
          if (record.closed.length) throw new Error(`evidence/${sha256} was written after it was closed`);
          record.bytes += chunk.byteLength;
          return Promise.resolve();
        },
        done: () => Promise.resolve(void record.closed.push('done')),
        discard: () => Promise.resolve(void record.closed.push('discarded')),
      };
    },
  };
}

/** The most an entry's bytes could be: what it stores, or what a deflated one may expand to. */
async function entryCaps(bytes: Uint8Array): Promise<Map<string, number>> {
  const reader = new ZipReader(new Uint8ArrayReader(bytes), { useWebWorkers: false });
  const entries: Entry[] = await reader.getEntries();
  await reader.close();
  return new Map(
    entries.map((e) => [
      e.filename,
      Math.min(
        BUNDLE_LIMITS.evidenceBytes,
        e.compressionMethod === 0 ? e.compressedSize : e.compressedSize * BUNDLE_LIMITS.ratio + 1024 * 1024,
      ),
    ]),
  );
}

const NOW = new Date('2026-06-15T09:00:00Z').toISOString();

async function read(bytes: Uint8Array) {
  const recorder = recordingSinks();
  const started = performance.now();
  let error: unknown = null;
  try {
    requireIntactLog(await readBundle(memorySource(bytes), { evidence: (sha, size) => recorder.evidence(sha, size), now: NOW }));
  } catch (caught) {
    error = caught;
  }
  return { error, sinks: recorder.sinks, ms: performance.now() - started };
}

const fixtures = await hostileBundles();
const timings: { fixture: string; ms: number; sinks: number; bytes: number; message: string }[] = [];

afterAll(() => {
  const rows = timings.map(
    (t) =>
      `${t.fixture.padEnd(28)} ${t.ms.toFixed(0).padStart(6)} ms  ${String(t.sinks).padStart(2)} sinks ${String(t.bytes).padStart(10)} bytes  ${t.message.slice(0, 80)}`,
  );
  console.log(`Hostile bundles, time to refuse each:\n${rows.join('\n')}`);
});

describe('hostile bundles', () => {
  it('has at least twenty of them, each with its own name', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(20);
    expect(new Set(fixtures.map((f) => f.name)).size).toBe(fixtures.length);
  });

  it('accepts the genuine bundle they are all made from', async () => {
    const { error, sinks, ms } = await read(await genuineBundle());
    timings.push({ fixture: '(genuine)', ms, sinks: sinks.length, bytes: sinks.reduce((n, s) => n + s.bytes, 0), message: 'accepted' });
    expect(error).toBeNull();
    expect(sinks.length).toBeGreaterThan(0);
    expect(sinks.every((s) => s.closed.join() === 'done' && s.bytes === s.declared)).toBe(true);
  });

  it.each(fixtures.map((f) => [f.name, f] as const))(
    'refuses %s with its message',
    async (_name, fixture) => {
      const { error, sinks, ms } = await read(fixture.bytes);
      const message = error instanceof Error ? error.message : String(error);
      timings.push({ fixture: fixture.name, ms, sinks: sinks.length, bytes: sinks.reduce((n, s) => n + s.bytes, 0), message });
      expect(error, `${fixture.name} (${fixture.what}) was accepted`).not.toBeNull();
      expect((error as Error).name, message).toBe('BundleError');
      expect(message).toMatch(fixture.expect);
      // Every sink opened was kept or thrown away, exactly once: nothing is left half-written.
      for (const sink of sinks) expect(sink.closed, `evidence/${sink.sha256}`).toHaveLength(1);
      if (sinks.length) {
        const caps = await entryCaps(fixture.bytes);
        for (const sink of sinks) {
          const cap = caps.get(`evidence/${sink.sha256}`) ?? 0;
          expect(sink.bytes, `evidence/${sink.sha256}`).toBeLessThanOrEqual(cap);
          expect(sink.bytes, `evidence/${sink.sha256}`).toBeLessThanOrEqual(sink.declared);
        }
      }
    },
    // Time is recorded and printed, not asserted: a busy machine is slow, not broken.
    120_000,
  );
});
