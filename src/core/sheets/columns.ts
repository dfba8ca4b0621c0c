/**
 * The columns of each sheet: a stable machine key, the header people read, a width, and the kind of
 * value. The headers are the import contract of docs/spreadsheet-format.md: change one only with a new
 * format number there.
 */

/** How a column's values are written: text (IDs included), a number cell, or a date cell. */
export type ColumnKind = 'text' | 'number' | 'date';

export interface SheetColumn {
  key: string;
  header: string;
  /** In characters, as spreadsheets measure column width. */
  width: number;
  kind: ColumnKind;
}

const text = (key: string, header: string, width: number): SheetColumn => ({ key, header, width, kind: 'text' });
const date = (key: string, header: string): SheetColumn => ({ key, header, width: 12, kind: 'date' });

/** Raised whenever a header or key below changes meaning; read back from the About sheet on import. */
export const SHEETS_FORMAT = 1;

export const ANSWER_COLUMNS: readonly SheetColumn[] = [
  text('requirementId', 'Requirement ID', 14),
  text('element', 'Element', 24),
  text('spe', 'SPE', 24),
  text('title', 'Title', 40),
  text('applicable', 'Applicable', 11),
  text('justification', 'Justification', 30),
  text('target', 'Target', 8),
  text('achieved', 'Achieved', 9),
  { key: 'gap', header: 'Gap', width: 6, kind: 'number' },
  text('evidenceIds', 'Evidence IDs', 20),
  text('validEvidence', 'Valid evidence', 13),
  text('narrative', 'Narrative', 50),
  text('gaps', 'Gaps', 40),
  text('catalogueMarks', 'Catalogue marks', 22),
];

export const FINDING_COLUMNS: readonly SheetColumn[] = [
  text('findingId', 'Finding ID', 16),
  text('requirementId', 'Requirement ID', 14),
  text('grade', 'Grade', 12),
  text('reason', 'Reason', 14),
  text('risk', 'Risk', 50),
  text('recommendation', 'Recommendation', 50),
  text('actionIds', 'Actions', 20),
];

export const ACTION_COLUMNS: readonly SheetColumn[] = [
  text('actionId', 'Action ID', 11),
  text('requirementId', 'Requirement ID', 14),
  text('description', 'Description', 50),
  text('owner', 'Owner', 20),
  text('priority', 'Priority', 10),
  text('status', 'Status', 12),
  date('due', 'Due'),
  text('overdue', 'Overdue', 9),
  text('expectedLevel', 'Expected level', 14),
  text('closureCheck', 'Closure check', 40),
];

export const EVIDENCE_COLUMNS: readonly SheetColumn[] = [
  text('evidenceId', 'Evidence ID', 11),
  text('title', 'Title', 40),
  text('kind', 'Kind', 7),
  text('fileName', 'File name', 30),
  { key: 'sizeBytes', header: 'Size (bytes)', width: 14, kind: 'number' },
  text('sha256', 'SHA-256', 66),
  text('location', 'Location', 30),
  date('collected', 'Collected'),
  date('expires', 'Expires'),
  text('expired', 'Expired', 8),
  text('owner', 'Owner', 20),
  text('classification', 'Classification', 16),
  text('requirementIds', 'Requirements supported', 30),
];
