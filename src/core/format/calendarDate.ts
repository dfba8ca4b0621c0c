/**
 * The two ways the workbook writes time: calendar dates (YYYY-MM-DD, e.g. a due date) and ISO
 * date-times (a record's createdAt). Both are checked as real dates, so 2026-02-30 is refused.
 */

/** The one place the YYYY-MM-DD shape is written down; everything else asks isCalendarDate. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** What may follow the date in a date-time: hours and minutes, optional seconds and fraction, then a zone. */
const TIME_OF_DAY = /^T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d+)?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** A day that exists on the calendar, written YYYY-MM-DD. */
export function isCalendarDate(text: string): boolean {
  if (!CALENDAR_DATE.test(text)) return false;
  const [year, month, day] = text.split('-').map(Number) as [number, number, number];
  // setUTCFullYear, unlike Date.UTC, takes years 0–99 as written; an impossible day rolls over.
  const parsed = new Date(0);
  parsed.setUTCFullYear(year, month - 1, day);
  return parsed.getUTCFullYear() === year && parsed.getUTCMonth() === month - 1 && parsed.getUTCDate() === day;
}

/** An ISO 8601 date-time with a zone (Z or ±hh:mm), as Date.prototype.toISOString writes it. */
export function isIsoDateTime(text: string): boolean {
  return isCalendarDate(text.slice(0, 10)) && TIME_OF_DAY.test(text.slice(10));
}
