/**
 * The preview of an answers import: each row of the sheet compared with the stored answer of its
 * requirement, as new, changed (which fields, before → after), unchanged, or rejected with a reason.
 * Only the columns the sheet has are compared or changed; a field without a column is left alone.
 * Levels are compared as the export shows them (an empty target is the assessment's default), and a
 * text is unchanged when it is the export's own copy of the stored one, so a file saved and brought
 * back unedited changes nothing.
 */
import type { Catalogue } from '../catalogue/types';
import { normalizeId } from '../catalogue/lookup';
import { clean } from '../documents/text';
import { RECORD_LIMITS } from '../records/fields';
import type { Assessment, MaturityLevel, Response } from '../records/model';
import { cellText } from './cells';
import { ImportRefused, isHostileHeader, shownHeader, type RawCell, type RawTable } from './importAnswersTable';

export type ImportField = 'applicable' | 'justification' | 'target' | 'achieved' | 'narrative' | 'gaps';
export type PreviewStatus = 'new' | 'changed' | 'unchanged' | 'rejected';

/** The answer's fields an import may change, by their record names. */
export interface AnswerPatch {
  applicable?: boolean;
  justification?: string;
  targetLevel?: MaturityLevel | null;
  achievedLevel?: MaturityLevel | null;
  narrative?: string;
  gaps?: string;
}

export interface FieldChange {
  field: ImportField;
  label: string;
  before: string;
  after: string;
}

export interface PreviewRow {
  line: number;
  /** The catalogue's ID when found, else the ID as written in the sheet. */
  requirementId: string;
  title: string;
  status: PreviewStatus;
  changes: FieldChange[];
  /** What applying the row writes (only the changed fields). */
  patch: AnswerPatch;
  /** The stored values of those fields when the preview was made; applying refuses if they have moved on. */
  expected: AnswerPatch;
  reason?: string;
}

export interface ImportPreview {
  source: string;
  columns: ImportField[];
  rows: PreviewRow[];
  counts: Record<PreviewStatus, number>;
}

export interface ImportContext {
  catalogue: Catalogue;
  assessment: Pick<Assessment, 'scope' | 'defaultTargetLevel'>;
  responses: ReadonlyMap<string, Response>;
}

const LABELS: Record<ImportField, string> = {
  applicable: 'Applicable',
  justification: 'Justification',
  target: 'Target',
  achieved: 'Achieved',
  narrative: 'Narrative',
  gaps: 'Gaps',
};

const TEXT_LIMITS = { justification: RECORD_LIMITS.justification, narrative: RECORD_LIMITS.narrative, gaps: RECORD_LIMITS.gaps } as const;
type TextField = keyof typeof TEXT_LIMITS;

/** Headers as people may type them in a template: case and extra spaces do not matter. */
const headerKey = (header: string) => header.trim().replace(/\s+/g, ' ').toLowerCase();
const KNOWN = new Map<string, ImportField | 'requirementId'>([
  ['requirement id', 'requirementId'],
  ...(Object.keys(LABELS) as ImportField[]).map((f) => [headerKey(LABELS[f]), f] as const),
]);

const TRUNCATED = /… \(truncated, [\d,]+ characters in the workbook\)$/;

/** Which column holds which field; refuses the file when the header row cannot be trusted or used. */
function columnsOf(headers: readonly string[]): { id: number; fields: Map<ImportField, number> } {
  let id = -1;
  const fields = new Map<ImportField, number>();
  headers.forEach((header, index) => {
    if (isHostileHeader(header))
      throw new ImportRefused(`A column is headed "${shownHeader(header)}", which is never a column of answers.`);
    const known = KNOWN.get(headerKey(header));
    if (!known) return;
    if (known === 'requirementId' ? id >= 0 : fields.has(known)) {
      throw new ImportRefused(`Two columns are headed "${shownHeader(header)}"; keep one.`);
    }
    if (known === 'requirementId') id = index;
    else fields.set(known, index);
  });
  if (id < 0) throw new ImportRefused('The sheet has no "Requirement ID" column.');
  if (fields.size === 0) {
    throw new ImportRefused('The sheet has none of the columns Applicable, Justification, Target, Achieved, Narrative or Gaps.');
  }
  return { id, fields };
}

const level = (value: MaturityLevel | null) => (value === null ? 'not assessed' : `ML${value}`);
const yesNo = (value: boolean) => (value ? 'Yes' : 'No');
function shownText(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (!line) return '(empty)';
  return line.length > 80 ? `${line.slice(0, 80)}…` : line;
}

/** ML0 to ML4, also written "2" or "ml 2"; undefined when it is neither. */
function levelOf(text: string): MaturityLevel | undefined {
  const match = /^(?:ml\s*)?([0-9]+)$/i.exec(text.trim());
  const n = match ? Number(match[1]) : NaN;
  return n >= 0 && n <= 4 ? (n as MaturityLevel) : undefined;
}

function applicableOf(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (['yes', 'y', 'true'].includes(word)) return true;
  if (['no', 'n', 'false'].includes(word)) return false;
  return undefined;
}

/** One row's change against the stored answer, or the reason it cannot be applied. */
function compareRow(
  cellFor: (field: ImportField) => RawCell | undefined,
  stored: Response | undefined,
  defaultTarget: MaturityLevel,
): { changes: FieldChange[]; patch: AnswerPatch; expected: AnswerPatch } | { reason: string } {
  for (const field of Object.keys(LABELS) as ImportField[]) {
    const cell = cellFor(field);
    if (cell !== undefined && typeof cell !== 'string') {
      return cell.unreadable === 'formula'
        ? { reason: `the ${LABELS[field]} cell holds a formula; type the value itself (formulas are never worked out)` }
        : { reason: `the ${LABELS[field]} cell holds an error value` };
    }
  }
  const text = (field: ImportField) => cellFor(field) as string | undefined;
  const changes: FieldChange[] = [];
  const patch: AnswerPatch = {};
  const expected: AnswerPatch = {};
  const was = {
    applicable: stored?.applicable ?? true,
    justification: stored?.justification ?? '',
    narrative: stored?.narrative ?? '',
    gaps: stored?.gaps ?? '',
    targetLevel: stored?.targetLevel ?? null,
    achievedLevel: stored?.achievedLevel ?? null,
  };

  const applicableText = text('applicable');
  const applicable = applicableText ? applicableOf(applicableText) : was.applicable;
  if (applicable === undefined) return { reason: 'Applicable must be Yes or No' };
  if (applicable !== was.applicable) {
    patch.applicable = applicable;
    expected.applicable = was.applicable;
    changes.push({ field: 'applicable', label: LABELS.applicable, before: yesNo(was.applicable), after: yesNo(applicable) });
  }

  for (const field of ['justification', 'narrative', 'gaps'] as const satisfies readonly TextField[]) {
    const raw = text(field);
    if (raw === undefined) continue;
    const value = clean(raw);
    // The export's copy of the stored text (cleaned, perhaps cut short) is the stored text unchanged.
    if (value === was[field] || value === cellText(was[field])) continue;
    if (TRUNCATED.test(value)) return { reason: `the ${LABELS[field]} was cut short when it was exported; edit the full text in the app` };
    if (value.length > TEXT_LIMITS[field]) {
      return { reason: `the ${LABELS[field]} is longer than ${TEXT_LIMITS[field].toLocaleString('en')} characters` };
    }
    patch[field] = value;
    expected[field] = was[field];
    changes.push({ field, label: LABELS[field], before: shownText(was[field]), after: shownText(value) });
  }

  // The export leaves both levels empty for a requirement that does not apply: empty then says nothing.
  const targetText = text('target');
  if (targetText !== undefined && (targetText.trim() !== '' || applicable)) {
    const target = targetText.trim() === '' ? null : levelOf(targetText);
    if (target === undefined || target === 0) return { reason: `the target "${shownText(targetText)}" is not ML1 to ML4` };
    const before = was.targetLevel ?? defaultTarget;
    if ((target ?? defaultTarget) !== before) {
      patch.targetLevel = target;
      expected.targetLevel = was.targetLevel;
      const after = target === null ? `ML${defaultTarget} (the assessment's default)` : `ML${target}`;
      changes.push({ field: 'target', label: LABELS.target, before: `ML${before}`, after });
    }
  }
  const achievedText = text('achieved');
  if (achievedText !== undefined && (achievedText.trim() !== '' || applicable)) {
    const achieved = achievedText.trim() === '' ? null : levelOf(achievedText);
    if (achieved === undefined) return { reason: `the achieved level "${shownText(achievedText)}" is not ML0 to ML4` };
    if (achieved !== was.achievedLevel) {
      patch.achievedLevel = achieved;
      expected.achievedLevel = was.achievedLevel;
      changes.push({ field: 'achieved', label: LABELS.achieved, before: level(was.achievedLevel), after: level(achieved) });
    }
  }

  const justification = patch.justification ?? was.justification;
  if (changes.length > 0 && !applicable && justification.trim() === '') {
    return { reason: 'a requirement marked not applicable needs a justification' };
  }
  return { changes, patch, expected };
}

function counted(rows: readonly PreviewRow[]): Record<PreviewStatus, number> {
  const counts: Record<PreviewStatus, number> = { new: 0, changed: 0, unchanged: 0, rejected: 0 };
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

/** Compares every row of the sheet with the stored answers. Throws ImportRefused when the header row is unusable. */
export function previewAnswersImport(table: RawTable, context: ImportContext): ImportPreview {
  const { id: idColumn, fields } = columnsOf(table.headers);
  const requirements = new Map<string, { id: string; title: string; speId: string }>();
  for (const spe of context.catalogue.spes) {
    for (const element of spe.elements) {
      for (const r of element.requirements) requirements.set(normalizeId(r.id), { id: r.id, title: r.title, speId: spe.id });
    }
  }
  const scope = new Set(context.assessment.scope);
  const lines = new Map<string, number[]>();
  const rows: PreviewRow[] = [];
  for (const row of table.rows) {
    const cellFor = (field: ImportField) => {
      const at = fields.get(field);
      return at === undefined ? undefined : (row.cells[at] ?? '');
    };
    const idCell = row.cells[idColumn] ?? '';
    const empty = { changes: [], patch: {}, expected: {} };
    const reject = (requirementId: string, reason: string, title = ''): PreviewRow => ({
      line: row.line,
      requirementId,
      title,
      status: 'rejected',
      reason,
      ...empty,
    });
    if (typeof idCell !== 'string') {
      rows.push(reject('', 'the Requirement ID cell holds a formula or an error value'));
      continue;
    }
    const written = idCell.replace(/\s+/g, ' ').trim().slice(0, 60);
    if (!written) {
      if ([...fields.values()].some((at) => row.cells[at] !== undefined && row.cells[at] !== ''))
        rows.push(reject('', 'the row has no requirement ID'));
      continue;
    }
    const requirement = requirements.get(normalizeId(written));
    if (!requirement) {
      rows.push(reject(written, 'there is no requirement with this ID in the assessment’s catalogue'));
      continue;
    }
    lines.set(requirement.id, [...(lines.get(requirement.id) ?? []), row.line]);
    if (!scope.has(requirement.speId)) {
      rows.push(
        reject(
          requirement.id,
          `the requirement is outside the assessment’s scope (${requirement.speId} is not assessed)`,
          requirement.title,
        ),
      );
      continue;
    }
    const stored = context.responses.get(requirement.id);
    const compared = compareRow(cellFor, stored, context.assessment.defaultTargetLevel);
    if ('reason' in compared) rows.push(reject(requirement.id, compared.reason, requirement.title));
    else {
      const status: PreviewStatus = compared.changes.length === 0 ? 'unchanged' : stored ? 'changed' : 'new';
      rows.push({ line: row.line, requirementId: requirement.id, title: requirement.title, status, ...compared });
    }
  }
  // A requirement on two rows: which one is meant cannot be told, so neither is applied.
  for (const [i, row] of rows.entries()) {
    const seen = lines.get(row.requirementId);
    if (seen && seen.length > 1) {
      rows[i] = {
        ...row,
        status: 'rejected',
        changes: [],
        patch: {},
        expected: {},
        reason: `the requirement is on more than one row (rows ${seen.join(', ')})`,
      };
    }
  }
  return { source: table.source, columns: [...fields.keys()], rows, counts: counted(rows) };
}
