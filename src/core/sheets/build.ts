/**
 * The results of one assessment as tables: About, Answers, Findings, Actions and Evidence register.
 * Pure: the xlsx and CSV writers turn the same tables into files. Every derived value (gap, valid
 * evidence, overdue, expired) comes from the scores and the one rules module, worked out now.
 */
import { marksText } from '../catalogue/status';
import { resolveOptions, slug, type DocumentOptions } from '../documents/build';
import { markingNotices } from '../documents/marking';
import { createContext, type DocContext } from '../documents/context';
import { dateTime, oneLine } from '../documents/text';
import { isCalendarDate } from '../format/calendarDate';
import type { Action, MaturityLevel } from '../records/model';
import { isApplicable, isExpired, isOverdueAction } from '../rules/rules';
import { compareIds } from '../scoring/score';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { cellText, truncationNote, yesNo, type CellValue } from './cells';
import { ACTION_COLUMNS, ANSWER_COLUMNS, EVIDENCE_COLUMNS, FINDING_COLUMNS, SHEETS_FORMAT, type SheetColumn } from './columns';

/** A finding as the findings module gives it; only these fields are printed. */
export interface SheetFinding {
  id: string;
  requirementId: string;
  grade: string;
  reason: string;
  risk: string;
  recommendation: string;
  actionIds: readonly string[];
}

/** An action with the fields that later records carry; older ones have none of them. */
export type SheetAction = Action & { number?: number; expectedLevel?: MaturityLevel | null; closureCheck?: string };

/** What the sheets take from the findings module: its findings, and the ACT-0001 reference of an action. */
export interface SheetInputs {
  findings: readonly SheetFinding[];
  actionRef: (action: SheetAction) => string;
}

export interface SheetOptions {
  /** The marking on every sheet; empty: the organization's own, exactly as the documents resolve it. */
  classification: string;
}

export interface SheetTable {
  name: string;
  columns: readonly SheetColumn[];
  rows: CellValue[][];
}

export interface SheetSet {
  marking: string;
  /** The start of every file name, e.g. "2026-CSMS-self-assessment". */
  baseName: string;
  tables: SheetTable[];
}

export const ABOUT_COLUMNS: readonly SheetColumn[] = [
  { key: 'field', header: 'Field', width: 22, kind: 'text' },
  { key: 'value', header: 'Value', width: 90, kind: 'text' },
];

const level = (value: MaturityLevel | null | undefined): string => (value === null || value === undefined ? '' : `ML${value}`);
const joined = (ids: readonly string[]): string => cellText(ids.map((id) => oneLine(id)).join('; '));
/** A date column's value: a real calendar date, or the text as recorded so an impossible date is not lost. */
const dateCell = (value: string | undefined): CellValue => (value ? (isCalendarDate(value) ? value : cellText(value)) : null);

/** Text as it is seen: invisible format characters (zero-width spaces, right-to-left overrides) removed. */
const visible = (text: string | undefined): string => oneLine((text ?? '').replace(/\p{Cf}/gu, ''));

function aboutRows(ctx: DocContext, marking: string): CellValue[][] {
  const { snapshot } = ctx;
  const { assessment, catalogue } = snapshot;
  const rows: [string, string][] = [
    ['Organization', snapshot.organization.name],
    ['Site', snapshot.site.name],
    ['Assessment', assessment.name],
    ['Period', `${assessment.periodStart} to ${assessment.periodEnd}`],
    ['Catalogue', `${catalogue.title} (${catalogue.id}, version ${catalogue.version}, ${catalogue.edition})`],
    ['Generated at', dateTime(snapshot.generatedAt)],
    ['Judged on', snapshot.today],
    ['Marking', marking],
    ...markingNotices(ctx.options.marking).map((notice): [string, string] => ['Marking note', notice]),
    ['Format', `CSMS Workbook sheets ${SHEETS_FORMAT}`],
    [
      'Export note',
      `Gap, valid evidence, overdue and expired are worked out from the records as of ${snapshot.today}; they are not stored in the workbook. ` +
        `A text longer than a cell holds ends with "${truncationNote(0).replace('0', 'N')}"; the full text stays in the workbook.`,
    ],
  ];
  return rows.map(([field, value]) => [field, cellText(oneLine(value))]);
}

function answerRows(ctx: DocContext): CellValue[][] {
  const scores = ctx.snapshot.scores.requirements;
  return ctx.requirementsInScope.map((requirement) => {
    const response = ctx.response(requirement.id);
    const score = scores[requirement.id];
    const applicable = isApplicable(response);
    const assessed = !!score?.assessed;
    const element = ctx.index.element(score?.elementId ?? '');
    const spe = ctx.index.spe(score?.speId ?? element?.speId ?? '');
    return [
      oneLine(requirement.id),
      element ? cellText(oneLine(`${element.id} ${element.title}`)) : '',
      spe ? cellText(oneLine(`${spe.id} ${spe.title}`)) : '',
      cellText(oneLine(requirement.title)),
      yesNo(applicable),
      cellText(response?.justification),
      applicable && score ? level(score.target) : '',
      assessed ? level(score?.achieved) : '',
      assessed && score ? score.gap : null,
      joined(ctx.evidenceIds(requirement.id)),
      yesNo(!!score?.hasValidEvidence),
      cellText(response?.narrative),
      cellText(response?.gaps),
      marksText(requirement),
    ];
  });
}

function findingRows(findings: readonly SheetFinding[]): CellValue[][] {
  return [...findings]
    .sort((a, b) => compareIds(a.requirementId, b.requirementId) || a.id.localeCompare(b.id))
    .map((f) => [
      oneLine(f.id),
      oneLine(f.requirementId),
      oneLine(f.grade),
      oneLine(f.reason),
      cellText(f.risk),
      cellText(f.recommendation),
      joined(f.actionIds),
    ]);
}

function actionRows(ctx: DocContext, actionRef: SheetInputs['actionRef']): CellValue[][] {
  const today = ctx.snapshot.today;
  return (ctx.snapshot.actions as SheetAction[])
    .map((action) => ({ action, ref: oneLine(actionRef(action)) }))
    .sort((a, b) => a.ref.localeCompare(b.ref, 'en', { numeric: true }) || compareIds(a.action.requirementId, b.action.requirementId))
    .map(({ action, ref }) => [
      ref,
      oneLine(action.requirementId),
      cellText(action.description),
      cellText(oneLine(action.owner)),
      action.priority,
      action.status,
      dateCell(action.dueDate),
      yesNo(isOverdueAction(action, today)),
      level(action.expectedLevel),
      cellText(action.closureCheck),
    ]);
}

function evidenceRows(ctx: DocContext): CellValue[][] {
  const today = ctx.snapshot.today;
  return ctx.snapshot.evidence.map((item) => [
    oneLine(item.id),
    cellText(oneLine(item.title)),
    item.kind,
    cellText(oneLine(item.fileName)),
    item.size ?? null,
    item.sha256 ?? '',
    cellText(oneLine(item.location)),
    dateCell(item.collectedOn),
    dateCell(item.expiresOn),
    yesNo(isExpired(item, today)),
    cellText(oneLine(item.owner)),
    cellText(visible(item.classification)),
    joined(ctx.requirementIds(item.id)),
  ]);
}

/**
 * The marking as the documents settle it (resolveOptions): the export's, else the organization's, read as
 * it is seen, raised by the evidence included; none at all is refused (MarkingMissingError), as for documents.
 */
export function sheetMarking(snapshot: WorkbookSnapshot, chosen: string | undefined): DocumentOptions {
  return resolveOptions(snapshot, { classification: chosen ?? '' });
}

export function buildSheets(snapshot: WorkbookSnapshot, inputs: SheetInputs, options: Partial<SheetOptions> = {}): SheetSet {
  const resolved = sheetMarking(snapshot, options.classification);
  const marking = resolved.classification;
  const ctx = createContext(snapshot, resolved, 'Assessment results');
  return {
    marking,
    baseName: slug(oneLine(snapshot.assessment.name)) || 'assessment',
    tables: [
      { name: 'About', columns: ABOUT_COLUMNS, rows: aboutRows(ctx, marking) },
      { name: 'Answers', columns: ANSWER_COLUMNS, rows: answerRows(ctx) },
      { name: 'Findings', columns: FINDING_COLUMNS, rows: findingRows(inputs.findings) },
      { name: 'Actions', columns: ACTION_COLUMNS, rows: actionRows(ctx, inputs.actionRef) },
      { name: 'Evidence register', columns: EVIDENCE_COLUMNS, rows: evidenceRows(ctx) },
    ],
  };
}

/** "2026-CSMS-self-assessment_results.xlsx" */
export function workbookFileName(set: Pick<SheetSet, 'baseName'>): string {
  return `${set.baseName}_results.xlsx`;
}

/** "2026-CSMS-self-assessment_answers.csv", one per sheet. */
export function csvFileName(set: Pick<SheetSet, 'baseName'>, table: Pick<SheetTable, 'name'>): string {
  return `${set.baseName}_${slug(table.name).toLowerCase()}.csv`;
}

/** The zip holding every CSV file of one export. */
export function csvZipFileName(set: Pick<SheetSet, 'baseName'>): string {
  return `${set.baseName}_results-csv.zip`;
}
