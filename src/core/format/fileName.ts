/**
 * File names safe on Windows, macOS and Linux and inside a zip, for any script: names in Cyrillic,
 * Chinese or Arabic keep their letters. Control characters, reserved characters and separators go;
 * characters that hide or reorder text (zero-width, bidi overrides) are dropped, so a name cannot
 * look like something it is not; the length is capped in UTF-8 bytes, as file systems count it.
 */
const RESERVED = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

// Zero-width and joiner characters, bidi marks, embeddings, overrides and isolates, the word joiner
// and invisible operators, the byte order mark, and the other format characters (Unicode class Cf).
const INVISIBLE = /[\p{Cf}\u115F\u1160\u3164\uFFA0\u180E]/gu;

/** Most file systems take 255 bytes; the margin leaves room for what callers add around a base. */
const DEFAULT_MAX_BYTES = 200;

const encoder = new TextEncoder();

/** The longest start of `text` within `maxBytes` of UTF-8, never splitting a character or its marks. */
export function capBytes(text: string, maxBytes: number): string {
  if (encoder.encode(text).length <= maxBytes) return text;
  let out = '';
  let used = 0;
  // Whole characters with their combining marks, so no accent is left hanging off a cut letter.
  for (const cluster of text.match(/\P{M}\p{M}*|\p{M}+/gu) ?? []) {
    const size = encoder.encode(cluster).length;
    if (used + size > maxBytes) break;
    out += cluster;
    used += size;
  }
  return out;
}

function trimEnds(text: string): string {
  return text.replace(/^[.\s]+|[.\s]+$/g, '');
}

/**
 * A name kept as the user wrote it where it is safe: spaces and punctuation stay, reserved
 * characters and control characters become "_". For a name the user chose, as in a save dialog.
 */
export function safeFileName(name: string, fallback = 'file', maxBytes = DEFAULT_MAX_BYTES): string {
  const cleaned = trimEnds(
    String(name)
      .normalize('NFC')
      .replace(INVISIBLE, '')
      // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
      .replace(/[\u0000-\u001f\u007f-\u009f<>:"/\\|?*]/g, '_')
      .replace(/\s+/g, ' '),
  );
  const capped = trimEnds(capBytes(cleaned, maxBytes));
  if (!capped || RESERVED.test(capped)) return fallback;
  return capped;
}

/**
 * A readable name for an exported file: letters and digits of any script, joined by single hyphens,
 * accents on Latin letters dropped ("Évaluation 2026" → "Evaluation-2026", "Завод №1" → "Завод-1").
 */
export function exportBaseName(name: string, fallback = 'assessment', maxBytes = 80): string {
  const words = String(name)
    .replace(INVISIBLE, '')
    .normalize('NFD')
    .replace(/([A-Za-z])\p{M}+/gu, '$1')
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}\p{M}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  const capped = capBytes(words, maxBytes).replace(/-+$/, '');
  if (!capped || RESERVED.test(capped)) return fallback;
  return capped;
}

/** "<name>_<what>.<extension>", e.g. "2026-CSMS-self-assessment_evidence-package.zip": every export's file name. */
export function exportFileName(name: string, what: string, extension: string, fallback = 'assessment'): string {
  return `${exportBaseName(name, fallback)}_${exportBaseName(what, 'export')}.${extension}`;
}
