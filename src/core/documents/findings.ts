/**
 * The report's findings: one per requirement below target, claimed without valid evidence, or not
 * accepted by a reviewer (core/findings), graded, with the risk, the recommendation and the actions.
 */
import type { FileChild, Paragraph } from 'docx';
import { titleWithMarks } from '../catalogue/status';
import { countByGrade, FINDINGS_METHOD, findingsOf, GRADE_LABELS, type Finding } from '../findings/findings';
import { para, type Outline } from './blocks';
import type { DocContext } from './context';
import { markedIdsNote } from './marks';
import { TEXT_WIDTH } from './pageSetup';
import { STYLE_IDS } from './styles';
import { dataTable } from './tables';
import { clean, levelLabel, oneLine, plural } from './text';

const WIDTH = TEXT_WIDTH.portrait;

const REASON_WORDS: Record<Finding['reason'], string> = {
  gap: 'below target',
  unsupported: 'no valid evidence',
  review: 'reviewer’s verdict',
};

const cellText = (text: string, italics = false): Paragraph => para(text, { style: STYLE_IDS.tableText, ...(italics ? { italics } : {}) });

/** The finding's ID, grade and why, and the requirement it is about, in one cell so the IDs need not wrap. */
function findingCell(ctx: DocContext, f: Finding): Paragraph[] {
  const requirement = ctx.index.requirement(f.requirementId);
  const title = requirement ? titleWithMarks(oneLine(requirement.title), requirement) : '';
  return [
    para(f.id, { style: STYLE_IDS.tableText, bold: true }),
    cellText(`${GRADE_LABELS[f.grade]}: ${REASON_WORDS[f.reason]}`, true),
    cellText(title ? `${f.requirementId} ${title}` : f.requirementId),
  ];
}

/** "3 findings: 1 major, 1 minor and 1 observation." */
export function findingsCountSentence(findings: readonly Finding[]): string {
  if (!findings.length)
    return 'No findings: every applicable requirement assessed is at its target with valid evidence, and no reviewer objected.';
  const counts = countByGrade(findings);
  const parts = [`${counts.major} major`, `${counts.minor} minor`, plural(counts.observation, 'observation')];
  return `${plural(findings.length, 'finding')}: ${parts.slice(0, -1).join(', ')} and ${parts.at(-1)!}.`;
}

const computed = new WeakMap<DocContext, Finding[]>();

/** The findings of the document's snapshot, worked out once per document however many parts print them. */
export function findingsIn(ctx: DocContext): Finding[] {
  let found = computed.get(ctx);
  if (!found) {
    found = findingsOf(ctx.snapshot);
    computed.set(ctx, found);
  }
  return found;
}

export function findingsSection(ctx: DocContext, outline: Outline): FileChild[] {
  const findings = findingsIn(ctx);
  return [
    outline.heading(1, 'Findings', { pageBreakBefore: true }),
    para(`${findingsCountSentence(findings)} Major findings come first, then minor ones, then observations, each by requirement.`),
    para(FINDINGS_METHOD),
    dataTable(
      [
        { header: 'Finding, grade and requirement', weight: 22 },
        { header: 'Target / achieved', weight: 11 },
        { header: 'Risk', weight: 27 },
        { header: 'Recommendation', weight: 28 },
        { header: 'Actions', weight: 12 },
      ],
      findings.map((f) => [
        findingCell(ctx, f),
        [cellText(`${levelLabel(f.target)} / ${levelLabel(f.achieved)}`), ...(f.gap ? [cellText(`gap ${f.gap}`)] : [])],
        clean(f.risk)
          .split('\n')
          .map((line) => cellText(line)),
        clean(f.recommendation)
          .split('\n')
          .map((line) => cellText(line)),
        f.actionIds.length ? f.actionIds.map((id) => cellText(id)) : [cellText('none yet', true)],
      ]),
      WIDTH,
    ),
    ...(findings.some((f) => f.overridden.grade || f.overridden.risk || f.overridden.recommendation)
      ? [
          para(
            'Where the assessor changed the grade, the risk or the recommendation derived by the rule above, the assessor’s wording is printed.',
            { italics: true },
          ),
        ]
      : []),
    ...markedIdsNote(
      ctx,
      findings.map((f) => f.requirementId),
    ),
  ];
}
