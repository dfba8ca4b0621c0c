/** Database failures as messages a person can act on. */

export type WorkbookErrorKind = 'quota' | 'newer-format' | 'open-failed' | 'invalid' | 'conflict' | 'not-found';

export class WorkbookError extends Error {
  constructor(
    message: string,
    readonly kind: WorkbookErrorKind,
  ) {
    super(message);
    this.name = 'WorkbookError';
  }
}

export const DISK_FULL_MESSAGE =
  'The disk is full: your last change was not saved. Free some space or remove large evidence files, then try again.';

function names(error: unknown): string[] {
  const found: string[] = [];
  let current: unknown = error;
  for (let depth = 0; current && depth < 5; depth += 1) {
    const e = current as { name?: string; inner?: unknown; cause?: unknown; message?: string };
    if (e.name) found.push(e.name);
    if (e.message && /quota/i.test(e.message)) found.push('QuotaExceededError');
    current = e.inner ?? e.cause;
  }
  return found;
}

export function isQuotaError(error: unknown): boolean {
  return names(error).includes('QuotaExceededError');
}

/** Maps what IndexedDB throws to a WorkbookError; leaves WorkbookErrors as they are. */
export function toWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  if (isQuotaError(error)) return new WorkbookError(DISK_FULL_MESSAGE, 'quota');
  const message = error instanceof Error ? error.message : String(error);
  return new WorkbookError(`Your change was not saved: ${message}`, 'invalid');
}
