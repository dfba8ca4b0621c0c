import type { CsmsBridge } from '../../shared/ipc';
import type { Platform } from './types';

export function electronPlatform(bridge: CsmsBridge): Platform {
  return {
    kind: 'electron',
    canReveal: true,
    appInfo: () => bridge.appInfo(),
    saveFile: (request) => bridge.saveFile(request),
    openFiles: (request) => bridge.openFiles(request),
    revealFile: (path) => bridge.revealFile(path),
  };
}
