/**
 * Text as it goes into a document: user text is cleaned of characters Word cannot read, and the
 * figures of the scoring are written the same way in every document.
 */
import { isCalendarDate } from '../format/calendarDate';
import { visibleText } from '../format/visibleText';
import type { MaturityLevel } from '../records/model';

// C0 controls other than tab and line feed (a carriage return is folded into a line break first),
// DEL and the C1 controls, the two non-characters XML forbids, and halves of surrogate pairs.
const FORBIDDEN =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters being removed
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text made safe for a document: control characters removed, line endings made "\n". */
export function clean(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  return String(text).replace(/\r\n?/g, '\n').replace(FORBIDDEN, '');
}

/**
 * One line of user text as a reader sees it: line breaks and tabs become spaces, runs of spaces one, and
 * characters that hide or reorder text (bidi controls, zero-width characters) are taken out, so every
 * header, footer, cover and title line shows exactly what it says.
 */
export function oneLine(text: string | null | undefined): string {
  return visibleText(clean(text));
}

export function levelLabel(level: MaturityLevel | null | undefined): string {
  return level === null || level === undefined ? 'not assessed' : `ML${level}`;
}

export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function meanLevel(value: number | null): string {
  return value === null ? '—' : value.toFixed(1);
}

/** "2026-06-15T09:00:00.000Z" → "2026-06-15"; a calendar date stays as it is. */
export function day(iso: string | null | undefined): string {
  return iso ? iso.slice(0, 10) : '—';
}

/** A date-time as people read it, in UTC so every reader sees the same. */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  // A calendar date (a sign-off date, say) has no time to print.
  if (isCalendarDate(iso)) return iso;
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** The one mark for a value that is empty or does not apply, in every cell and line of every document. */
export const EMPTY = '—';

/** U+2011: a hyphen no line breaks at, written into the document as Word's non-breaking hyphen. */
export const NO_BREAK_HYPHEN = '\u2011';

/** A token kept on one line: its spaces made non-breaking and its hyphens non-breaking hyphens. */
export function noBreak(token: string): string {
  return token.replace(/ /g, '\u00a0').replace(/-/g, NO_BREAK_HYPHEN);
}

// IDs ("COMP 1.1", "SR 1.2 RE 1", "EV-0001"), dates ("2026-03-01"), sizes ("953 bytes", "1.2 MB") and
// levels with their words ("ML3"): the tokens a reader would misread if a line broke inside them.
const TOKENS =
  /\b(?:\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?: UTC)?)?|\d[\d,.]*\s(?:bytes?|[KMGT]i?B)|[A-Z]{2,6}(?:[ -][0-9][0-9.]*[0-9]?)(?:\s(?:RE|SR)\s\d+(?:\.\d+)*)?|[A-Z]{2,6}-[A-Z0-9]+(?:-[A-Z0-9]+)*)\b/g;

/** Text with every ID, date and size in it kept whole on its line; the rest may break as usual. */
export function keepTokensWhole(text: string): string {
  return text.replace(TOKENS, noBreak);
}
