/**
 * A file name that is safe on Windows, macOS and Linux and inside a zip: no separators, no control
 * characters, no leading or trailing dots and spaces, no reserved device names.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

export function safeFileName(name: string, fallback = 'file', maxLength = 200): string {
  const cleaned = name
    .normalize('NFC')
    // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
    .replace(/[\u0000-\u001f\u007f<>:"/\\|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, maxLength);
  if (!cleaned || RESERVED.test(cleaned)) return fallback;
  return cleaned;
}
