/** Reading the user's files with a size limit, and writing outputs atomically (temp file, then rename). */
import { randomBytes } from 'node:crypto';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { checkSnapshot } from './snapshotSchema';
import { fsInputError, InputError } from './errors';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';

export const MAX_INPUT_BYTES = 200 * 1024 * 1024;

/** Reads a snapshot file: refused before reading when too large, then parsed and checked. */
export function readSnapshotFile(file: string): WorkbookSnapshot {
  let size: number;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not a snapshot file`);
    size = stat.size;
  } catch (error) {
    if (error instanceof InputError) throw error;
    fsInputError(error, file, 'read it');
  }
  if (size > MAX_INPUT_BYTES) throw new InputError(`${file}: the file is larger than 200 MB; a workbook snapshot never is`);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    fsInputError(error, file, 'read it');
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  const checked = checkSnapshot(data);
  if (!checked.ok) throw new InputError(`${file}: ${checked.error}`);
  return checked.snapshot;
}

/** Writes beside the target and renames over it, so a reader never sees half a file. */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    fsInputError(error, file, 'write it');
  }
}
