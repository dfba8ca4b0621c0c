/**
 * The export choices remembered per assessment (documents, what to include, the marking typed), so they
 * survive leaving the Export screen and restarting. Kept in localStorage, not in the workbook: they are
 * a person's way of working, not records of the CSMS, so they belong neither in the change log nor in a
 * bundle. What is read back is bounded and checked; anything damaged falls back to the defaults.
 */
import { DOCUMENT_KINDS, type DocumentKind } from '../../core/documents/build';
import { MARKING_MAX } from '../../core/documents/marking';

export interface ExportChoices {
  kinds: DocumentKind[];
  includeNarratives: boolean;
  includeReviewerComments: boolean;
  includeLicensedText: boolean;
  /** The marking typed; null while the organization's is used. */
  marking: string | null;
}

export const DEFAULT_EXPORT_CHOICES: ExportChoices = {
  kinds: [...DOCUMENT_KINDS],
  includeNarratives: true,
  includeReviewerComments: false,
  includeLicensedText: false,
  marking: null,
};

/** Far more than a valid entry needs; a longer one is not parsed at all. */
const MAX_STORED_CHARS = 2_000;

const keyOf = (dbName: string, assessmentId: string) => `csms.exportChoices.${dbName}.${assessmentId}`;

const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

/** The choices a stored text holds, each field checked on its own; the defaults for whatever is wrong. */
export function parseExportChoices(text: string | null): ExportChoices {
  if (!text || text.length > MAX_STORED_CHARS) return DEFAULT_EXPORT_CHOICES;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return DEFAULT_EXPORT_CHOICES;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return DEFAULT_EXPORT_CHOICES;
  const r = raw as Record<string, unknown>;
  const d = DEFAULT_EXPORT_CHOICES;
  const kinds = Array.isArray(r.kinds) ? DOCUMENT_KINDS.filter((k) => (r.kinds as unknown[]).includes(k)) : d.kinds;
  const marking = typeof r.marking === 'string' && r.marking.length <= MARKING_MAX ? r.marking : null;
  return {
    kinds,
    includeNarratives: flag(r.includeNarratives, d.includeNarratives),
    includeReviewerComments: flag(r.includeReviewerComments, d.includeReviewerComments),
    includeLicensedText: flag(r.includeLicensedText, d.includeLicensedText),
    marking,
  };
}

export function readExportChoices(dbName: string, assessmentId: string): ExportChoices {
  if (!assessmentId) return DEFAULT_EXPORT_CHOICES;
  try {
    return parseExportChoices(localStorage.getItem(keyOf(dbName, assessmentId)));
  } catch {
    return DEFAULT_EXPORT_CHOICES;
  }
}

export function writeExportChoices(dbName: string, assessmentId: string, choices: ExportChoices): void {
  if (!assessmentId) return;
  try {
    localStorage.setItem(keyOf(dbName, assessmentId), JSON.stringify(choices));
  } catch {
    // Storage full or blocked: the choices are then only kept while the screen is open.
  }
}
