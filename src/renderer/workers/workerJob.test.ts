import { describe, expect, it, vi } from 'vitest';
import { isCancelled, workerJob } from './workerJob';

type Reply = { type: 'progress'; done: number } | { type: 'done'; value: string } | { type: 'error'; message: string };

/** Stands in for a Worker: records what it was sent and whether it was terminated. */
function fakeWorker() {
  const worker = {
    sent: [] as unknown[],
    terminate: vi.fn(),
    postMessage(message: unknown) {
      this.sent.push(message);
    },
    onmessage: null as ((event: MessageEvent<Reply>) => void) | null,
    onerror: null as ((event: ErrorEvent) => void) | null,
    reply(data: Reply) {
      this.onmessage?.({ data } as MessageEvent<Reply>);
    },
  };
  return worker;
}

function start(worker: ReturnType<typeof fakeWorker>, progress: number[] = [], stopped?: string) {
  return workerJob<Reply, string>(
    worker as unknown as Worker,
    { ask: 'build' },
    (reply, settle) => {
      if (reply.type === 'progress') progress.push(reply.done);
      else if (reply.type === 'done') settle.done(reply.value);
      else settle.fail(new Error(reply.message));
    },
    { what: 'The export', ...(stopped ? { stopped } : {}) },
  );
}

describe('workerJob', () => {
  it('sends the request, passes progress on, and ends the worker with the result', async () => {
    const worker = fakeWorker();
    const progress: number[] = [];
    const job = start(worker, progress);
    expect(worker.sent).toEqual([{ ask: 'build' }]);
    worker.reply({ type: 'progress', done: 1 });
    worker.reply({ type: 'progress', done: 2 });
    expect(worker.terminate).not.toHaveBeenCalled();
    worker.reply({ type: 'done', value: 'report.docx' });
    await expect(job.result).resolves.toBe('report.docx');
    expect(progress).toEqual([1, 2]);
    expect(worker.terminate).toHaveBeenCalledTimes(1);
  });

  it('cancelling terminates the worker at once and ignores what it had still to say', async () => {
    const worker = fakeWorker();
    const progress: number[] = [];
    const job = start(worker, progress);
    job.cancel();
    worker.reply({ type: 'progress', done: 1 });
    worker.reply({ type: 'done', value: 'late' });
    const error = await job.result.catch((e: unknown) => e);
    expect(isCancelled(error)).toBe(true);
    expect((error as Error).message).toBe('The export was cancelled.');
    expect(progress).toEqual([]);
    expect(worker.terminate).toHaveBeenCalledTimes(1);
  });

  it('a refusal from the worker rejects with its message; a crash with the wording given, never a raw trace', async () => {
    const refused = fakeWorker();
    const job = start(refused);
    refused.reply({ type: 'error', message: 'The file has more than 10,000 rows.' });
    await expect(job.result).rejects.toThrow('The file has more than 10,000 rows.');
    expect(refused.terminate).toHaveBeenCalled();

    const crashed = fakeWorker();
    const crash = start(crashed, [], 'The file could not be read as a spreadsheet of answers.');
    crashed.onerror?.({ message: 'RangeError: Maximum call stack size exceeded' } as ErrorEvent);
    await expect(crash.result).rejects.toThrow(/^The file could not be read as a spreadsheet of answers\.$/);

    const unnamed = fakeWorker();
    const plain = start(unnamed);
    unnamed.onerror?.({ message: '' } as ErrorEvent);
    await expect(plain.result).rejects.toThrow('The export stopped unexpectedly.');
    expect(isCancelled(await plain.result.catch((e: unknown) => e))).toBe(false);
  });
});
