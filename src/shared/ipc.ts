/**
 * The one IPC contract between the renderer and the main process: channel → arguments → result.
 * The preload bridge and the main handlers are both type-checked against it.
 */
import type { Result } from './result';

export interface AppInfo {
  name: string;
  version: string;
  /** Version of the workbook data format this build reads and writes. */
  dataFormatVersion: number;
  platform: 'darwin' | 'linux' | 'win32' | 'other';
  electron: string;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveRequest {
  suggestedName: string;
  bytes: Uint8Array;
  filters: FileFilter[];
}

export type SaveOutcome = { saved: true; path: string } | { saved: false };

/**
 * Large files (workbook bundles, evidence packages) travel to main in pieces of at most this many bytes,
 * never as one buffer: main refuses a bigger piece, and reads of a backup return at most this much.
 */
export const MAX_CHUNK_BYTES = 16 * 1024 ** 2;
/** A sanity bound on one streamed file; main stops a write that grows past it. */
export const MAX_STREAM_BYTES = 64 * 1024 ** 3;

/** What to offer in the save dialog of a streamed save. */
export interface SaveStreamRequest {
  suggestedName: string;
  filters: FileFilter[];
}

/** A streamed save that main has opened: pieces go to `id`; `path` is the file the user chose. */
export interface SaveTarget {
  id: string;
  path: string;
}

/** What an automatic backup records of the workbook's change log, to tell backups apart without opening them. */
export interface BackupMeta {
  logCount: number;
  /** SHA-256 of the last change-log entry, 64 lowercase hex digits. */
  logHead: string;
}

export interface BackupInfo {
  /** A file name in the backups folder, as main made it (`workbook-YYYYMMDD-HHMMSS-mmm.csmsx`, UTC). */
  name: string;
  size: number;
  /** When the backup was written, ISO 8601 in UTC. */
  at: string;
}

/** A backup as listed; the log fields are null when the record of them beside the file is missing or unreadable. */
export interface BackupEntry extends BackupInfo {
  logCount: number | null;
  logHead: string | null;
}

export interface BackupList {
  folder: string;
  /** Newest first. */
  backups: BackupEntry[];
}

export interface IpcContract {
  'app:info': { args: []; result: AppInfo };
  'file:save': { args: [SaveRequest]; result: SaveOutcome };
  'file:reveal': { args: [path: string]; result: null };
  /** Shows the save dialog and opens a temporary file beside the chosen target; null when the user cancels. */
  'save:begin': { args: [SaveStreamRequest]; result: SaveTarget | null };
  /** Appends one piece (at most MAX_CHUNK_BYTES); a failed write ends the save and deletes what was written. */
  'save:chunk': { args: [id: string, bytes: Uint8Array]; result: null };
  /** Flushes the file to the disk and only then renames it over the target. */
  'save:end': { args: [id: string]; result: { path: string } };
  'save:abort': { args: [id: string]; result: null };
  /** Starts an automatic backup in the app's backups folder. */
  'backup:begin': { args: []; result: { id: string } };
  'backup:chunk': { args: [id: string, bytes: Uint8Array]; result: null };
  /** Completes the backup, then deletes the oldest beyond the number kept. */
  'backup:end': { args: [id: string, meta: BackupMeta]; result: BackupInfo };
  'backup:abort': { args: [id: string]; result: null };
  'backup:list': { args: []; result: BackupList };
  /** Up to `length` bytes (at most MAX_CHUNK_BYTES) from `offset`; fewer at the end, none past it. */
  'backup:read': { args: [name: string, offset: number, length: number]; result: Uint8Array };
  /** Free bytes on the volume that holds the profile (the workbook's database). */
  'storage:free': { args: []; result: number };
  /** The marker kept beside the database (see renderer/workbook/marker.ts); null when there is none. */
  'marker:read': { args: []; result: string | null };
  'marker:write': { args: [text: string]; result: null };
}

export type Channel = keyof IpcContract;
export type ArgsOf<C extends Channel> = IpcContract[C]['args'];
export type ResultOf<C extends Channel> = IpcContract[C]['result'];

/** Every channel; the preload refuses anything not listed here. */
export const CHANNELS = [
  'app:info',
  'file:save',
  'file:reveal',
  'save:begin',
  'save:chunk',
  'save:end',
  'save:abort',
  'backup:begin',
  'backup:chunk',
  'backup:end',
  'backup:abort',
  'backup:list',
  'backup:read',
  'storage:free',
  'marker:read',
  'marker:write',
] as const satisfies readonly Channel[];

/** The marker is a few numbers and a hash; anything longer is refused. */
export const MAX_MARKER_CHARS = 4096;

/**
 * One-way messages beside the request/response channels: before the window closes, main asks the
 * page to save what is pending, and the page answers once that has landed (or failed and is kept as
 * a draft). Neither carries arguments.
 */
export interface EventContract {
  /** main → page */
  'app:flush-request': [];
  /** page → main */
  'app:flushed': [];
}
export type EventChannel = keyof EventContract;
export const FLUSH_REQUEST_CHANNEL = 'app:flush-request' satisfies EventChannel;
export const FLUSHED_CHANNEL = 'app:flushed' satisfies EventChannel;

/** The object the preload exposes as `window.csms`. */
export interface CsmsBridge {
  appInfo(): Promise<Result<AppInfo>>;
  saveFile(request: SaveRequest): Promise<Result<SaveOutcome>>;
  revealFile(path: string): Promise<Result<null>>;
  saveBegin(request: SaveStreamRequest): Promise<Result<SaveTarget | null>>;
  saveChunk(id: string, bytes: Uint8Array): Promise<Result<null>>;
  saveEnd(id: string): Promise<Result<{ path: string }>>;
  saveAbort(id: string): Promise<Result<null>>;
  backupBegin(): Promise<Result<{ id: string }>>;
  backupChunk(id: string, bytes: Uint8Array): Promise<Result<null>>;
  backupEnd(id: string, meta: BackupMeta): Promise<Result<BackupInfo>>;
  backupAbort(id: string): Promise<Result<null>>;
  listBackups(): Promise<Result<BackupList>>;
  readBackup(name: string, offset: number, length: number): Promise<Result<Uint8Array>>;
  freeBytes(): Promise<Result<number>>;
  readMarker(): Promise<Result<string | null>>;
  writeMarker(text: string): Promise<Result<null>>;
  /**
   * Sets what runs when the window is about to close; main waits (briefly) for its promise before closing.
   * One at a time: a later call replaces the earlier. Returns a function that removes it.
   */
  onFlushRequest(callback: () => Promise<void>): () => void;
}

export const BRIDGE_NAME = 'csms';
