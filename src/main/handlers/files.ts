/**
 * Saving small documents through the native save dialog, and showing a saved file in its folder. The
 * renderer never names a path itself: it can only reveal a file that it saved in this session. Files the
 * user opens are picked in the page (a file input), so they stay on disk instead of crossing IPC whole.
 */
import path from 'node:path';
import type { BrowserWindow, Dialog, Shell } from 'electron';
import type { FileFilter, SaveOutcome, SaveRequest } from '../../shared/ipc';
import { safeFileName } from '../../core/format/fileName';
import { nodeFileSystem, writeFileDurably } from '../durableFile';

export interface FileDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'showItemInFolder'>;
  window: () => BrowserWindow | null;
}

export function createFileHandlers(deps: FileDeps) {
  const savedPaths = new Set<string>();

  /** The path the user picks in the save dialog, or null when they cancel. */
  async function chooseSavePath(suggestedName: string, filters: FileFilter[]): Promise<string | null> {
    const options = { defaultPath: safeFileName(suggestedName, 'export'), filters };
    const win = deps.window();
    const choice = win ? await deps.dialog.showSaveDialog(win, options) : await deps.dialog.showSaveDialog(options);
    return choice.canceled || !choice.filePath ? null : choice.filePath;
  }

  async function saveFile(request: SaveRequest): Promise<SaveOutcome> {
    const target = await chooseSavePath(request.suggestedName, request.filters);
    if (!target) return { saved: false };
    await writeFileDurably(nodeFileSystem, target, request.bytes, `"${path.basename(target)}"`, path.dirname(target));
    savedPaths.add(target);
    return { saved: true, path: target };
  }

  async function revealFile(file: string): Promise<null> {
    if (!savedPaths.has(file)) throw new Error('Only files saved from the app in this session can be shown in their folder.');
    deps.shell.showItemInFolder(file);
    return null;
  }

  return { saveFile, revealFile, chooseSavePath, rememberSaved: (file: string) => void savedPaths.add(file) };
}
