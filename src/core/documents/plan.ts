/** The remediation plan: the actions recorded, most urgent first, and the gaps no action covers yet. */
import type { FileChild } from 'docx';
import { byDueDate, isCountedAction, isOpenAction, isOverdueAction } from '../rules/rules';
import type { Action, ActionPriority } from '../records/model';
import { compareIds } from '../scoring/score';
import { para, type Outline } from './blocks';
import type { DocContext } from './context';
import { TEXT_WIDTH } from './pageSetup';
import { gapTable } from './gaps';
import { markedIdsNote } from './marks';
import { dataTable } from './tables';
import { day, oneLine, plural } from './text';

const WIDTH = TEXT_WIDTH.portrait;
const PRIORITY_ORDER: Record<ActionPriority, number> = { critical: 0, high: 1, medium: 2, low: 3 };
const STATUS_WORDS: Record<Action['status'], string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' };

function sortedActions(actions: readonly Action[]): Action[] {
  return [...actions].sort(
    (a, b) =>
      Number(isOpenAction(b)) - Number(isOpenAction(a)) ||
      PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority] ||
      byDueDate(a, b) ||
      compareIds(a.requirementId, b.requirementId),
  );
}

export function planSection(ctx: DocContext, outline: Outline, level: 1 | 2 = 2): FileChild[] {
  const { snapshot } = ctx;
  const actions = sortedActions(snapshot.actions);
  // The counts are the scoring's, under the one rule of which actions count (core/rules isCountedAction).
  const { openActions: open, overdueActions: overdue } = snapshot.scores.overall;
  const counted = (a: Action) => {
    const score = snapshot.scores.requirements[a.requirementId];
    return isCountedAction({ inScope: score !== undefined, applicable: score?.applicable ?? false });
  };
  const uncounted = actions.filter((a) => !counted(a)).length;
  const uncovered = snapshot.scores.gaps.filter((g) => g.openActions === 0);
  return [
    outline.heading(level, 'Remediation actions'),
    para(
      `${plural(actions.length, 'action')} recorded: ${open} open or in progress, of which ${overdue} overdue on ${day(snapshot.today)}. Open actions are listed first, by priority and due date.${uncounted ? ` ${plural(uncounted, 'action')} on requirements outside the scope or not applicable ${uncounted === 1 ? 'is' : 'are'} listed but not counted.` : ''}`,
    ),
    dataTable(
      [
        { header: 'ID', weight: 12 },
        { header: 'Action', weight: 40 },
        { header: 'Owner', weight: 15 },
        { header: 'Priority', weight: 10 },
        { header: 'Status', weight: 11 },
        { header: 'Due', weight: 12 },
      ],
      actions.map((a) => [
        { text: a.requirementId, bold: true },
        oneLine(a.description),
        oneLine(a.owner),
        a.priority.charAt(0).toUpperCase() + a.priority.slice(1),
        counted(a) ? STATUS_WORDS[a.status] : `${STATUS_WORDS[a.status]} (not counted)`,
        a.dueDate ? `${day(a.dueDate)}${isOverdueAction(a, snapshot.today) ? ' (overdue)' : ''}` : '—',
      ]),
      WIDTH,
    ),
    outline.heading(level, 'Gaps without an open action'),
    para(
      uncovered.length
        ? 'These requirements are below their target and have no open action yet, largest gap first.'
        : 'Every gap found has at least one open action.',
    ),
    ...(uncovered.length ? [gapTable(ctx, uncovered, WIDTH)] : []),
    ...markedIdsNote(ctx, [...actions.map((a) => a.requirementId), ...uncovered.map((g) => g.requirementId)]),
  ];
}
