/**
 * A file written to the desktop shell in pieces: small chunks (a zip writer makes many) are gathered into
 * batches of about 8 MiB so that each IPC message carries enough to be worth its cost, and no message is
 * larger than main accepts. Only one batch is in flight; the page never holds more than that.
 */
import { MAX_CHUNK_BYTES } from '../../shared/ipc';
import type { Result } from '../../shared/result';
import type { StreamSink } from './types';

export const BATCH_BYTES = 8 * 1024 ** 2;

export interface ChunkTransport<CloseArgs extends unknown[], Ended> {
  send(bytes: Uint8Array): Promise<Result<null>>;
  end(...args: CloseArgs): Promise<Result<Ended>>;
  abort(): Promise<Result<null>>;
}

/** IPC copies a view's whole buffer: a piece of a larger buffer is copied out first. */
function tight(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : bytes.slice();
}

export function bridgeSink<CloseArgs extends unknown[], Ended>(
  transport: ChunkTransport<CloseArgs, Ended>,
  { batchBytes = BATCH_BYTES, maxChunkBytes = MAX_CHUNK_BYTES } = {},
): StreamSink<CloseArgs, Ended> {
  let batch: Uint8Array | null = null;
  let filled = 0;
  let state: 'open' | 'closed' | 'failed' = 'open';
  let failure: Error | null = null;
  let tail: Promise<unknown> = Promise.resolve();

  // One operation at a time, in the order called, even if a caller does not wait.
  const queued = <T>(run: () => Promise<T>): Promise<T> => {
    const result = tail.then(run);
    tail = result.catch(() => undefined);
    return result;
  };

  const ensureOpen = () => {
    if (failure) throw failure;
    if (state !== 'open') throw new Error('This file is already closed.');
  };

  // A refused piece ends the write in main too; abort() makes sure, and is harmless when it already has.
  async function failWith(error: string): Promise<never> {
    state = 'failed';
    failure = new Error(error);
    batch = null;
    await transport.abort().catch(() => undefined);
    throw failure;
  }

  async function send(bytes: Uint8Array): Promise<void> {
    const sent = await transport.send(tight(bytes));
    if (!sent.ok) await failWith(sent.error);
  }

  async function flush(): Promise<void> {
    if (!batch || filled === 0) return;
    const full = filled === batch.byteLength ? batch : batch.subarray(0, filled);
    batch = null;
    filled = 0;
    await send(full);
  }

  return {
    write: (chunk) =>
      queued(async () => {
        ensureOpen();
        let offset = 0;
        while (offset < chunk.byteLength) {
          const left = chunk.byteLength - offset;
          if (filled === 0 && left >= batchBytes) {
            // Big enough on its own: sent as it is (in pieces main accepts), without the copy into a batch.
            const piece = chunk.subarray(offset, offset + Math.min(left, maxChunkBytes));
            await send(piece);
            offset += piece.byteLength;
            continue;
          }
          batch ??= new Uint8Array(batchBytes);
          const take = Math.min(batchBytes - filled, left);
          batch.set(chunk.subarray(offset, offset + take), filled);
          filled += take;
          offset += take;
          if (filled === batchBytes) await flush();
        }
      }),
    close: (...args) =>
      queued(async () => {
        ensureOpen();
        await flush();
        const ended = await transport.end(...args);
        if (!ended.ok) return failWith(ended.error);
        state = 'closed';
        return ended.value;
      }),
    abort: () =>
      queued(async () => {
        if (state !== 'open') return;
        state = 'closed';
        batch = null;
        await transport.abort().catch(() => undefined);
      }),
  };
}
