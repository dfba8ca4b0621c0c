/** How a database is marked as a review copy (meta key), and what a refused change is told. */
export const REVIEW_COPY_KEY = 'reviewCopy';

export const REVIEW_COPY_MESSAGE =
  'This is a review copy of someone else’s workbook: their answers, evidence and actions cannot be changed here. Record your verdicts and comments instead. Nothing was changed.';

/** What the mark records: the assessment under review and the change-log head the bundle ended at. */
export interface ReviewCopyMark {
  assessmentId: string;
  basedOn: { count: number; head: string };
  bundleName: string;
  openedAt: string;
}
