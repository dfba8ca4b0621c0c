/**
 * The version of the workbook's data format (records and change log) this build reads and writes.
 * A database or file of a newer format is refused, never misread; an older one is upgraded on load.
 */
export const DATA_FORMAT_VERSION = 1;
