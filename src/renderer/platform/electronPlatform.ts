/** The desktop edition: everything that touches the machine goes through the preload bridge. */
import { MAX_CHUNK_BYTES, type CsmsBridge, type FileFilter, type SaveOutcome } from '../../shared/ipc';
import { fail, ok, type Result } from '../../shared/result';
import { bridgeSink } from './bridgeSink';
import { openWithFileInput } from './fileInput';
import type { BackupStore, Platform, SaveSink } from './types';

async function saveStream(bridge: CsmsBridge, name: string, filters: FileFilter[]): Promise<Result<SaveSink | null>> {
  const begun = await bridge.saveBegin({ suggestedName: name, filters });
  if (!begun.ok) return begun;
  if (!begun.value) return ok(null);
  const { id } = begun.value;
  return ok(
    bridgeSink<[], SaveOutcome>({
      send: (bytes) => bridge.saveChunk(id, bytes),
      end: async () => {
        const ended = await bridge.saveEnd(id);
        return ended.ok ? ok({ saved: true, path: ended.value.path }) : ended;
      },
      abort: () => bridge.saveAbort(id),
    }),
  );
}

/** Reads the Blob in the pieces its stream gives, so it is never whole in script memory. */
async function saveBlob(bridge: CsmsBridge, name: string, blob: Blob, filters: FileFilter[]): Promise<Result<SaveOutcome>> {
  const started = await saveStream(bridge, name, filters);
  if (!started.ok) return started;
  const sink = started.value;
  if (!sink) return ok({ saved: false });
  const reader = blob.stream().getReader();
  try {
    for (let next = await reader.read(); !next.done; next = await reader.read()) await sink.write(next.value);
    return ok(await sink.close());
  } catch (error) {
    await sink.abort();
    await reader.cancel().catch(() => undefined);
    return fail(error instanceof Error ? error.message : 'The file could not be saved.');
  }
}

async function* readBackup(bridge: CsmsBridge, name: string): AsyncGenerator<Uint8Array> {
  for (let offset = 0; ;) {
    const read = await bridge.readBackup(name, offset, MAX_CHUNK_BYTES);
    if (!read.ok) throw new Error(read.error);
    if (read.value.byteLength > 0) yield read.value;
    if (read.value.byteLength < MAX_CHUNK_BYTES) return;
    offset += read.value.byteLength;
  }
}

function backupStore(bridge: CsmsBridge): BackupStore {
  return {
    begin: async () => {
      const begun = await bridge.backupBegin();
      if (!begun.ok) return begun;
      const { id } = begun.value;
      return ok(
        bridgeSink({
          send: (bytes) => bridge.backupChunk(id, bytes),
          end: (meta) => bridge.backupEnd(id, meta),
          abort: () => bridge.backupAbort(id),
        }),
      );
    },
    list: () => bridge.listBackups(),
    read: (name) => readBackup(bridge, name),
  };
}

export function electronPlatform(bridge: CsmsBridge): Platform {
  return {
    kind: 'electron',
    canReveal: true,
    appInfo: () => bridge.appInfo(),
    saveFile: (request) => bridge.saveFile(request),
    saveBlob: (name, blob, filters) => saveBlob(bridge, name, blob, filters),
    saveStream: (name, filters) => saveStream(bridge, name, filters),
    // The same file input as the browser: the picked File stays on disk instead of crossing IPC whole.
    openFiles: openWithFileInput,
    revealFile: (path) => bridge.revealFile(path),
    onFlushRequest: (flush) => bridge.onFlushRequest(flush),
    freeBytes: async () => {
      const result = await bridge.freeBytes();
      return result.ok ? result.value : null;
    },
    markerFile: {
      read: async () => {
        const result = await bridge.readMarker();
        return result.ok ? result.value : null;
      },
      // Best effort, like the local copy: the database itself has already been written.
      write: async (text) => {
        await bridge.writeMarker(text);
      },
    },
    backups: backupStore(bridge),
  };
}
