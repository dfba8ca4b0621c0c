/** The sample's own database: kept apart so that opening, closing or deleting it never touches the user's workbook. */
export const SAMPLE_DATABASE_NAME = 'csms-workbook-sample';
