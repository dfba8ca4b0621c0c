/**
 * Test helpers for bundles: in-memory sources and sinks, and the sample workbook with extra records
 * in several scripts, to carry through a round trip.
 */
import { concatBytes } from '../format/bytes';
import type { ByteSink, ByteSource, EvidenceSink } from './zip';

export function memorySource(bytes: Uint8Array): ByteSource {
  return { size: bytes.byteLength, read: (offset, length) => Promise.resolve(bytes.slice(offset, offset + length)) };
}

export function memorySink(): ByteSink & { bytes(): Uint8Array } {
  const parts: Uint8Array[] = [];
  return {
    write: (chunk) => {
      parts.push(chunk.slice());
      return Promise.resolve();
    },
    bytes: () => concatBytes(parts),
  };
}

/** Keeps every verified evidence file's bytes, by hash; counts what was discarded. */
export function evidenceKeeper() {
  const kept = new Map<string, Uint8Array>();
  const state = { discarded: 0, open: 0 };
  return {
    kept,
    state,
    sink(sha256: string): EvidenceSink {
      const sink = memorySink();
      state.open += 1;
      return {
        write: (chunk) => sink.write(chunk),
        done: () => {
          state.open -= 1;
          kept.set(sha256, sink.bytes());
          return Promise.resolve();
        },
        discard: () => {
          state.open -= 1;
          state.discarded += 1;
          return Promise.resolve();
        },
      };
    },
  };
}
