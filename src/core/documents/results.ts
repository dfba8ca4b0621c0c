/** The report's results: a heading per SPE, a table per element, and each requirement's answer. */
import type { FileChild } from 'docx';
import { MARK_WORDING, marksOf, marksText, titleWithMarks } from '../catalogue/status';
import type { Element, Requirement, Spe } from '../catalogue/types';
import { recordedCompensating } from '../records/compensating';
import type { Compensating, Response } from '../records/model';
import { bullet, labelled, note, para, type Outline } from './blocks';
import { requirementLabel, type DocContext } from './context';
import { marksKey } from './marks';
import { TEXT_WIDTH } from './pageSetup';
import { verdictLine } from './reviews';
import { rollupSentence } from './summary';
import { dataTable, type CellValue } from './tables';
import { clean, dateTime, day, levelLabel, oneLine } from './text';
import { backingOf, citedList, evidenceStatusText } from './validity';
import { isUnbackedClaim } from '../rules/rules';

const WIDTH = TEXT_WIDTH.portrait;

/** Said under a level that no valid evidence backs, so a reader does not take the claim as shown. */
export const UNBACKED_NOTE = 'The level claimed is not backed by valid evidence: it rests on the assessor’s word alone.';

/** How a requirement stands, in a word: its achieved level, "not assessed" or "not applicable". */
export function achievedText(ctx: DocContext, requirementId: string): string {
  const score = ctx.snapshot.scores.requirements[requirementId];
  if (score && !score.applicable) return 'not applicable';
  return levelLabel(score?.achieved);
}

/** How the SoA marks an applicable requirement met through a compensating countermeasure. */
export const WITH_COUNTERMEASURE = 'Yes, with a compensating countermeasure';

/** The countermeasure of an applicable requirement's answer, when one says something. */
export function countermeasureOf(response: Response | undefined): Compensating | undefined {
  return response?.applicable === false ? undefined : recordedCompensating(response);
}

/** The countermeasure as the report prints it: each part labelled, what was left blank said so. */
function countermeasureLines(c: Compensating): FileChild[] {
  const text = (value: string) => clean(value).trim() || 'not stated';
  const who = oneLine(c.acceptedBy);
  const accepted = who ? `by ${who}${c.acceptedOn ? ` on ${day(c.acceptedOn)}` : ', date not recorded'}` : 'not recorded';
  return [
    labelled('Compensating countermeasure', text(c.measure)),
    labelled('Why it cannot be met as written', text(c.reason)),
    labelled('Residual risk', text(c.residualRisk)),
    labelled('Residual risk accepted', accepted),
  ];
}

function elementRows(ctx: DocContext, element: Element): CellValue[][] {
  return element.requirements.map((r) => {
    const score = ctx.snapshot.scores.requirements[r.id];
    const applicable = score?.applicable ?? true;
    return [
      { text: r.id, bold: true },
      titleWithMarks(oneLine(r.title), r),
      applicable ? 'Yes' : 'No',
      applicable ? levelLabel(score?.target ?? ctx.snapshot.assessment.defaultTargetLevel) : '—',
      achievedText(ctx, r.id),
      score?.assessed ? String(score.gap) : '—',
      citedList(ctx, r.id),
    ];
  });
}

function requirementDetail(ctx: DocContext, requirement: Requirement, outline: Outline): FileChild[] {
  const { options } = ctx;
  const response = ctx.response(requirement.id);
  const score = ctx.snapshot.scores.requirements[requirement.id];
  const applicable = score?.applicable ?? true;
  const marks = marksText(requirement);
  const out: FileChild[] = [outline.heading(3, marks ? `${requirementLabel(requirement)} (${marks})` : requirementLabel(requirement))];
  const explained = marksOf(requirement).map((m) => MARK_WORDING[m].explanation);
  if (explained.length) out.push(note(explained.join(' ')));
  if (!applicable) {
    out.push(labelled('Not applicable', clean(response?.justification).trim() || 'No justification was recorded.'));
  } else {
    out.push(
      labelled(
        'Status',
        score?.assessed
          ? `achieved ${levelLabel(score.achieved)} against target ${levelLabel(score.target)}; gap ${score.gap}.`
          : `not assessed; target ${levelLabel(score?.target ?? ctx.snapshot.assessment.defaultTargetLevel)}.`,
      ),
    );
    out.push(labelled('Evidence', evidenceStatusText(backingOf(ctx, requirement.id))));
    if (score && isUnbackedClaim(score)) out.push(note(UNBACKED_NOTE));
    const narrative = clean(response?.narrative).trim();
    if (options.includeNarratives && narrative) out.push(labelled('Narrative', narrative));
    const gaps = clean(response?.gaps).trim();
    if (gaps) out.push(labelled('Gaps', gaps));
    const countermeasure = countermeasureOf(response);
    if (countermeasure) out.push(...countermeasureLines(countermeasure));
  }
  for (const a of ctx.actions(requirement.id)) {
    out.push(
      bullet(
        `Action (${a.priority}, ${a.status}${a.dueDate ? `, due ${day(a.dueDate)}` : ''}, ${oneLine(a.owner)}): ${oneLine(a.description)}`,
      ),
    );
  }
  const comment = clean(response?.reviewComment).trim();
  if (options.includeReviewerComments && comment) {
    out.push(labelled(`Reviewer comment (${response?.reviewStatus ?? 'none'})`, comment));
  }
  // From the change log, when the snapshot was made with one: who last changed the answer, and when.
  const { lastChange } = ctx.snapshot;
  const changed = lastChange && Object.hasOwn(lastChange, requirement.id) ? lastChange[requirement.id] : undefined;
  if (changed) out.push(labelled('Last changed', `by ${oneLine(changed.actor)} on ${dateTime(changed.at)}`));
  for (const review of ctx.snapshot.reviews ?? []) {
    const line = verdictLine(review, requirement.id);
    if (line) out.push(line);
  }
  const licensed = options.includeLicensedText ? ctx.licensed(requirement.id) : undefined;
  if (licensed) {
    out.push(para(`Official text${licensed.title ? `: ${oneLine(licensed.title)}` : ''}`, { bold: true, keepNext: true }));
    out.push(para(licensed.text, { italics: true }));
  }
  return out;
}

function elementSection(ctx: DocContext, element: Element, outline: Outline): FileChild[] {
  const rollup = ctx.snapshot.scores.elements[element.id];
  return [
    outline.heading(2, `${oneLine(element.id)} ${oneLine(element.title)}`),
    para(rollup ? rollupSentence(rollup) : 'No requirements.'),
    dataTable(
      [
        { header: 'ID', weight: 11 },
        { header: 'Requirement', weight: 35 },
        { header: 'Applies', weight: 10 },
        { header: 'Target', weight: 9 },
        { header: 'Achieved', weight: 13 },
        { header: 'Gap', weight: 6 },
        { header: 'Evidence', weight: 16 },
      ],
      elementRows(ctx, element),
      WIDTH,
    ),
    ...marksKey(element.requirements),
    ...element.requirements.flatMap((r) => requirementDetail(ctx, r, outline)),
  ];
}

function speSection(ctx: DocContext, spe: Spe, outline: Outline): FileChild[] {
  const rollup = ctx.snapshot.scores.spes[spe.id];
  return [
    // Only the first element opens a page: the rest follow on, so no chapter end leaves a page mostly empty.
    outline.heading(1, `${oneLine(spe.id)} ${oneLine(spe.title)}`, { pageBreakBefore: spe.id === ctx.spesInScope[0]?.id }),
    para(rollup ? rollupSentence(rollup) : 'No requirements.'),
    ...spe.elements.flatMap((e) => elementSection(ctx, e, outline)),
  ];
}

export function resultsSections(ctx: DocContext, outline: Outline): FileChild[] {
  return ctx.spesInScope.flatMap((spe) => speSection(ctx, spe, outline));
}
