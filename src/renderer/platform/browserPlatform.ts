/** The browser edition: saving is a download, opening is a file input. */
import { DATA_FORMAT_VERSION } from '../../core/records/dataFormat';
import type { FileFilter } from '../../shared/ipc';
import { fail, ok } from '../../shared/result';
import type { Platform } from './types';

declare const __APP_VERSION__: string;

export function acceptAttribute(filters: FileFilter[]): string {
  const extensions = filters.flatMap((f) => f.extensions).filter((e) => e !== '*');
  if (extensions.length === 0 || filters.some((f) => f.extensions.includes('*'))) return '';
  return extensions.map((e) => `.${e}`).join(',');
}

function pickFiles(accept: string, multiple: boolean): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = multiple;
    if (accept) input.accept = accept;
    input.addEventListener('change', () => resolve(Array.from(input.files ?? [])), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

/** A download from a Blob URL: the browser streams it to disk, nothing is copied into script memory. */
function download(name: string, blob: Blob): ReturnType<Platform['saveFile']> {
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

    openFiles: async (request) => {
      const files = await pickFiles(acceptAttribute(request.filters), request.multiple);
      const tooLarge = files.find((f) => f.size > request.maxBytes);
      if (tooLarge) return fail(`"${tooLarge.name}" is larger than the limit for one file. Nothing was added.`);
      return ok(files.map((file) => ({ name: file.name, type: file.type || 'application/octet-stream', blob: file })));
    },
    revealFile: async () => fail('The browser edition cannot open folders: look in your downloads.'),
    // A tab has no close request to answer: the autosave flushes on pagehide and keeps a draft.
    onFlushRequest: () => () => undefined,
    // The browser does not say how full the disk is; the write path probes instead (db/space.ts).
    freeBytes: () => Promise.resolve(null),
    markerFile: null,
  };
}
