/**
 * Pure URL decisions used by the security guards: what counts as the app itself, and which
 * requests may leave the renderer. Compared with the URL parser, never with string prefixes.
 */
import { APP_HOST, APP_SCHEME } from './origin';

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True when the URL is a page or file of the app's own origin. */
export function isAppUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  // Node's URL gives custom schemes an opaque origin, so compare scheme, host and port one by one.
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.hostname.toLowerCase() === APP_HOST &&
    parsed.port === '' &&
    parsed.username === '' &&
    parsed.password === ''
  );
}

/**
 * True for requests the renderer may make: the app's own files, plus the blob:/data: URLs the app
 * creates for previews and downloads, and devtools' own pages. Everything else is cancelled.
 */
export function isAllowedRequest(url: string): boolean {
  if (isAppUrl(url)) return true;
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === 'data:') return true;
  if (parsed.protocol === 'blob:') return isAppUrl(url.slice('blob:'.length));
  if (parsed.protocol === 'devtools:') return true;
  return false;
}
