import type { AppInfo, BackupInfo, BackupList, BackupMeta, FileFilter, SaveOutcome, SaveRequest } from '../../shared/ipc';
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

export interface OpenRequest {
  multiple: boolean;
  filters: FileFilter[];
  /** Files larger than this are refused before they are read. */
  maxBytes: number;
}

/**
 * A file being written piece by piece. Each method waits for the one before; a failed write throws with a
 * message a person can act on, and the file is then already cancelled. A chunk may be changed or reused as
 * soon as its write has resolved.
 */
export interface StreamSink<CloseArgs extends unknown[], Closed> {
  write(chunk: Uint8Array): Promise<void>;
  /** Writes what is pending and completes the file; throws when it could not be completed. */
  close(...args: CloseArgs): Promise<Closed>;
  /** Cancels: nothing of the file is kept. */
  abort(): Promise<void>;
}

export type SaveSink = StreamSink<[], SaveOutcome>;
export type BackupSink = StreamSink<[meta: BackupMeta], BackupInfo>;

/** Automatic backups in the desktop app's data folder. */
export interface BackupStore {
  begin(): Promise<Result<BackupSink>>;
  /** Newest first, with the folder they are in. */
  list(): Promise<Result<BackupList>>;
  /** The backup's bytes in pieces; throws when it cannot be read (a name main did not make, or gone). */
  read(name: string): AsyncIterable<Uint8Array>;
}

export interface Platform {
  kind: 'electron' | 'browser';
  /** True when saved files can be shown in their folder. */
  canReveal: boolean;
  appInfo(): Promise<Result<AppInfo>>;
  saveFile(request: SaveRequest): Promise<Result<SaveOutcome>>;
  /** Saves a Blob (large output such as the evidence package) without copying it into script memory where the platform allows. */
  saveBlob(name: string, blob: Blob, filters: SaveRequest['filters']): Promise<Result<SaveOutcome>>;
  /**
   * Saves a file written in pieces (a workbook bundle of many GiB), never holding it whole in script memory.
   * null when the user cancelled the save dialog.
   */
  saveStream(name: string, filters: FileFilter[]): Promise<Result<SaveSink | null>>;
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
  /** Automatic backups outside the browser profile (the desktop app); null in the browser. */
  backups: BackupStore | null;
}
