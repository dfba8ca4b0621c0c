/** Database failures as messages a person can act on. */

export type WorkbookErrorKind =
  'quota' | 'newer-format' | 'open-failed' | 'invalid' | 'conflict' | 'not-found' | 'locked' | 'lost' | 'refused';

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

/**
 * Errors of the storage itself rather than of our data: a transaction aborted by the browser, or the
 * backing store failing. On these machines a full disk showed up as "The transaction was aborted" as
 * often as a quota error, so they get the same message and the same offer of a recovery copy.
 */
export function isStorageFailure(error: unknown): boolean {
  if (error instanceof WorkbookError) return error.kind === 'quota';
  const found = names(error);
  return (
    found.includes('QuotaExceededError') ||
    found.includes('AbortError') ||
    found.includes('UnknownError') ||
    /backing store|internal error/i.test(error instanceof Error ? error.message : String(error))
  );
}

/** Maps what IndexedDB throws to a WorkbookError; leaves WorkbookErrors as they are. */
export function toWorkbookError(error: unknown): WorkbookError {
  if (error instanceof WorkbookError) return error;
  if (isStorageFailure(error)) return new WorkbookError(DISK_FULL_MESSAGE, 'quota');
  return new WorkbookError(plainErrorMessage(error), 'invalid');
}

/** zod's own English, which must never reach the screen: "Too big: expected string to have <=100000 characters". */
const RAW_VALIDATOR_TEXT =
  /^(Too big|Too small|Invalid (input|option|string|type|format|element|key|union))\b|^\s*\[\s*\{\s*"(expected|code|origin)"/;

/**
 * What a person reads when a change fails: a WorkbookError's sentence as it is; anything else as
 * "Your change was not saved: …", except validator text meant for programmers, which becomes `fallback`.
 */
export function plainErrorMessage(error: unknown, fallback = 'Your change was not saved. Check what you typed and try again.'): string {
  if (error instanceof WorkbookError) return error.message;
  if (isStorageFailure(error)) return DISK_FULL_MESSAGE;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : '';
  if (!message || RAW_VALIDATOR_TEXT.test(message) || (error as { name?: string } | null)?.name === 'ZodError') return fallback;
  return `Your change was not saved: ${message}`;
}
