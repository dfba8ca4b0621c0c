/**
 * The report's appendix of maturity criteria: for each requirement in scope that the catalogue gives
 * criteria for, what the practice looks like at ML1–ML4 and the evidence that typically shows it.
 */
import type { FileChild } from 'docx';
import { MATURITY_CRITERIA_LEVELS } from '../catalogue/schema';
import type { CriteriaLevel, Requirement, Spe } from '../catalogue/types';
import { SCALE_NOTE } from '../records/maturity';
import { note, para, type Outline } from './blocks';
import type { DocContext } from './context';
import { TEXT_WIDTH } from './pageSetup';
import { dataTable, type CellValue } from './tables';
import { oneLine } from './text';

export const CRITERIA_APPENDIX_TITLE = 'Appendix: Maturity criteria';

export interface CriteriaRow {
  requirementId: string;
  requirementTitle: string;
  level: CriteriaLevel;
  practice: string;
  evidence: string[];
}

export interface CriteriaGroup {
  speId: string;
  speTitle: string;
  rows: CriteriaRow[];
}

/** One row per level, ML1 to ML4; none when the catalogue gives the requirement no criteria. */
export function criteriaRows(requirement: Requirement): CriteriaRow[] {
  const levels = requirement.levels;
  if (!levels) return [];
  return MATURITY_CRITERIA_LEVELS.map((level) => ({
    requirementId: requirement.id,
    requirementTitle: requirement.title,
    level,
    practice: levels[level].practice,
    evidence: levels[level].evidence,
  }));
}

/** The rows grouped by SPE, in catalogue order; an SPE without criteria is left out. */
export function criteriaBySpe(spes: readonly Spe[]): CriteriaGroup[] {
  return spes
    .map((spe) => ({
      speId: spe.id,
      speTitle: spe.title,
      rows: spe.elements.flatMap((e) => e.requirements.flatMap(criteriaRows)),
    }))
    .filter((g) => g.rows.length > 0);
}

export function hasCriteria(requirements: readonly Requirement[]): boolean {
  return requirements.some((r) => r.levels !== undefined);
}

const WIDTH = TEXT_WIDTH.landscape;
const COLUMNS = [
  { header: 'Requirement', weight: 17 },
  { header: 'Level', weight: 7 },
  { header: 'What it looks like', weight: 42 },
  { header: 'Typical evidence', weight: 34 },
] as const;

function rowCells(row: CriteriaRow, first: boolean): CellValue[] {
  // The title goes with the first level only; later rows repeat the ID so a page break never leaves a row nameless.
  const requirement = first ? `${oneLine(row.requirementId)}\n${oneLine(row.requirementTitle)}` : oneLine(row.requirementId);
  return [
    { text: requirement, bold: first },
    { text: row.level, bold: true },
    oneLine(row.practice),
    row.evidence.map((e) => `• ${oneLine(e)}`).join('\n'),
  ];
}

/** The appendix, or nothing when no requirement in scope has criteria. */
export function criteriaAppendix(ctx: DocContext, outline: Outline): FileChild[] {
  const groups = criteriaBySpe(ctx.spesInScope);
  if (groups.length === 0) return [];
  return [
    outline.heading(1, CRITERIA_APPENDIX_TITLE),
    para(
      'For each requirement in scope, what the practice typically looks like at each maturity level of the standard, and the evidence that usually shows it. The criteria are the catalogue’s reading, in its own words: a guide for assessors, not the text of the standard.',
    ),
    note(SCALE_NOTE),
    ...groups.flatMap((g) => [
      outline.heading(2, `${oneLine(g.speId)} ${oneLine(g.speTitle)}`),
      dataTable(
        COLUMNS,
        g.rows.map((row, i) => rowCells(row, i === 0 || g.rows[i - 1]!.requirementId !== row.requirementId)),
        WIDTH,
      ),
    ]),
  ];
}
