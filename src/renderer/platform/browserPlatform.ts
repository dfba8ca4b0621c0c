/** The browser edition: saving is a download, opening is a file input. */
import { DATA_FORMAT_VERSION } from '../../core/records/dataFormat';
import type { SaveOutcome } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import { blobCollector } from './blobSink';
import { openWithFileInput } from './fileInput';
import type { Platform, SaveSink } from './types';

declare const __APP_VERSION__: string;

/** A download from a Blob URL: the browser streams it to disk, nothing is copied into script memory. */
function download(name: string, blob: Blob): Promise<Result<SaveOutcome>> {
  const url = URL.createObjectURL(blob);
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = name;
    link.rel = 'noopener';
    link.click();
  } finally {
    // Revoke after the click has been handled, or the download may find nothing.
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
  return Promise.resolve(ok({ saved: true, path: name }));
}

/** Gathers the pieces into a Blob and downloads it on close; there is no dialog to cancel. */
function downloadSink(name: string): SaveSink {
  let collected: ReturnType<typeof blobCollector> | null = blobCollector();
  const open = () => {
    if (!collected) throw new Error('This file is already closed.');
    return collected;
  };
  return {
    write: async (chunk) => open().add(chunk),
    close: async () => {
      const blob = open().blob();
      collected = null;
      const saved = await download(name, blob);
      if (!saved.ok) throw new Error(saved.error);
      return saved.value;
    },
    abort: async () => {
      collected = null;
    },
  };
}

export function browserPlatform(): Platform {
  return {
    kind: 'browser',
    canReveal: false,
    appInfo: async () =>
      ok({
        name: 'CSMS Workbook',
        version: __APP_VERSION__,
        dataFormatVersion: DATA_FORMAT_VERSION,
        platform: 'other',
        electron: '',
      }),
    saveFile: async (request) => download(request.suggestedName, new Blob([request.bytes as BlobPart])),
    saveBlob: async (name, blob) => download(name, blob),
    saveStream: async (name) => ok(downloadSink(name)),
    openFiles: openWithFileInput,
    revealFile: async () => fail('The browser edition cannot open folders: look in your downloads.'),
    // A tab has no close request to answer: the autosave flushes on pagehide and keeps a draft.
    onFlushRequest: () => () => undefined,
    // The browser does not say how full the disk is; the write path probes instead (db/space.ts).
    freeBytes: () => Promise.resolve(null),
    markerFile: null,
    backups: null,
  };
}
