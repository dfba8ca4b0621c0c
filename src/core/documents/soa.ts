/** The statement of applicability: which requirements apply, why not where they do not, and where each stands. */
import type { FileChild } from 'docx';
import { para, type Outline } from './blocks';
import type { DocContext } from './context';
import { TEXT_WIDTH } from './pageSetup';
import { titleWithMarks } from '../catalogue/status';
import { marksKey } from './marks';
import { achievedText, countermeasureOf, WITH_COUNTERMEASURE } from './results';
import { dataTable } from './tables';
import { clean, levelLabel, oneLine } from './text';
import { citedList } from './validity';

const WIDTH = TEXT_WIDTH.portrait;

function notApplicable(ctx: DocContext) {
  return ctx.requirementsInScope.filter((r) => ctx.snapshot.scores.requirements[r.id]?.applicable === false);
}

function justification(ctx: DocContext, requirementId: string): string {
  return clean(ctx.response(requirementId)?.justification).trim() || 'No justification was recorded.';
}

/** Counts per SPE, and the requirements excluded with their justification. */
export function soaSummary(ctx: DocContext, outline: Outline, level: 1 | 2 = 2): FileChild[] {
  const excluded = notApplicable(ctx);
  return [
    outline.heading(level, 'Applicability by program element'),
    dataTable(
      [
        { header: 'SPE', weight: 36 },
        { header: 'Requirements', weight: 17 },
        { header: 'Applicable', weight: 15 },
        { header: 'Not applicable', weight: 17 },
        { header: 'Assessed', weight: 15 },
      ],
      ctx.spesInScope.map((s) => {
        const r = ctx.snapshot.scores.spes[s.id];
        return [
          `${oneLine(s.id)} ${oneLine(s.title)}`,
          String(r?.requirements ?? 0),
          String(r?.applicable ?? 0),
          String((r?.requirements ?? 0) - (r?.applicable ?? 0)),
          String(r?.assessed ?? 0),
        ];
      }),
      WIDTH,
    ),
    outline.heading(level, 'Requirements excluded'),
    para(
      excluded.length
        ? 'The organization judged the requirements below not applicable, for the reasons given. They are left out of every score.'
        : 'Every requirement in scope was judged applicable.',
    ),
    ...(excluded.length
      ? [
          dataTable(
            [
              { header: 'ID', weight: 12 },
              { header: 'Requirement', weight: 38 },
              { header: 'Justification', weight: 50 },
            ],
            excluded.map((r) => [{ text: r.id, bold: true }, titleWithMarks(oneLine(r.title), r), justification(ctx, r.id)]),
            WIDTH,
          ),
          ...marksKey(excluded),
        ]
      : []),
  ];
}

/** The first sentence of a narrative, bounded: a pointer to the full answer, not a copy of it. */
export function firstSentence(text: string, max = 140): string {
  const line = oneLine(text);
  const end = line.search(/[.!?](\s|$)/);
  const sentence = end >= 0 ? line.slice(0, end + 1) : line;
  if (sentence.length <= max) return sentence;
  // Cut at a word boundary, so the pointer never ends in half a word.
  const cut = sentence.slice(0, max - 1);
  return `${cut.slice(0, cut.lastIndexOf(' ') > max / 2 ? cut.lastIndexOf(' ') : cut.length).trimEnd()}…`;
}

/**
 * Where an applicable requirement's answer is shown: the evidence cited (expired items marked) and the
 * first sentence of the narrative, with the report's results chapter named for the rest.
 */
function implementationReference(ctx: DocContext, requirementId: string): string {
  const evidence = citedList(ctx, requirementId);
  const narrative = ctx.options.includeNarratives ? firstSentence(ctx.response(requirementId)?.narrative ?? '') : '';
  const spe = ctx.index.requirement(requirementId)?.speId;
  return [
    `Evidence: ${evidence === '—' ? 'none' : evidence}`,
    narrative,
    `Full answer: report, results chapter ${spe ? oneLine(spe) : ''}`.trim(),
  ]
    .filter(Boolean)
    .join('\n');
}

/** Every requirement in scope: whether it applies, why not, its target and where it stands. */
export function soaTable(ctx: DocContext, outline: Outline, level: 1 | 2 = 2): FileChild[] {
  // The marker needs a wider Applies column; a statement without countermeasures keeps its usual layout.
  const marked = ctx.requirementsInScope.some((r) => countermeasureOf(ctx.response(r.id)));
  return [
    outline.heading(level, 'Applicability of each requirement'),
    para(
      '"Not assessed" marks an applicable requirement that has no achieved level yet; it counts against progress but is not scored as zero.',
    ),
    ...(marked
      ? [
          para(
            `"${WITH_COUNTERMEASURE}" marks a requirement the organization meets through a measure applied in place of the one asked for, because it cannot be met as written; the measure is named beside it. Its level is the assessor’s judgement, as for every other requirement.`,
          ),
        ]
      : []),
    dataTable(
      [
        { header: 'ID', weight: 10 },
        { header: 'Requirement', weight: marked ? 18 : 22 },
        { header: 'Applies', weight: marked ? 13 : 10 },
        { header: 'Justification', weight: marked ? 18 : 17 },
        { header: 'Target', weight: 9 },
        { header: 'Achieved', weight: 11 },
        { header: 'Evidence and implementation', weight: 21 },
      ],
      ctx.requirementsInScope.map((r) => {
        const score = ctx.snapshot.scores.requirements[r.id];
        const applicable = score?.applicable ?? true;
        const response = ctx.response(r.id);
        const countermeasure = applicable ? countermeasureOf(response) : undefined;
        const measure = countermeasure && oneLine(countermeasure.measure);
        const said = clean(response?.justification).trim();
        return [
          { text: r.id, bold: true },
          titleWithMarks(oneLine(r.title), r),
          applicable ? (countermeasure ? WITH_COUNTERMEASURE : 'Yes') : 'No',
          applicable
            ? [said, measure && `Compensating countermeasure: ${measure}`].filter(Boolean).join('\n') || '—'
            : justification(ctx, r.id),
          applicable ? levelLabel(score?.target ?? ctx.snapshot.assessment.defaultTargetLevel) : '—',
          achievedText(ctx, r.id),
          applicable ? implementationReference(ctx, r.id) : '—',
        ];
      }),
      WIDTH,
    ),
    ...marksKey(ctx.requirementsInScope),
  ];
}
