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

export interface OpenRequest {
  multiple: boolean;
  filters: FileFilter[];
  /** Files larger than this are refused before they are read. */
  maxBytes: number;
}

export interface OpenedFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

export interface IpcContract {
  'app:info': { args: []; result: AppInfo };
  'file:save': { args: [SaveRequest]; result: SaveOutcome };
  'file:open': { args: [OpenRequest]; result: OpenedFile[] };
  'file:reveal': { args: [path: string]; result: null };
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
  'file:open',
  'file:reveal',
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
  openFiles(request: OpenRequest): Promise<Result<OpenedFile[]>>;
  revealFile(path: string): Promise<Result<null>>;
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
