/**
 * The licensed-text overlay: a user who owns the standard imports the official wording (CSV or
 * JSON of requirement ID, text and optionally title). It stays on the user's machine. This module
 * parses and validates it; IDs the catalogue does not know are reported, never silently dropped.
 */
import Papa from 'papaparse';
import { z } from 'zod';
import { normalizeId, type CatalogueIndex } from './lookup';
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

export const OVERLAY_LIMITS = { fileChars: 5_000_000, rows: 2_000, textChars: 20_000, titleChars: 300 } as const;

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

function rowsFromCsv(text: string): { rows: Record<string, string>[]; errors: string[] } {
  const parsed = Papa.parse<Record<string, string>>(text, {
    header: true,
    skipEmptyLines: 'greedy',
    transformHeader: (h) => HEADER_ALIASES[h.trim().toLowerCase()] ?? `unknown column "${h.trim()}"`,
  });
  const errors = parsed.errors.slice(0, 10).map((e) => `row ${(e.row ?? 0) + 2}: ${e.message}`);
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
  const rows = Array.isArray(data) ? data : (data as { requirements?: unknown })?.requirements;
  if (!Array.isArray(rows)) return { rows: [], errors: ['expected a list of {id, text, title} objects, or {"requirements": [...]}'] };
  return { rows, errors: [] };
}

export function parseOverlay(fileName: string, text: string, index: CatalogueIndex): OverlayOutcome {
  if (text.length > OVERLAY_LIMITS.fileChars) return { ok: false, errors: [`${fileName}: the file is larger than 5 MB`] };
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
    if (!index.requirement(id)) {
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
