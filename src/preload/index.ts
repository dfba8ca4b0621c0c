/**
 * The preload exposes exactly one object, `window.csms`, with named functions built from the IPC
 * contract. No ipcRenderer, no event objects and no channel names reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_NAME, CHANNELS, type ArgsOf, type Channel, type CsmsBridge, type ResultOf } from '../shared/ipc';
import type { Result } from '../shared/result';

function invoke<C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    return Promise.resolve({ ok: false, error: `Unknown request ${channel}.` });
  }
  return ipcRenderer.invoke(channel, ...args) as Promise<Result<ResultOf<C>>>;
}

const bridge = {
  appInfo: () => invoke('app:info'),
  saveFile: (request) => invoke('file:save', request),
  openFiles: (request) => invoke('file:open', request),
  revealFile: (file) => invoke('file:reveal', file),
} satisfies CsmsBridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
