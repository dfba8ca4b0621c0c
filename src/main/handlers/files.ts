/**
 * Saving and opening files through the native dialogs. The renderer never names a path itself:
 * it can only reveal a file that it saved in this session.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, stat, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { OpenedFile, OpenRequest, SaveOutcome, SaveRequest } from '../../shared/ipc';
import { formatBytes } from '../../core/format/bytes';
import { contentTypeFor } from '../appPath';
import { safeFileName } from '../../core/format/fileName';

export interface FileDeps {
  dialog: Pick<Dialog, 'showSaveDialog' | 'showOpenDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  window: () => BrowserWindow | null;
}

const MEDIA_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.csv': 'text/csv',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.zip': 'application/zip',
  '.csmsx': 'application/zip',
  '.yaml': 'application/yaml',
  '.yml': 'application/yaml',
  '.md': 'text/markdown',
  '.xml': 'application/xml',
};

export function mediaTypeFor(file: string): string {
  return MEDIA_TYPES[path.extname(file).toLowerCase()] ?? contentTypeFor(file);
}

export function createFileHandlers(deps: FileDeps) {
  const savedPaths = new Set<string>();

  async function saveFile(request: SaveRequest): Promise<SaveOutcome> {
    const options = { defaultPath: safeFileName(request.suggestedName, 'export'), filters: request.filters };
    const win = deps.window();
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    if (choice.canceled || !choice.filePath) return { saved: false };
    // Write beside the target and rename, so an interrupted save never leaves half a file.
    const temp = `${choice.filePath}.${randomUUID()}.partial`;
    try {
      await writeFile(temp, request.bytes, { flag: 'wx' });
      await rename(temp, choice.filePath);
    } catch (error) {
      await unlink(temp).catch(() => undefined);
      throw new Error(`Could not save "${path.basename(choice.filePath)}": ${(error as Error).message}`);
    }
    savedPaths.add(choice.filePath);
    return { saved: true, path: choice.filePath };
  }

  async function openFiles(request: OpenRequest): Promise<OpenedFile[]> {
    const options = {
      properties: request.multiple ? (['openFile', 'multiSelections'] as const) : (['openFile'] as const),
      filters: request.filters,
    };
    const win = deps.window();
    const choice = win
      ? await deps.dialog.showOpenDialog(win, { ...options, properties: [...options.properties] })
      : await deps.dialog.showOpenDialog({ ...options, properties: [...options.properties] });
    if (choice.canceled) return [];
    const sizes = await Promise.all(choice.filePaths.map(async (file) => ({ file, size: (await stat(file)).size })));
    const tooLarge = sizes.find((s) => s.size > request.maxBytes);
    if (tooLarge) {
      throw new Error(
        `"${path.basename(tooLarge.file)}" is ${formatBytes(tooLarge.size)}, larger than the limit of ${formatBytes(request.maxBytes)}. Nothing was added.`,
      );
    }
    const opened: OpenedFile[] = [];
    for (const { file } of sizes) {
      opened.push({ name: path.basename(file), type: mediaTypeFor(file), bytes: new Uint8Array(await readFile(file)) });
    }
    return opened;
  }

  async function revealFile(file: string): Promise<null> {
    if (!savedPaths.has(file)) throw new Error('Only files saved from the app in this session can be shown in their folder.');
    deps.shell.showItemInFolder(file);
    return null;
  }

  return { saveFile, openFiles, revealFile };
}
