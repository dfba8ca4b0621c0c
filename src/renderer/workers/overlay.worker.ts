/// <reference lib="webworker" />
/** Reads and checks a licensed-text file off the UI thread, so a hostile file cannot freeze the page. */
import { overlaySizeProblem, parseOverlay, type OverlayOutcome } from '../../core/catalogue/overlay';

/** The catalogue arrives as its requirement IDs: all the parse needs, and cheap to copy. */
export type OverlayRequest = { blob: Blob; fileName: string; knownIds: string[] };
export type OverlayReply = OverlayOutcome;

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<OverlayRequest>) => {
  const { blob, fileName, knownIds } = event.data;
  // The size is known without reading; a file over the cap is never loaded into memory.
  const tooLarge = overlaySizeProblem(fileName, blob.size);
  if (tooLarge) return scope.postMessage({ ok: false, errors: [tooLarge] } satisfies OverlayReply);
  try {
    scope.postMessage(parseOverlay(fileName, await blob.text(), new Set(knownIds)) satisfies OverlayReply);
  } catch {
    scope.postMessage({ ok: false, errors: [`${fileName} could not be read.`] } satisfies OverlayReply);
  }
};
