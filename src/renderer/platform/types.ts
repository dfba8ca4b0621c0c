import type { AppInfo, OpenRequest, SaveOutcome, SaveRequest } from '../../shared/ipc';
import type { Result } from '../../shared/result';

/**
 * What the UI needs from the machine it runs on. The Electron edition goes through the preload
 * bridge; the browser edition uses downloads and file inputs. Nothing else knows which one runs.
 */
/** A file the user picked, as a Blob: it is read (and hashed) in chunks, never whole on this thread. */
export interface PickedFile {
  name: string;
  type: string;
  blob: Blob;
}

export interface Platform {
  kind: 'electron' | 'browser';
  /** True when saved files can be shown in their folder. */
  canReveal: boolean;
  appInfo(): Promise<Result<AppInfo>>;
  saveFile(request: SaveRequest): Promise<Result<SaveOutcome>>;
  /** Saves a Blob (large output such as the evidence package) without copying it into script memory where the platform allows. */
  saveBlob(name: string, blob: Blob, filters: SaveRequest['filters']): Promise<Result<SaveOutcome>>;
  openFiles(request: OpenRequest): Promise<Result<PickedFile[]>>;
  revealFile(path: string): Promise<Result<null>>;
  /**
   * Runs `flush` when the desktop window is about to close, which waits for it (briefly). Returns a
   * function that stops it. The browser edition has no such request: pagehide covers it.
   */
  onFlushRequest(flush: () => Promise<void>): () => void;
  /** Free bytes on the workbook's volume, where the platform can tell (the desktop app); null otherwise. */
  freeBytes(): Promise<number | null>;
  /** A copy of the workbook's marker outside the browser profile's storage (the desktop app); null in the browser. */
  markerFile: { read(): Promise<string | null>; write(text: string): Promise<void> } | null;
}
