/**
 * The licensed-text overlay: a user who owns the standard imports the official wording (CSV or
 * JSON of requirement ID, text and optionally title). It stays on the user's machine. This module
 * parses and validates it; IDs the catalogue does not know are reported, never silently dropped.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { describeShapeProblem, findShapeProblem, isForbiddenKey } from '../validation/forbiddenKeys';
import { csvBoundsProblem, headerDelimiter } from './csvBounds';
import { normalizeId } from './lookup';
import type { Requirement } from './types';

export interface OverlayEntry {
  id: string;
  text: string;
  title?: string;
}

export interface OverlayImport {
  /** Entries whose ID is in the catalogue, with the ID in the catalogue's form. */
  entries: OverlayEntry[];
  /** IDs in the file that the catalogue does not have, as written in the file. */
  unknownIds: string[];
}

export type OverlayOutcome = { ok: true; value: OverlayImport } | { ok: false; errors: string[] };

/**
 * Every cap is checked before the costly step it protects: bytes before the file is read, lines and
 * columns before PapaParse, nesting and size before the JSON rows are read, and the error list before
 * it is shown (a 2.5-million-column file once produced a 69-million-character message).
 */
export const OVERLAY_LIMITS = {
  fileBytes: 5_000_000,
  fileChars: 5_000_000,
  lineChars: 100_000,
  columns: 10,
  rows: 2_000,
  textChars: 20_000,
  titleChars: 300,
  jsonDepth: 8,
  jsonValues: 100_000,
  errors: 10,
  errorChars: 300,
} as const;

const rowSchema = z.strictObject({
  id: z.string().trim().min(1, 'id must not be empty').max(40, 'id is too long'),
  text: z
    .string()
    .trim()
    .min(1, 'text must not be empty')
    .max(OVERLAY_LIMITS.textChars, `text is longer than ${OVERLAY_LIMITS.textChars} characters`),
  title: z.string().trim().max(OVERLAY_LIMITS.titleChars, `title is longer than ${OVERLAY_LIMITS.titleChars} characters`).optional(),
});

/** Column names people are likely to use, mapped to ours. */
const HEADER_ALIASES: Record<string, keyof OverlayEntry> = {
  id: 'id',
  'requirement id': 'id',
  requirement: 'id',
  text: 'text',
  'official text': 'text',
  title: 'title',
  'official title': 'title',
};

const TOO_LARGE = 'the file is larger than 5 MB';

/** Checked on the file's size before its text is read, so a huge file is never loaded. */
export function overlaySizeProblem(fileName: string, bytes: number): string | null {
  return bytes > OVERLAY_LIMITS.fileBytes ? `${fileName}: ${TOO_LARGE}` : null;
}

/** At most a screenful: the first problems, each shortened, and a count of the rest. */
export function capErrors(errors: readonly string[]): string[] {
  const { errors: shown, errorChars } = OVERLAY_LIMITS;
  const lines = errors.slice(0, shown).map((e) => (e.length > errorChars ? `${e.slice(0, errorChars - 1)}…` : e));
  if (errors.length > shown) lines.push(`and ${errors.length - shown} more problems`);
  return lines;
}

function rowsFromCsv(text: string): { rows: Record<string, string>[]; errors: string[] } {
  const delimiter = headerDelimiter(text, OVERLAY_LIMITS.lineChars);
  const bounds = csvBoundsProblem(text, delimiter, OVERLAY_LIMITS);
  if (bounds) return { rows: [], errors: [bounds] };
  const reserved: string[] = [];
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    delimiter,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => {
      const name = h.trim();
      // PapaParse uses these names as property names; a reserved one would reach the prototype.
      if (isForbiddenKey(name)) reserved.push(name);
      const alias = name.toLowerCase();
      return Object.hasOwn(HEADER_ALIASES, alias) ? HEADER_ALIASES[alias]! : `unknown column "${name}"`;
    },
  });
  if (reserved.length) {
    return { rows: [], errors: [`the column name "${reserved[0]}" is not allowed; use the columns id, text and (optionally) title`] };
  }
  const errors = parsed.errors.slice(0, OVERLAY_LIMITS.errors).map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
  const unknownColumns = (parsed.meta.fields ?? []).filter((f) => f.startsWith('unknown column'));
  if (unknownColumns.length) errors.push(`${unknownColumns.join(', ')}: use the columns id, text and (optionally) title`);
  if (!(parsed.meta.fields ?? []).includes('id') || !(parsed.meta.fields ?? []).includes('text')) {
    errors.push('the first line must name the columns id and text (and optionally title)');
  }
  return { rows: parsed.data, errors };
}

function rowsFromJson(text: string): { rows: unknown[]; errors: string[] } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { rows: [], errors: ['the file is not valid JSON'] };
  }
  // JSON.parse makes "__proto__" an own key; it is refused before any field is read.
  const problem = findShapeProblem(data, { maxDepth: OVERLAY_LIMITS.jsonDepth, maxValues: OVERLAY_LIMITS.jsonValues });
  if (problem) return { rows: [], errors: [describeShapeProblem(problem)] };
  const rows = Array.isArray(data) ? data : (data as { requirements?: unknown } | null)?.requirements;
  if (!Array.isArray(rows)) return { rows: [], errors: ['expected a list of {id, text, title} objects, or {"requirements": [...]}'] };
  return { rows, errors: [] };
}

/**
 * Parses and checks an overlay file against the requirement IDs of one catalogue (a set of IDs
 * rather than the catalogue itself, so the parse can run in a worker). Errors come back capped.
 */
export function parseOverlay(fileName: string, text: string, knownIds: ReadonlySet<string>): OverlayOutcome {
  const outcome = parseUncapped(fileName, text, knownIds);
  return outcome.ok ? outcome : { ok: false, errors: capErrors(outcome.errors) };
}

function parseUncapped(fileName: string, text: string, knownIds: ReadonlySet<string>): OverlayOutcome {
  if (text.length > OVERLAY_LIMITS.fileChars) return { ok: false, errors: [`${fileName}: ${TOO_LARGE}`] };
  const isJson = /\.json$/i.test(fileName) || /^\s*[[{]/.test(text);
  const { rows, errors } = isJson ? rowsFromJson(text) : rowsFromCsv(text.replace(/^\uFEFF/, ''));
  if (rows.length > OVERLAY_LIMITS.rows) errors.push(`the file has ${rows.length} rows; at most ${OVERLAY_LIMITS.rows} are accepted`);
  if (rows.length === 0 && errors.length === 0) errors.push('the file has no rows');
  if (errors.length) return { ok: false, errors: errors.map((e) => `${fileName}: ${e}`) };

  const entries: OverlayEntry[] = [];
  const unknownIds: string[] = [];
  const seen = new Set<string>();
  rows.forEach((raw, i) => {
    const where = isJson ? `entry ${i + 1}` : `row ${i + 2}`;
    const row = rowSchema.safeParse(raw);
    if (!row.success) {
      errors.push(
        `${fileName}: ${where}: ${row.error.issues.map((issue) => (issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : issue.message)).join('; ')}`,
      );
      return;
    }
    const id = normalizeId(row.data.id);
    if (seen.has(id)) errors.push(`${fileName}: ${where}: ${id} appears more than once`);
    seen.add(id);
    if (!knownIds.has(id)) {
      unknownIds.push(row.data.id);
      return;
    }
    entries.push({ id, text: row.data.text, ...(row.data.title ? { title: row.data.title } : {}) });
  });
  return errors.length ? { ok: false, errors } : { ok: true, value: { entries, unknownIds } };
}

/** A requirement as shown: the project's own guidance with the official wording beside it, if any. */
export interface RequirementView extends Requirement {
  official?: { text: string; title?: string };
}

export function withOverlay(requirement: Requirement, overlay: ReadonlyMap<string, OverlayEntry>): RequirementView {
  const entry = overlay.get(requirement.id);
  if (!entry) return requirement;
  return { ...requirement, official: { text: entry.text, ...(entry.title ? { title: entry.title } : {}) } };
}
