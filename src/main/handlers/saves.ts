/**
 * Saving large files (workbook bundles, evidence packages) that the page streams in pieces: the user picks the
 * target in the save dialog, the pieces go to `<target>.<random>.partial` in the same folder, and only a whole
 * file, flushed to the disk, replaces the target. Removable media lose what the system has only cached.
 */
import path from 'node:path';
import type { WebContents } from 'electron';
import type { FileFilter } from '../../shared/ipc';
import { confirmRename, nodeFileSystem, partialPathFor, type FileSystem } from '../durableFile';
import type { Handlers } from '../ipc';
import { createStreamedWrites, type StreamLimits } from '../streamedWrites';

export interface SaveDeps {
  /** The save dialog: the path the user chose, or null when they cancelled. */
  choosePath(suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  /** Told of each completed save (so that it may be shown in its folder). */
  onSaved(file: string): void;
  fs?: FileSystem;
  limits?: StreamLimits;
}

type SaveHandlers = Pick<Handlers, 'save:begin' | 'save:chunk' | 'save:end' | 'save:abort'>;

export function createSaveHandlers(deps: SaveDeps) {
  const fs = deps.fs ?? nodeFileSystem;
  const writes = createStreamedWrites<{ target: string; label: string }>(fs, deps.limits);

  const handlers: SaveHandlers = {
    'save:begin': async ({ suggestedName, filters }) => {
      const target = await deps.choosePath(suggestedName, filters);
      if (!target) return null;
      const label = `"${path.basename(target)}"`;
      const id = await writes.begin(partialPathFor(target), label, { target, label });
      return { id, path: target };
    },
    'save:chunk': async (id, bytes) => {
      await writes.append(id, bytes);
      return null;
    },
    'save:end': async (id) => {
      const target = await writes.end(id, async ({ temp, meta }) => {
        await fs.rename(temp, meta.target);
        await confirmRename(fs, path.dirname(meta.target), meta.label);
        return meta.target;
      });
      deps.onSaved(target);
      return { path: target };
    },
    'save:abort': async (id) => {
      await writes.abort(id);
      return null;
    },
  };

  return { handlers, abortAll: writes.abortAll, discardAllNow: writes.discardAllNow, openCount: writes.openCount };
}

/**
 * A page that reloads or goes away can no longer finish what it was writing: its open files are cancelled
 * (and their temporary files deleted) rather than left half-written until the app quits.
 */
export function abortWithPage(contents: Pick<WebContents, 'on'>, abort: () => Promise<void>): void {
  const run = () => void abort().catch(() => undefined);
  contents.on('destroyed', run);
  contents.on('did-start-navigation', (details) => {
    if (details.isMainFrame && !details.isSameDocument) run();
  });
}
