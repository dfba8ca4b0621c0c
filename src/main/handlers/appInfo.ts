import { app } from 'electron';
import { DATA_FORMAT_VERSION } from '../../core/records/dataFormat';
import type { AppInfo } from '../../shared/ipc';

export function platformName(platform: string): AppInfo['platform'] {
  return platform === 'darwin' || platform === 'linux' || platform === 'win32' ? platform : 'other';
}

export async function appInfo(): Promise<AppInfo> {
  return {
    name: app.getName(),
    version: app.getVersion(),
    dataFormatVersion: DATA_FORMAT_VERSION,
    platform: platformName(process.platform),
    electron: process.versions.electron ?? '',
  };
}
