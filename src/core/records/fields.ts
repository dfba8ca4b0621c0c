/**
 * The pieces the record schemas are built from: every limit and every format, each defined once.
 * Messages are clauses a person can act on ("the title is too long"); callers put them into sentences.
 */
import { z } from 'zod';
import { isCalendarDate, isIsoDateTime } from '../format/calendarDate';
import { hasVisibleText, visibleText } from '../format/visibleText';
import { SHA256_HEX } from '../hashing/sha256';
import { EVIDENCE_ID } from './evidenceId';

/** How long each kind of text may be, and how many entries a list may hold. */
export const RECORD_LIMITS = {
  /** Record IDs (the app writes UUIDs) and the references to them. */
  id: 100,
  requirementId: 40,
  speId: 40,
  catalogueId: 64,
  catalogueVersion: 40,
  /** Program elements an assessment's scope may name; no catalogue has more. */
  scope: 50,
  evidenceId: 20,
  name: 200,
  role: 200,
  email: 200,
  owner: 200,
  /** A classification marking such as TLP:AMBER. */
  classification: 40,
  siteLocation: 300,
  title: 300,
  fileName: 1_000,
  mediaType: 200,
  /** Where a linked document is held: a URL, a path, a document number. */
  documentLocation: 2_000,
  note: 50_000,
  description: 5_000,
  signOffNote: 5_000,
  justification: 10_000,
  narrative: 100_000,
  gaps: 50_000,
  reviewComment: 20_000,
  /** Each text of a compensating countermeasure: the measure, why the original cannot be met, the risk left. */
  countermeasure: 5_000,
  /** Each text of an assessment's conduct and scope: the boundary, exclusions, sampling, limitations. */
  conductText: 20_000,
  /** The assessor's overall conclusion and the management statement, each. */
  conclusion: 50_000,
  /** Rows of each list of the conduct: zones and conduits, team, interviewees, documents, evidence. */
  conductRows: 200,
  /** A short entry of those lists: a zone's name, a role, a document reviewed. */
  conductEntry: 300,
  /** What a zone or conduit holds or carries. */
  zoneDescription: 2_000,
  /** The assessor's own risk statement or recommendation for a finding. */
  findingText: 5_000,
  /** How closing a remediation action will be checked. */
  closureCheck: 2_000,
} as const;

const tooLong = (label: string, max: number) => `${label} is too long (${max.toLocaleString('en')} characters at most)`;

/** Text kept exactly as typed: answers are saved while being typed, and trimming would eat the space just typed. */
export const asTyped = (max: number, label: string) => z.string().max(max, tooLong(label, max));

/** Text stored without surrounding spaces. */
export const trimmed = (max: number, label: string) => z.string().trim().max(max, tooLong(label, max));

/** Trimmed text that must say something; `missing` is what a person is told when it does not. */
export const filled = (max: number, label: string, missing: string) => trimmed(max, label).min(1, missing);

/** An identifier as the app writes it: never empty, never trimmed. */
export const identifier = (max: number, label: string, missing = `${label} is missing`) =>
  z.string().min(1, missing).max(max, tooLong(label, max));

export const recordId = identifier(RECORD_LIMITS.id, 'the ID');
export const requirementId = identifier(RECORD_LIMITS.requirementId, 'the requirement ID');
export const evidenceId = identifier(RECORD_LIMITS.evidenceId, 'the evidence ID').regex(EVIDENCE_ID, 'an evidence ID looks like EV-0001');
export const sha256 = z.string().regex(SHA256_HEX, 'a SHA-256 hash is 64 lower-case hex digits');
/**
 * A classification marking: empty when none is set; otherwise stored as a reader sees it (no bidi
 * controls or zero-width characters that could make it display as another marking), and refused when
 * nothing visible is left.
 */
export const classification = z
  .string()
  .max(RECORD_LIMITS.classification, tooLong('the classification', RECORD_LIMITS.classification))
  .refine((text) => text === '' || hasVisibleText(text), {
    error: 'the classification has nothing visible in it (leave it empty or write a marking such as TLP:AMBER)',
  })
  .transform(visibleText);

/** The names zod reports in an invalid_format issue, so a reader can word it its own way. */
export const DATE_FORMAT = 'date';
export const DATE_TIME_FORMAT = 'datetime';

/** A calendar day written YYYY-MM-DD that exists (2026-02-30 does not). */
export const calendarDate = (message = 'dates must be written YYYY-MM-DD') =>
  z.stringFormat(DATE_FORMAT, isCalendarDate, { error: message });

/** A moment, as toISOString writes it: when a record was created or changed. */
export const isoDateTime = z.stringFormat(DATE_TIME_FORMAT, isIsoDateTime, { error: 'times must be ISO date-times' });

/** ML0 (not implemented) to ML4 (improving). */
export const MATURITY_LEVELS = [0, 1, 2, 3, 4] as const;
export const maturityLevel = z.literal(MATURITY_LEVELS, { error: 'a maturity level is ML0 to ML4' });
