/** The command line's two kinds of failure: the user's input (exit 2) and everything else (exit 1). */

export const EXIT = { ok: 0, failure: 1, badInput: 2 } as const;

/** A problem with what the user gave: reported as one line, never with a stack. */
export class InputError extends Error {
  override name = 'InputError';
}

const FS_REASONS: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'the file system is read-only',
  EISDIR: 'it is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ENAMETOOLONG: 'the name is too long',
  ENOSPC: 'the disk is full',
};

/** A file-system error on a path the user named, as an InputError; anything else is rethrown. */
export function fsInputError(error: unknown, file: string, doing: string): never {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code ? FS_REASONS[code] : undefined;
  if (reason) throw new InputError(`${file}: cannot ${doing}: ${reason}`);
  throw error;
}
