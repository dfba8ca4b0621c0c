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
