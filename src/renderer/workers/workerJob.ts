/**
 * One job in a fresh worker: its replies are handled as they come, the worker ends with the job, and
 * cancelling terminates it, so nothing half-made is kept. Every `…InWorker` module runs its jobs here.
 */
export interface WorkerJob<T> {
  result: Promise<T>;
  cancel(): void;
}

/** How a reply handler ends the job; whatever comes after the end is ignored. */
export interface Settle<T> {
  done(value: T): void;
  fail(error: Error): void;
}

export interface JobWording {
  /** The job as a subject: "The export" gives "The export was cancelled." */
  what: string;
  /** Said when the worker itself fails (an uncaught error); by default "<what> stopped unexpectedly." */
  stopped?: string;
}

export function workerJob<Reply, T>(
  worker: Worker,
  request: unknown,
  onReply: (reply: Reply, settle: Settle<T>) => void,
  wording: JobWording,
): WorkerJob<T> {
  let cancel = () => {};
  const result = new Promise<T>((resolve, reject) => {
    let open = true;
    const end = () => {
      open = false;
      worker.terminate();
    };
    const settle: Settle<T> = {
      done: (value) => {
        if (!open) return;
        end();
        resolve(value);
      },
      fail: (error) => {
        if (!open) return;
        end();
        reject(error);
      },
    };
    cancel = () => settle.fail(new DOMException(`${wording.what} was cancelled.`, 'AbortError'));
    worker.onmessage = (event: MessageEvent<Reply>) => {
      if (open) onReply(event.data, settle);
    };
    worker.onerror = (event) => settle.fail(new Error(wording.stopped ?? (event.message || `${wording.what} stopped unexpectedly.`)));
    worker.postMessage(request);
  });
  return { result, cancel: () => cancel() };
}

/** Whether a job ended because it was cancelled. */
export const isCancelled = (error: unknown): boolean => error instanceof DOMException && error.name === 'AbortError';
