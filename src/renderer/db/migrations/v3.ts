/**
 * Version 3: independent reviews get their own table, and the change log an index by record, so the
 * entries about one record (who last changed an answer) are read without scanning the whole log.
 */
export const version = 3;

export const stores: Record<string, string> = {
  audit: 'seq, [entity+id]',
  reviews: 'id, assessmentId',
};
