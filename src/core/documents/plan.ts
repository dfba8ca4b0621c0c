/**
 * The remediation plan: the actions recorded, by ACT ID, each with its requirement, the finding it
 * answers, the level expected once done and how closing it will be checked; the gaps no open action
 * covers yet; and the requirements still to be assessed.
 */
import type { FileChild, Paragraph } from 'docx';
import { titleWithMarks } from '../catalogue/status';
import { actionRef, withActionNumbers } from '../findings/actionRef';
import { findingsIn } from './findings';
import { isCountedAction, isOverdueAction } from '../rules/rules';
import type { Action } from '../records/model';
import { compareIds } from '../scoring/score';
import { para, type Outline } from './blocks';
import type { DocContext } from './context';
import { TEXT_WIDTH } from './pageSetup';
import { gapTable } from './gaps';
import { markedIdsNote } from './marks';
import { STYLE_IDS } from './styles';
import { dataTable } from './tables';
import { clean, day, EMPTY, levelLabel, oneLine, plural } from './text';

const WIDTH = TEXT_WIDTH.portrait;
const STATUS_WORDS: Record<Action['status'], string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done', cancelled: 'Cancelled' };

const cellText = (text: string, italics = false): Paragraph => para(text, { style: STYLE_IDS.tableText, ...(italics ? { italics } : {}) });
const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** By ACT number; actions from before numbering get display numbers by the rule in findings/actionRef. */
function byNumber(actions: readonly Action[]): Action[] {
  return withActionNumbers(actions).sort((a, b) => a.number! - b.number!);
}

function actionCell(a: Action): Paragraph[] {
  const check = oneLine(a.closureCheck);
  return [
    ...clean(a.description)
      .split('\n')
      .map((line) => cellText(line)),
    cellText(check ? `Closure check: ${check}` : 'Closure check: not stated', true),
  ];
}

function pendingRequirements(ctx: DocContext) {
  return ctx.requirementsInScope.filter((r) => {
    const score = ctx.snapshot.scores.requirements[r.id];
    return score?.applicable && !score.assessed;
  });
}

function notAssessed(ctx: DocContext, outline: Outline, level: 1 | 2 | 3): FileChild[] {
  const { snapshot } = ctx;
  const pending = pendingRequirements(ctx);
  return [
    outline.heading(level, 'Requirements not yet assessed'),
    para(
      pending.length
        ? `${plural(pending.length, 'applicable requirement')} ${pending.length === 1 ? 'has' : 'have'} no achieved level yet. The plan for them: assess each against its target before the assessment period ends on ${day(snapshot.assessment.periodEnd)}; any gap found then becomes a finding and gets its own action.`
        : 'Every applicable requirement in scope has been assessed.',
    ),
    ...(pending.length
      ? [
          dataTable(
            [
              { header: 'ID', weight: 14 },
              { header: 'Requirement', weight: 72 },
              { header: 'Target', weight: 14 },
            ],
            pending.map((r) => [
              { text: r.id, bold: true },
              titleWithMarks(oneLine(r.title), r),
              levelLabel(snapshot.scores.requirements[r.id]!.target),
            ]),
            WIDTH,
          ),
        ]
      : []),
  ];
}

export function planSection(ctx: DocContext, outline: Outline, level: 1 | 2 = 2): FileChild[] {
  const { snapshot } = ctx;
  const actions = byNumber(snapshot.actions);
  // The counts are the scoring's, under the one rule of which actions count (core/rules isCountedAction).
  const { openActions: open, overdueActions: overdue } = snapshot.scores.overall;
  const counted = (a: Action) => {
    const score = snapshot.scores.requirements[a.requirementId];
    return isCountedAction({ inScope: score !== undefined, applicable: score?.applicable ?? false });
  };
  const uncounted = actions.filter((a) => !counted(a)).length;
  const findingOf = new Map(findingsIn(ctx).map((f) => [f.requirementId, f.id]));
  const uncovered = snapshot.scores.gaps.filter((g) => g.openActions === 0);
  return [
    outline.heading(level, 'Remediation actions'),
    para(
      `${plural(actions.length, 'action')} recorded: ${open} open or in progress, of which ${overdue} overdue on ${day(snapshot.today)}. Actions are listed by their ID; each names the finding it answers, the level the requirement should reach once it is done, and how its closure will be checked.${uncounted ? ` ${plural(uncounted, 'action')} on requirements outside the scope or not applicable ${uncounted === 1 ? 'is' : 'are'} listed but not counted.` : ''}`,
    ),
    dataTable(
      [
        { header: 'Action ID', weight: 12 },
        { header: 'Requirement / finding', weight: 15 },
        { header: 'Action', weight: 30 },
        { header: 'Owner', weight: 11 },
        { header: 'Priority / status', weight: 11 },
        { header: 'Due', weight: 12 },
        { header: 'Level after', weight: 9 },
      ],
      actions.map((a) => [
        { text: actionRef(a), bold: true },
        // Text rather than paragraphs, so the IDs are kept whole and the column is sized for them.
        `${a.requirementId}\n${findingOf.get(a.requirementId) ?? 'no finding'}`,
        actionCell(a),
        oneLine(a.owner) || '—',
        [cellText(capital(a.priority)), cellText(counted(a) ? STATUS_WORDS[a.status] : `${STATUS_WORDS[a.status]} (not counted)`)],
        a.dueDate ? `${day(a.dueDate)}${isOverdueAction(a, snapshot.today) ? '\n(overdue)' : ''}` : EMPTY,
        a.expectedLevel ? levelLabel(a.expectedLevel) : '—',
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
    ...notAssessed(ctx, outline, level),
    ...markedIdsNote(ctx, [...actions.map((a) => a.requirementId), ...uncovered.map((g) => g.requirementId)].sort(compareIds)),
  ];
}
