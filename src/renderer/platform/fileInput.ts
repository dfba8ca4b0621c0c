/**
 * Opening files through a hidden file input, in both editions: a picked File is backed by the file on disk
 * and read in pieces when needed, so it is never copied whole into memory or across IPC.
 */
import { formatBytes } from '../../core/format/bytes';
import type { FileFilter } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import type { OpenRequest, PickedFile } from './types';

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

/** Refuses the whole selection when one file is over the limit, before anything is read. */
export function checkPicked(files: File[], maxBytes: number): Result<PickedFile[]> {
  const tooLarge = files.find((f) => f.size > maxBytes);
  if (tooLarge) {
    return fail(
      `"${tooLarge.name}" is ${formatBytes(tooLarge.size)}, larger than the limit of ${formatBytes(maxBytes)}. Nothing was added.`,
    );
  }
  return ok(files.map((file) => ({ name: file.name, type: file.type || 'application/octet-stream', blob: file })));
}

export async function openWithFileInput(request: OpenRequest): Promise<Result<PickedFile[]>> {
  return checkPicked(await pickFiles(acceptAttribute(request.filters), request.multiple), request.maxBytes);
}
