/**
 * Maps an app:// URL to a file inside the packaged renderer folder. Anything that could step
 * outside that folder (.., encoded separators, NUL bytes) maps to nothing.
 */
import path from 'node:path';
import { isAppUrl } from './trustedUrl';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export function contentTypeFor(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/** Returns the absolute file path for the URL, or null when it is not a file of the app. */
export function resolveAppPath(url: string, root: string): string | null {
  if (!isAppUrl(url)) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0') || pathname.includes('\\')) return null;
  const segments = pathname.split('/').filter((s) => s !== '' && s !== '.');
  if (segments.some((s) => s === '..')) return null;
  // The renderer is a single page: routes without a file extension load the page itself.
  const relative = segments.length === 0 || !path.posix.extname(segments[segments.length - 1]!) ? 'index.html' : segments.join('/');
  const resolvedRoot = path.resolve(root);
  const file = path.resolve(resolvedRoot, relative);
  const inside = path.relative(resolvedRoot, file);
  if (inside.startsWith('..') || path.isAbsolute(inside)) return null;
  return file;
}
