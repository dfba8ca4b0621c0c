/** Fills a disk on purpose: allocates a file of the given size (fallocate, so it takes the space at once). */
import { execFileSync } from 'node:child_process';

export function fallocateSync(file: string, bytes: number): void {
  execFileSync('fallocate', ['-l', String(Math.max(0, Math.floor(bytes))), file]);
}
