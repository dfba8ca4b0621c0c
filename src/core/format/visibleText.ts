/**
 * Text as a reader sees it: what a marking, a page header or footer, a title line or a file name may
 * hold. Characters that change how text is shown without showing anything themselves are taken out, so
 * "TLP:<right-to-left override>DER" prints as the "TLP:DER" it really is (never displayed as "TLP:RED"),
 * and a search for the printed words finds them.
 */

// Bidirectional controls (embeddings, overrides, isolates, the directional marks and the Arabic letter
// mark): they reorder what is shown, which is how a marking is spoofed.
const BIDI = '\\u202A-\\u202E\\u2066-\\u2069\\u200E\\u200F\\u061C';
// Zero-width and invisible characters: spaces and joiners of no width, the word joiner and invisible
// operators, the byte-order mark, the soft hyphen, the Mongolian vowel separator, the combining grapheme
// joiner, the deprecated format controls and the interlinear annotation marks.
const INVISIBLE = '\\u200B-\\u200D\\u2060-\\u2064\\u206A-\\u206F\\uFEFF\\u00AD\\u180E\\u034F\\uFFF9-\\uFFFB';
// Variation selectors are dropped too: in a marking, header or file name they change nothing a reader
// needs, an orphan one is invisible, and runs of them can carry hidden data. The supplementary ones and
// the tag characters sit above U+FFFF, hence the u flag.
const SUPPLEMENTARY = '\\u{E0001}\\u{E0020}-\\u{E007F}\\u{E0100}-\\u{E01EF}';
const SELECTORS = '\\uFE00-\\uFE0F';

// eslint-disable-next-line no-misleading-character-class -- the selectors and joiners are listed to be removed, one at a time
const HIDDEN = new RegExp(`[${BIDI}${INVISIBLE}${SELECTORS}${SUPPLEMENTARY}]`, 'gu');
// Characters that draw as an empty space (Hangul fillers, the blank Braille pattern) count as spaces.
const BLANK = /[\u115F\u1160\u3164\uFFA0\u2800]/g;
// Control characters left after the whitespace ones became spaces, and unpaired surrogate halves.
// eslint-disable-next-line no-control-regex -- these are exactly the characters being removed
const CONTROL = /[\u0000-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const PRINTABLE_ASCII = /^[\x20-\x7E]*$/;

/** One line of what a reader sees: hidden characters removed, line breaks and runs of spaces one space, trimmed. */
export function visibleText(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  const value = String(text);
  // Printable ASCII alone (most text) has nothing hidden: only the spaces to fold. Documents call this for every cell.
  if (PRINTABLE_ASCII.test(value)) return value.replace(/ {2,}/g, ' ').trim();
  // Not normalized: composed and decomposed accents look the same, and documents call this for every cell.
  return value.replace(HIDDEN, '').replace(BLANK, ' ').replace(/\s+/g, ' ').replace(CONTROL, '').replace(/ {2,}/g, ' ').trim();
}

/** Whether anything is left to see: a zero-width space, or only spaces, is not text. */
export function hasVisibleText(text: string | null | undefined): boolean {
  return visibleText(text) !== '';
}
