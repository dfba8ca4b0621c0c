/** Parses one licensed-text file in a fresh worker, which is ended as soon as it answers. */
import type { OverlayOutcome } from '../../core/catalogue/overlay';
import type { OverlayReply, OverlayRequest } from './overlay.worker';

export function overlayInWorker(fileName: string, blob: Blob, knownIds: readonly string[]): Promise<OverlayOutcome> {
  const worker = new Worker(new URL('./overlay.worker.ts', import.meta.url), { type: 'module', name: 'overlay' });
  return new Promise<OverlayOutcome>((resolve) => {
    worker.onmessage = (event: MessageEvent<OverlayReply>) => {
      worker.terminate();
      resolve(event.data);
    };
    worker.onerror = () => {
      worker.terminate();
      resolve({ ok: false, errors: [`${fileName} could not be read: the import stopped unexpectedly.`] });
    };
    worker.postMessage({ blob, fileName, knownIds: [...knownIds] } satisfies OverlayRequest);
  });
}
