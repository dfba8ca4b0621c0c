import { describe, expect, it, vi } from 'vitest';
import { fail, ok, type Result } from '../../shared/result';
import { bridgeSink } from './bridgeSink';

/** A main process that keeps what it is sent; `refuseAt` makes the n-th piece (from 1) fail. */
function fakeMain(refuseAt?: number) {
  const sent: Uint8Array[] = [];
  const aborted = vi.fn(async (): Promise<Result<null>> => ok(null));
  const transport = {
    send: vi.fn(async (bytes: Uint8Array): Promise<Result<null>> => {
      if (sent.length + 1 === refuseAt) return fail('The disk is full: "a.zip" was not saved. Nothing was changed.');
      sent.push(bytes.slice());
      return ok(null);
    }),
    end: vi.fn(async (tag: string): Promise<Result<string>> => ok(`ended ${tag}`)),
    abort: aborted,
  };
  const joined = () => sent.flatMap((piece) => [...piece]);
  return { sent, transport, joined };
}

const range = (from: number, length: number) => Uint8Array.from({ length }, (_, i) => (from + i) % 251);

describe('bridgeSink', () => {
  it('gathers small chunks into batches and sends the rest on close, bytes in order', async () => {
    const main = fakeMain();
    const sink = bridgeSink(main.transport, { batchBytes: 8, maxChunkBytes: 16 });
    const chunks = [range(0, 3), range(3, 3), range(6, 3), range(9, 1), range(10, 5)];
    for (const chunk of chunks) await sink.write(chunk);
    expect(main.sent.map((s) => s.byteLength)).toEqual([8]);
    await expect(sink.close('x')).resolves.toBe('ended x');
    expect(main.sent.map((s) => s.byteLength)).toEqual([8, 7]);
    expect(main.joined()).toEqual([...range(0, 15)]);
    expect(main.transport.end).toHaveBeenCalledTimes(1);
  });

  it('sends a large chunk in pieces no bigger than main accepts, each with a buffer of its own', async () => {
    const main = fakeMain();
    const sink = bridgeSink(main.transport, { batchBytes: 8, maxChunkBytes: 16 });
    await sink.write(range(0, 2));
    await sink.write(range(2, 40));
    await sink.close('x');
    expect(Math.max(...main.sent.map((s) => s.byteLength))).toBeLessThanOrEqual(16);
    for (const call of main.transport.send.mock.calls) expect(call[0].byteLength).toBe(call[0].buffer.byteLength);
    expect(main.joined()).toEqual([...range(0, 42)]);
  });

  it('lets the caller reuse a chunk once its write has resolved', async () => {
    const main = fakeMain();
    const sink = bridgeSink(main.transport, { batchBytes: 8, maxChunkBytes: 16 });
    const chunk = new Uint8Array([1, 2, 3]);
    await sink.write(chunk);
    chunk.fill(9);
    await sink.close('x');
    expect(main.joined()).toEqual([1, 2, 3]);
  });

  it('keeps the order of writes that were not awaited', async () => {
    const main = fakeMain();
    const sink = bridgeSink(main.transport, { batchBytes: 4, maxChunkBytes: 8 });
    await Promise.all([sink.write(range(0, 6)), sink.write(range(6, 1)), sink.write(range(7, 9))]);
    await sink.close('x');
    expect(main.joined()).toEqual([...range(0, 16)]);
  });

  it('after a refused piece throws its message, cancels in main, and takes nothing more', async () => {
    const main = fakeMain(2);
    const sink = bridgeSink(main.transport, { batchBytes: 4, maxChunkBytes: 8 });
    await sink.write(range(0, 4));
    await expect(sink.write(range(4, 4))).rejects.toThrow('The disk is full');
    expect(main.transport.abort).toHaveBeenCalledTimes(1);
    await expect(sink.write(range(8, 1))).rejects.toThrow('The disk is full');
    await expect(sink.close('x')).rejects.toThrow('The disk is full');
    expect(main.transport.end).not.toHaveBeenCalled();
  });

  it('on abort drops what is pending and tells main', async () => {
    const main = fakeMain();
    const sink = bridgeSink(main.transport, { batchBytes: 8, maxChunkBytes: 16 });
    await sink.write(range(0, 3));
    await sink.abort();
    expect(main.sent).toEqual([]);
    expect(main.transport.abort).toHaveBeenCalledTimes(1);
    await expect(sink.write(range(0, 1))).rejects.toThrow('already closed');
  });
});
