/** Chooses the platform once, at start: Electron when the preload bridge is there, else the browser. */
import { BRIDGE_NAME, type CsmsBridge } from '../../shared/ipc';
import { browserPlatform } from './browserPlatform';
import { electronPlatform } from './electronPlatform';
import type { Platform } from './types';

export type { BackupSink, BackupStore, OpenRequest, PickedFile, Platform, SaveSink } from './types';

function detect(): Platform {
  const bridge = (globalThis as unknown as Record<string, CsmsBridge | undefined>)[BRIDGE_NAME];
  return bridge ? electronPlatform(bridge) : browserPlatform();
}

export const platform: Platform = detect();
