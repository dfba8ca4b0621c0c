/**
 * Reading the user's files with a size limit, and writing outputs atomically (temp file, then rename).
 * Input is bounded before it is parsed: only regular files are read, and the byte cap is counted while
 * reading, because a device (/dev/zero), a FIFO or a growing file reports a size that means nothing.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describeShapeProblem, findShapeProblem } from '../core/validation/forbiddenKeys';
import { checkSnapshot, rebuildSnapshot } from './snapshotSchema';
import { fsInputError, InputError } from './errors';
import type { WorkbookSnapshot } from '../core/snapshot/snapshot';

export const MAX_INPUT_BYTES = 200 * 1024 * 1024;
/** Far beyond any real snapshot (a catalogue nests about six levels), far below what exhausts memory. */
const SNAPSHOT_SHAPE = { maxDepth: 32, maxValues: 10_000_000 };
const CHUNK_BYTES = 1024 * 1024;

function describeBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${bytes} bytes`;
}

/**
 * Opens without blocking: opening a FIFO for reading would otherwise wait for a writer forever.
 * O_NONBLOCK does not exist on Windows, where it is not needed.
 */
function openInput(file: string): number {
  try {
    return openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    // A Unix socket cannot be opened as a file at all.
    if ((error as NodeJS.ErrnoException).code === 'ENXIO') throw notRegular(file);
    fsInputError(error, file, 'read it');
  }
}

const notRegular = (file: string) => new InputError(`${file}: not a regular file; give the path of a snapshot file`);
const tooLarge = (file: string, maxBytes: number) =>
  new InputError(`${file}: the file is larger than ${describeBytes(maxBytes)}; a workbook snapshot never is`);

/** Reads a regular file as UTF-8 text, refusing it as soon as more than `maxBytes` have been read. */
export function readInputText(file: string, maxBytes: number = MAX_INPUT_BYTES): string {
  const fd = openInput(file);
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`${file}: is a folder, not a snapshot file`);
    if (!stat.isFile()) throw notRegular(file);
    // The stat size refuses a huge file without reading it; the count below catches one that grows.
    if (stat.size > maxBytes) throw tooLarge(file, maxBytes);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, maxBytes + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > maxBytes) throw tooLarge(file, maxBytes);
      chunks.push(read === chunk.length ? chunk : chunk.subarray(0, read));
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    if (error instanceof InputError) throw error;
    fsInputError(error, file, 'read it');
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads a snapshot file: bounded while read, then parsed, its keys checked, and its shape checked. The
 * snapshot returned is rebuilt from the file's records: its scores are computed, and its change log is
 * stated as not verified, since a file carries none.
 */
export function readSnapshotFile(file: string, maxBytes: number = MAX_INPUT_BYTES): WorkbookSnapshot {
  const text = readInputText(file, maxBytes);
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new InputError(`${file}: not valid JSON (${(error as Error).message.split('\n')[0]})`);
  }
  // JSON.parse makes "__proto__" an own key; it is refused before the schema reads any field.
  const problem = findShapeProblem(data, SNAPSHOT_SHAPE);
  if (problem) throw new InputError(`${file}: not a workbook snapshot: ${describeShapeProblem(problem)}`);
  const checked = checkSnapshot(data);
  if (!checked.ok) throw new InputError(`${file}: ${checked.error}`);
  return rebuildSnapshot(checked.snapshot);
}

/** A hidden temporary name beside the target: in its folder, so the final rename stays on one volume. */
export function tempPathBeside(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

/** Writes beside the target and renames over it, so a reader never sees half a file. */
export function writeFileAtomic(file: string, data: Uint8Array | string): void {
  const temp = tempPathBeside(file);
  try {
    writeFileSync(temp, data, { flag: 'wx' });
    renameSync(temp, file);
  } catch (error) {
    rmSync(temp, { force: true });
    fsInputError(error, file, 'write it');
  }
}
