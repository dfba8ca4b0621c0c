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
  };
}
