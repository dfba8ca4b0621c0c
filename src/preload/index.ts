/**
 * The preload exposes exactly one object, `window.csms`, with named functions built from the IPC
 * contract. No ipcRenderer, no event objects and no channel names reach the page.
 */
import { contextBridge, ipcRenderer } from 'electron';
import {
  BRIDGE_NAME,
  CHANNELS,
  FLUSHED_CHANNEL,
  FLUSH_REQUEST_CHANNEL,
  type ArgsOf,
  type Channel,
  type CsmsBridge,
  type ResultOf,
} from '../shared/ipc';
import type { Result } from '../shared/result';

function invoke<C extends Channel>(channel: C, ...args: ArgsOf<C>): Promise<Result<ResultOf<C>>> {
  if (!(CHANNELS as readonly string[]).includes(channel)) {
    return Promise.resolve({ ok: false, error: `Unknown request ${channel}.` });
  }
  return ipcRenderer.invoke(channel, ...args) as Promise<Result<ResultOf<C>>>;
}

type FlushCallback = () => Promise<void>;
let flushCallback: FlushCallback | null = null;

// Always answered, even before the page has registered a callback or when it fails: main only waits to let it save.
ipcRenderer.on(FLUSH_REQUEST_CHANNEL, () => {
  const callback = flushCallback;
  void Promise.resolve()
    .then(() => callback?.())
    .catch(() => undefined)
    .finally(() => ipcRenderer.send(FLUSHED_CHANNEL));
});

function onFlushRequest(callback: FlushCallback): () => void {
  flushCallback = callback;
  return () => {
    if (flushCallback === callback) flushCallback = null;
  };
}

const bridge = {
  appInfo: () => invoke('app:info'),
  saveFile: (request) => invoke('file:save', request),
  revealFile: (file) => invoke('file:reveal', file),
  saveBegin: (request) => invoke('save:begin', request),
  saveChunk: (id, bytes) => invoke('save:chunk', id, bytes),
  saveEnd: (id) => invoke('save:end', id),
  saveAbort: (id) => invoke('save:abort', id),
  backupBegin: () => invoke('backup:begin'),
  backupChunk: (id, bytes) => invoke('backup:chunk', id, bytes),
  backupEnd: (id, meta) => invoke('backup:end', id, meta),
  backupAbort: (id) => invoke('backup:abort', id),
  listBackups: () => invoke('backup:list'),
  readBackup: (name, offset, length) => invoke('backup:read', name, offset, length),
  freeBytes: () => invoke('storage:free'),
  readMarker: () => invoke('marker:read'),
  writeMarker: (text) => invoke('marker:write', text),
  onFlushRequest,
} satisfies CsmsBridge;

contextBridge.exposeInMainWorld(BRIDGE_NAME, bridge);
