/**
 * Files that arrive from the page in pieces: a workbook bundle can be many GiB, more than one IPC message or the
 * page's memory should hold. Each stream writes one temporary file (durableFile.ts), piece after piece in the order
 * they were sent, one write at a time whatever the page sends at once. A failed write or a cancel deletes the
 * temporary file, so the target is either untouched or, after end(), complete and flushed to the disk.
 */
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { formatBytes } from '../core/format/bytes';
import { MAX_CHUNK_BYTES, MAX_STREAM_BYTES } from '../shared/ipc';
import { nodeFileSystem, writeAll, writeFailure, WriteRefused, type FileSystem, type WriteHandle } from './durableFile';

export interface StreamLimits {
  chunkBytes: number;
  totalBytes: number;
}

export const DEFAULT_STREAM_LIMITS: StreamLimits = { chunkBytes: MAX_CHUNK_BYTES, totalBytes: MAX_STREAM_BYTES };

export const UNKNOWN_STREAM = 'Refused: that file is not being written (it was finished, cancelled or failed).';

interface Stream<M> {
  readonly id: string;
  readonly temp: string;
  /** How messages name the file, such as `"report.zip"`. */
  readonly label: string;
  readonly meta: M;
  /** Null once closed. */
  handle: WriteHandle | null;
  written: number;
  /** 'open' takes pieces; 'ending' takes no more; 'gone' is finished, failed or cancelled. */
  state: 'open' | 'ending' | 'gone';
  /** The last queued step: each step starts after the one before has settled. */
  tail: Promise<void>;
  /** Why a step failed; the steps queued behind it fail with the same message. */
  failure: Error | null;
}

export interface FinishedFile<M> {
  temp: string;
  size: number;
  meta: M;
}

export function createStreamedWrites<M>(fs: FileSystem = nodeFileSystem, limits: StreamLimits = DEFAULT_STREAM_LIMITS) {
  const streams = new Map<string, Stream<M>>();

  async function discard(stream: Stream<M>): Promise<void> {
    stream.state = 'gone';
    streams.delete(stream.id);
    const handle = stream.handle;
    stream.handle = null;
    await handle?.close().catch(() => undefined);
    await fs.remove(stream.temp).catch(() => undefined);
  }

  /** Queues a step; if it fails, the stream ends and its temporary file goes. */
  function step<T>(stream: Stream<M>, run: (handle: WriteHandle) => Promise<T>): Promise<T> {
    const result = stream.tail.then(async () => {
      if (stream.state === 'gone' || !stream.handle) {
        throw stream.failure ?? new WriteRefused(`Writing ${stream.label} was cancelled. Nothing was changed.`);
      }
      try {
        return await run(stream.handle);
      } catch (error) {
        stream.failure = writeFailure(error, stream.label);
        await discard(stream);
        throw stream.failure;
      }
    });
    stream.tail = result.then(
      () => undefined,
      () => undefined,
    );
    return result;
  }

  function find(id: string, states: Stream<M>['state'][]): Stream<M> {
    const stream = streams.get(id);
    if (!stream || !states.includes(stream.state)) throw new WriteRefused(UNKNOWN_STREAM);
    return stream;
  }

  /** Opens `temp` (which must not exist yet) and returns the id of the new stream. */
  async function begin(temp: string, label: string, meta: M): Promise<string> {
    let handle: WriteHandle;
    try {
      handle = await fs.open(temp, 'wx');
    } catch (error) {
      throw writeFailure(error, label);
    }
    const id = randomBytes(16).toString('hex');
    streams.set(id, { id, temp, label, meta, handle, written: 0, state: 'open', tail: Promise.resolve(), failure: null });
    return id;
  }

  async function append(id: string, bytes: Uint8Array): Promise<void> {
    const stream = find(id, ['open']);
    if (bytes.byteLength > limits.chunkBytes) {
      await abort(id);
      throw new WriteRefused(
        `Refused: a piece of ${stream.label} was larger than ${formatBytes(limits.chunkBytes)}. It was not saved; nothing was changed.`,
      );
    }
    await step(stream, async (handle) => {
      if (stream.written + bytes.byteLength > limits.totalBytes) {
        throw new WriteRefused(
          `Refused: ${stream.label} grew past ${formatBytes(limits.totalBytes)}, more than the app writes in one file. It was not saved; nothing was changed.`,
        );
      }
      await writeAll(handle, bytes);
      stream.written += bytes.byteLength;
    });
  }

  /**
   * Flushes the temporary file to the disk and closes it, then hands it to `commit` (which renames it into
   * place). Whatever fails before the commit is done deletes the temporary file.
   */
  async function end<T>(id: string, commit: (file: FinishedFile<M>) => Promise<T>): Promise<T> {
    const stream = find(id, ['open']);
    stream.state = 'ending';
    return step(stream, async (handle) => {
      await handle.sync();
      stream.handle = null;
      await handle.close();
      const value = await commit({ temp: stream.temp, size: stream.written, meta: stream.meta });
      stream.state = 'gone';
      streams.delete(stream.id);
      return value;
    });
  }

  /** Stops a stream and deletes its temporary file; an id that is not open (any more) is no error. */
  async function abort(id: string): Promise<void> {
    const stream = streams.get(id);
    if (!stream) return;
    stream.state = 'gone';
    streams.delete(id);
    await stream.tail;
    await discard(stream);
  }

  return {
    begin,
    append,
    end,
    abort,
    /** Ends every open stream, as when the page that sent them reloads or goes away. */
    abortAll: async (): Promise<void> => {
      await Promise.all([...streams.keys()].map(abort));
    },
    /** For the moment the app quits, when nothing waits for a promise: the temporary files go at once. */
    discardAllNow: (): void => {
      for (const stream of streams.values()) {
        stream.state = 'gone';
        rmSync(stream.temp, { force: true });
      }
      streams.clear();
    },
    openCount: (): number => streams.size,
  };
}

export type StreamedWrites<M> = ReturnType<typeof createStreamedWrites<M>>;
