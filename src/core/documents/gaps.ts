/** The table of requirements below their target, shared by the executive summary and the remediation plan. */
import type { Table } from 'docx';
import { titleWithMarks } from '../catalogue/status';
import type { RequirementScore } from '../scoring/score';
import type { DocContext } from './context';
import { dataTable } from './tables';
import { levelLabel, oneLine } from './text';

function requirementTitle(ctx: DocContext, id: string): string {
  const requirement = ctx.index.requirement(id);
  return requirement ? titleWithMarks(oneLine(requirement.title), requirement) : '';
}

export function gapTable(ctx: DocContext, gaps: readonly RequirementScore[], width: number): Table {
  return dataTable(
    [
      { header: 'ID', weight: 12 },
      { header: 'Requirement', weight: 52 },
      { header: 'Target', weight: 12 },
      { header: 'Achieved', weight: 12 },
      { header: 'Gap', weight: 12 },
    ],
    gaps.map((g) => [
      { text: g.requirementId, bold: true },
      requirementTitle(ctx, g.requirementId),
      levelLabel(g.target),
      levelLabel(g.achieved),
      String(g.gap),
    ]),
    width,
  );
}

export interface KeyGaps {
  /** The largest gaps, in the order the scoring rules rank them. */
  shown: RequirementScore[];
  /** How many more have the same gap as the last one shown: cut only by the ranking's tie-break. */
  tiedBeyond: number;
}

/**
 * The first `limit` ranked gaps, and how many beyond them tie with the last one shown, so a cut-off
 * list never hides silently that others are just as large.
 */
export function keyGaps(ranked: readonly RequirementScore[], limit = 5): KeyGaps {
  const shown = ranked.slice(0, limit);
  const last = shown[shown.length - 1];
  let tiedBeyond = 0;
  if (last) while (ranked[limit + tiedBeyond]?.gap === last.gap) tiedBeyond += 1;
  return { shown, tiedBeyond };
}

/** "… and 3 more requirements with the same gap of 1 level; all are listed in the remediation plan." */
export function tiedGapsNote(gaps: KeyGaps): string | undefined {
  const last = gaps.shown[gaps.shown.length - 1];
  if (!last || gaps.tiedBeyond === 0) return undefined;
  const more = gaps.tiedBeyond === 1 ? '1 more requirement has' : `${gaps.tiedBeyond} more requirements have`;
  return `Only the first ${gaps.shown.length} are shown: ${more} the same gap of ${last.gap} ${last.gap === 1 ? 'level' : 'levels'}. Every gap is listed in the remediation plan.`;
}
