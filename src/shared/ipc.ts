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
}

export type Channel = keyof IpcContract;
export type ArgsOf<C extends Channel> = IpcContract[C]['args'];
export type ResultOf<C extends Channel> = IpcContract[C]['result'];

/** Every channel; the preload refuses anything not listed here. */
export const CHANNELS = ['app:info', 'file:save', 'file:open', 'file:reveal'] as const satisfies readonly Channel[];

/** The object the preload exposes as `window.csms`. */
export interface CsmsBridge {
  appInfo(): Promise<Result<AppInfo>>;
  saveFile(request: SaveRequest): Promise<Result<SaveOutcome>>;
  openFiles(request: OpenRequest): Promise<Result<OpenedFile[]>>;
  revealFile(path: string): Promise<Result<null>>;
}

export const DATA_FORMAT_VERSION = 1;
export const BRIDGE_NAME = 'csms';
