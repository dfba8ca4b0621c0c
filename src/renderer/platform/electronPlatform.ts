import type { CsmsBridge } from '../../shared/ipc';
import type { Platform } from './types';

export function electronPlatform(bridge: CsmsBridge): Platform {
  return {
    kind: 'electron',
    canReveal: true,
    appInfo: () => bridge.appInfo(),
    saveFile: (request) => bridge.saveFile(request),
    // The bridge takes bytes, so the Blob is read whole here; a streamed save over IPC would avoid that.
    saveBlob: async (name, blob, filters) =>
      bridge.saveFile({ suggestedName: name, bytes: new Uint8Array(await blob.arrayBuffer()), filters }),
    openFiles: async (request) => {
      const result = await bridge.openFiles(request);
      if (!result.ok) return result;
      return {
        ok: true,
        value: result.value.map((f) => ({ name: f.name, type: f.type, blob: new Blob([f.bytes as BlobPart], { type: f.type }) })),
      };
    },
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
  };
}
