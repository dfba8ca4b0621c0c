/**
 * "Changes since <baseline>": what moved between two assessments of one site, as a Word document with
 * the same cover, marking, page setup and styles as the others. Pure, like every document builder.
 */
import { Document, type FileChild, type Paragraph } from 'docx';
import {
  CHANGE_LABELS,
  CHANGES,
  compareSnapshots,
  type Change,
  type Comparison,
  type RequirementComparison,
} from '../compare/compareSnapshots';
import { deltaText, levelText, meanText } from '../compare/wording';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { Outline, para } from './blocks';
import { levelBars } from './charts';
import { resolveOptions, slug, type DocumentOptions } from './build';
import { createContext, type DocContext } from './context';
import { coverPage } from './cover';
import { section, TEXT_WIDTH } from './pageSetup';
import { COLORS, DOCUMENT_STYLES } from './styles';
import { dataTable, keyValueTable } from './tables';
import { day, oneLine, plural } from './text';

export function changesTitle(baselineName: string): string {
  return `Changes since ${oneLine(baselineName) || 'the baseline'}`;
}

/** A file name safe on every system, e.g. "Assessment-2026_changes-since-Assessment-2025.docx". */
export function changesFileName(baseline: WorkbookSnapshot, current: WorkbookSnapshot): string {
  const name = (s: WorkbookSnapshot) => slug(oneLine(s.assessment.name)).slice(0, 50) || 'assessment';
  return `${name(current)}_changes-since-${name(baseline)}.docx`;
}

const WIDTH = TEXT_WIDTH.portrait;
const MOVED: readonly Change[] = ['improved', 'regressed', 'newly-assessed', 'no-longer-assessed'];

const NONE: Record<Change, string> = {
  improved: 'No requirement improved.',
  regressed: 'No requirement regressed.',
  'newly-assessed': 'No requirement was newly assessed.',
  'no-longer-assessed': 'Every requirement assessed before is assessed again.',
  unchanged: 'No requirement kept its level.',
  'not-assessed': 'Every requirement was assessed at least once.',
};

function comparedTable(c: Comparison): FileChild[] {
  const period = (a: Comparison['baseline']) => `${oneLine(a.name)} (${day(a.periodStart)} to ${day(a.periodEnd)})`;
  return [
    keyValueTable(
      [
        ['Baseline', period(c.baseline)],
        ['Current', period(c.current)],
        ['Site', oneLine(c.siteName) || 'Not recorded'],
        ['Requirements compared', `${c.requirements.length} in ${plural(c.spes.length, 'program element')}`],
        ['Evidence judged on', `${day(c.baseline.today)} for the baseline, ${day(c.current.today)} for the current assessment`],
      ],
      WIDTH,
    ),
  ];
}

function summary(c: Comparison, outline: Outline): FileChild[] {
  const { meanBefore, meanAfter, delta } = c.overall;
  return [
    outline.heading(2, 'Summary'),
    keyValueTable(
      [
        ...CHANGES.map((change): [string, string] => [CHANGE_LABELS[change], plural(c.counts[change], 'requirement')]),
        ['Mean achieved level', `${meanText(meanBefore)} → ${meanText(meanAfter)} (${deltaText(delta)})`],
      ],
      WIDTH,
      0.4,
    ),
    para(
      'A requirement counts as assessed when it applies and has an achieved level. Means are taken over the requirements assessed in each assessment, so a change in what was assessed moves them too.',
      { italics: true },
    ),
  ];
}

function speChart(c: Comparison): Paragraph {
  const spes = c.spes;
  const describe = spes.map((s) => `${s.speId} ${meanText(s.meanBefore)} to ${meanText(s.meanAfter)}`).join('; ');
  return levelBars({
    title: 'Mean achieved level before and after',
    categories: spes.map((s) => oneLine(s.speId)),
    series: [
      { name: oneLine(c.baseline.name) || 'Baseline', values: spes.map((s) => s.meanBefore), color: COLORS.target },
      { name: oneLine(c.current.name) || 'Current', values: spes.map((s) => s.meanAfter), color: COLORS.accent },
    ],
    width: 600,
    height: Math.max(240, 60 + spes.length * 40),
    altText: {
      name: 'Bar chart of mean maturity before and after, by program element',
      description: `Mean achieved maturity level in the baseline and in the current assessment, per program element: ${describe}.`,
    },
  });
}

function speSection(c: Comparison, outline: Outline): FileChild[] {
  return [
    outline.heading(2, 'By security program element'),
    ...(c.spes.length ? [speChart(c)] : []),
    dataTable(
      [
        { header: 'Program element', weight: 30 },
        { header: 'Mean before', weight: 10 },
        { header: 'Mean after', weight: 10 },
        { header: 'Change', weight: 10 },
        { header: 'Improved', weight: 10 },
        { header: 'Regressed', weight: 10 },
        { header: 'Newly assessed', weight: 10 },
        { header: 'No longer assessed', weight: 10 },
        { header: 'Unchanged', weight: 10 },
      ],
      c.spes.map((s) => [
        `${oneLine(s.speId)} ${oneLine(s.title)}`,
        meanText(s.meanBefore),
        meanText(s.meanAfter),
        deltaText(s.delta),
        String(s.counts.improved),
        String(s.counts.regressed),
        String(s.counts['newly-assessed']),
        String(s.counts['no-longer-assessed']),
        String(s.counts.unchanged),
      ]),
      WIDTH,
    ),
  ];
}

function requirementRows(items: readonly RequirementComparison[]) {
  return items.map((r) => [
    { text: `${oneLine(r.requirementId)} ${oneLine(r.title)}` },
    levelText(r.before, r.standingBefore),
    levelText(r.after, r.standingAfter),
    r.targetAfter === null ? '—' : `ML${r.targetAfter}`,
    r.reasons.join('; '),
  ]);
}

function movedSection(c: Comparison, outline: Outline): FileChild[] {
  const children: FileChild[] = [outline.heading(2, 'Requirements that changed')];
  for (const change of MOVED) {
    const items = c.requirements.filter((r) => r.change === change);
    children.push(outline.heading(3, `${CHANGE_LABELS[change]} (${items.length})`));
    if (!items.length) {
      children.push(para(NONE[change]));
      continue;
    }
    children.push(
      dataTable(
        [
          { header: 'Requirement', weight: 40 },
          { header: 'Before', weight: 13 },
          { header: 'After', weight: 13 },
          { header: 'Target', weight: 9 },
          { header: 'Notes', weight: 25 },
        ],
        requirementRows(items),
        WIDTH,
      ),
    );
  }
  return children;
}

function stayedSection(c: Comparison, outline: Outline): FileChild[] {
  const unchanged = c.requirements.filter((r) => r.change === 'unchanged');
  const neither = c.requirements.filter((r) => r.change === 'not-assessed');
  const byLevel = [0, 1, 2, 3, 4]
    .map((level) => [level, unchanged.filter((r) => r.after === level).length] as const)
    .filter(([, n]) => n > 0)
    .map(([level, n]) => `ML${level}: ${n}`);
  const carried = unchanged.filter((r) => r.reasons.includes('carried over, not yet confirmed')).length;
  const notApplicable = neither.filter((r) => r.standingAfter === 'not-applicable').length;
  return [
    outline.heading(2, 'Requirements that stayed'),
    outline.heading(3, `${CHANGE_LABELS.unchanged} (${unchanged.length})`),
    para(
      unchanged.length
        ? `${plural(unchanged.length, 'requirement')} kept the same level (${byLevel.join(', ')}).${
            carried
              ? ` ${plural(carried, 'of them was', 'of them were')} carried over and not yet confirmed in the current assessment.`
              : ''
          }`
        : NONE.unchanged,
    ),
    outline.heading(3, `${CHANGE_LABELS['not-assessed']} (${neither.length})`),
    para(
      neither.length
        ? `${plural(neither.length, 'requirement')} had no achieved level in either assessment${
            notApplicable ? `; ${notApplicable} of them ${notApplicable === 1 ? 'is' : 'are'} not applicable in the current one` : ''
          }.`
        : NONE['not-assessed'],
    ),
  ];
}

function body(ctx: DocContext, c: Comparison): FileChild[] {
  const outline = new Outline();
  return [
    outline.heading(1, ctx.page.title),
    para(
      `This document compares the current assessment, ${oneLine(c.current.name)}, with the baseline, ${oneLine(c.baseline.name)}, requirement by requirement. Both use ${oneLine(c.catalogue.edition)} (catalogue version ${oneLine(c.catalogue.version)}).`,
    ),
    ...comparedTable(c),
    ...summary(c, outline),
    ...speSection(c, outline),
    ...movedSection(c, outline),
    ...stayedSection(c, outline),
  ];
}

/** The document; throws the comparison's own sentence when the two assessments cannot be compared. */
export function buildChangesDocument(
  baseline: WorkbookSnapshot,
  current: WorkbookSnapshot,
  options: Partial<DocumentOptions> = {},
): Document {
  const result = compareSnapshots(baseline, current);
  if (!result.ok) throw new Error(result.message);
  const resolved = resolveOptions(current, options);
  const title = changesTitle(baseline.assessment.name);
  const ctx = createContext(current, resolved, title);
  const purpose = `This document records what changed at the site between the assessment ${oneLine(baseline.assessment.name)} and the assessment ${oneLine(current.assessment.name)}: the maturity level of each requirement before and after, what improved, what regressed, and what was assessed in only one of them.`;
  return new Document({
    title: `${title}: ${ctx.snapshot.assessment.name}`,
    subject: oneLine(current.catalogue.edition),
    creator: oneLine(current.preparedBy?.name) || oneLine(current.app.name),
    description: `${title} for ${ctx.snapshot.organization.name}, ${ctx.snapshot.site.name}. ${resolved.classification}.`,
    keywords: `${resolved.classification}; IEC 62443-2-1; CSMS`,
    styles: DOCUMENT_STYLES,
    sections: [section(ctx.page, 'portrait', [...coverPage(ctx, purpose), ...body(ctx, result.comparison)])],
  });
}
