import type { AppInfo, OpenedFile, OpenRequest, SaveOutcome, SaveRequest } from '../../shared/ipc';
import type { Result } from '../../shared/result';

/**
 * What the UI needs from the machine it runs on. The Electron edition goes through the preload
 * bridge; the browser edition uses downloads and file inputs. Nothing else knows which one runs.
 */
export interface Platform {
  kind: 'electron' | 'browser';
  /** True when saved files can be shown in their folder. */
  canReveal: boolean;
  appInfo(): Promise<Result<AppInfo>>;
  saveFile(request: SaveRequest): Promise<Result<SaveOutcome>>;
  openFiles(request: OpenRequest): Promise<Result<OpenedFile[]>>;
  revealFile(path: string): Promise<Result<null>>;
}
