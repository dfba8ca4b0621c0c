/**
 * The workbook's records as plain types, shared by the database layer, scoring and documents.
 * Dates are ISO strings: timestamps as full ISO date-times, calendar dates as YYYY-MM-DD.
 */

export type MaturityLevel = 0 | 1 | 2 | 3 | 4;
export const MATURITY_LEVELS: readonly MaturityLevel[] = [0, 1, 2, 3, 4];

export interface Organization {
  id: 'organization';
  name: string;
  /** Classification marking printed on exports, e.g. TLP:AMBER. */
  classification: string;
}

export interface Site {
  id: string;
  name: string;
  location: string;
  createdAt: string;
}

export interface Person {
  id: string;
  name: string;
  role: string;
  email: string;
  createdAt: string;
}

export type AssessmentStatus = 'draft' | 'in-review' | 'signed-off';

export interface SignOff {
  by: string;
  role: string;
  at: string;
  note: string;
}

export interface Assessment {
  id: string;
  name: string;
  siteId: string;
  catalogueId: string;
  catalogueVersion: string;
  periodStart: string;
  periodEnd: string;
  /** SPE IDs in scope; requirements outside are not assessed. */
  scope: string[];
  defaultTargetLevel: MaturityLevel;
  status: AssessmentStatus;
  archived: boolean;
  /** The assessment this one was carried over from, if any. */
  carriedFrom?: string;
  signOff?: SignOff;
  createdAt: string;
  updatedAt: string;
}

export type ReviewStatus = 'none' | 'flagged' | 'reviewed';

export interface Response {
  assessmentId: string;
  requirementId: string;
  applicable: boolean;
  /** Required when not applicable. */
  justification: string;
  /** null: the assessment's default target applies. */
  targetLevel: MaturityLevel | null;
  /** null: not assessed yet. */
  achievedLevel: MaturityLevel | null;
  narrative: string;
  gaps: string;
  reviewStatus: ReviewStatus;
  reviewComment: string;
  carriedOver: boolean;
  updatedAt: string;
  updatedBy: string;
}

export type EvidenceKind = 'file' | 'link' | 'note';

export interface Evidence {
  /** EV-0001: stable, never reused. */
  id: string;
  number: number;
  title: string;
  kind: EvidenceKind;
  /** file: the original name, size, media type and content hash. */
  fileName?: string;
  mediaType?: string;
  size?: number;
  sha256?: string;
  /** link: where the document is held (a URL, a path, a document number); never fetched. */
  location?: string;
  /** note: the observation itself. */
  note?: string;
  collectedOn?: string;
  expiresOn?: string;
  owner: string;
  classification: string;
  createdAt: string;
  updatedAt: string;
}

export interface EvidenceLink {
  evidenceId: string;
  assessmentId: string;
  requirementId: string;
  createdAt: string;
}

export type ActionPriority = 'low' | 'medium' | 'high' | 'critical';
export type ActionStatus = 'open' | 'in-progress' | 'done' | 'cancelled';

export interface Action {
  id: string;
  assessmentId: string;
  requirementId: string;
  description: string;
  owner: string;
  dueDate?: string;
  priority: ActionPriority;
  status: ActionStatus;
  createdAt: string;
  updatedAt: string;
}
