/** The cover page every document opens with, and the report's document control pages. */
import { AlignmentType, HeadingLevel, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import { signatoryIn } from '../records/lifecycle';
import type { Outline } from './blocks';
import { para } from './blocks';
import type { DocContext } from './context';
import { COLORS, SIZES, STYLE_IDS } from './styles';
import { catalogueNotice } from './marks';
import { markingNotices } from './marking';
import { dataTable, keyValueTable } from './tables';
import { TEXT_WIDTH } from './pageSetup';
import { headAtSignOff } from './signoff';
import { dateTime, day, oneLine } from './text';

const APPROVALS = [
  ['preparer', 'Prepared by'],
  ['reviewer', 'Reviewed by'],
  ['approver', 'Approved by'],
] as const;

const STATUS_WORDS = { draft: 'Draft', 'in-review': 'For review', 'signed-off': 'Final (signed off)' } as const;

export function documentVersion(ctx: DocContext): string {
  const { snapshot } = ctx;
  return `${STATUS_WORDS[snapshot.assessment.status]}, generated ${dateTime(snapshot.generatedAt)}`;
}

function preparedBy(ctx: DocContext): string {
  const p = ctx.snapshot.preparedBy;
  return p ? `${oneLine(p.name)}, ${oneLine(p.role)}` : 'Not recorded';
}

export function coverPage(ctx: DocContext, purpose: string): FileChild[] {
  const { snapshot, page } = ctx;
  const { assessment, catalogue } = snapshot;
  const site = [oneLine(snapshot.site.name), oneLine(snapshot.site.location)].filter(Boolean).join(', ');
  return [
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      spacing: { after: 1800 },
      children: [new TextRun({ text: oneLine(page.classification), bold: true, color: COLORS.marking, size: 28 })],
    }),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(page.title)] }),
    new Paragraph({
      spacing: { after: 480 },
      children: [new TextRun({ text: oneLine(assessment.name), size: SIZES.subtitle, color: COLORS.heading })],
    }),
    keyValueTable(
      [
        ['Organization', oneLine(snapshot.organization.name)],
        ['Site', site || 'Not recorded'],
        ['Assessment', oneLine(assessment.name)],
        ['Assessment period', `${day(assessment.periodStart)} to ${day(assessment.periodEnd)}`],
        [
          'Requirement catalogue',
          `${oneLine(catalogue.edition)} (catalogue version ${oneLine(assessment.catalogueVersion || catalogue.version)})`,
        ],
        ['Document version', documentVersion(ctx)],
        ['Classification', oneLine(page.classification)],
        ['Prepared by', preparedBy(ctx)],
      ],
      TEXT_WIDTH.portrait,
    ),
    // Why the marking is higher than the one chosen, and evidence markings that could not be compared.
    ...markingNotices(ctx.options.marking).map((notice) => para(notice, { bold: true, spacingBefore: 120 })),
    para('', { spacingAfter: 240 }),
    para(purpose, { style: STYLE_IDS.small }),
    // Every document, not only the report, says what the requirement IDs and titles are and are not.
    catalogueNotice(catalogue),
    para(
      `Produced with ${oneLine(snapshot.app.name)} ${oneLine(snapshot.app.version)}. Handle and share this document according to its classification marking.`,
      { style: STYLE_IDS.small },
    ),
    new Paragraph({ children: [new PageBreak()] }),
  ];
}

export function documentControl(ctx: DocContext, outline: Outline): FileChild[] {
  const { snapshot } = ctx;
  const width = TEXT_WIDTH.portrait;
  // Only a signed-off assessment has a sign-off to print; the rows are then exactly the recorded one.
  const signOff = snapshot.assessment.status === 'signed-off' ? snapshot.assessment.signOff : undefined;
  const prepared = snapshot.preparedBy;
  return [
    outline.heading(1, 'Document control'),
    para(
      'Record each change to this document below. The first revision was generated from the workbook; later revisions are added by hand.',
    ),
    outline.heading(2, 'Revision history'),
    dataTable(
      [
        { header: 'Rev.', weight: 8 },
        { header: 'Date', weight: 14 },
        { header: 'Description', weight: 52 },
        { header: 'By', weight: 26 },
      ],
      [
        [
          '1',
          day(snapshot.generatedAt),
          `Generated from the workbook. Assessment status: ${STATUS_WORDS[snapshot.assessment.status].toLowerCase()}.`,
          prepared ? oneLine(prepared.name) : '',
        ],
        ['', '', '', ''],
        ['', '', '', ''],
      ],
      width,
    ),
    outline.heading(2, 'Distribution'),
    para('This document is distributed to the people below. Pass it on only in line with its classification marking.'),
    dataTable(
      [
        { header: 'Name', weight: 28 },
        { header: 'Role', weight: 36 },
        { header: 'Email', weight: 36 },
      ],
      snapshot.people.map((p) => [oneLine(p.name), oneLine(p.role), oneLine(p.email)]),
      width,
    ),
    outline.heading(2, 'Approvals'),
    para(
      signOff
        ? `Signed off in the workbook on ${day(signOff.at)}, with the change log at ${headAtSignOff(signOff)}.`
        : 'Not signed off in the workbook: each role is signed by hand.',
    ),
    dataTable(
      [
        { header: 'Capacity', weight: 18 },
        { header: 'Name', weight: 40 },
        { header: 'Signature', weight: 26 },
        { header: 'Date', weight: 16 },
      ],
      APPROVALS.map(([role, capacity]) => {
        const name = signatoryIn(signOff, role);
        return [capacity, name ? oneLine(name) : '', '', name && signOff ? day(signOff.at) : ''];
      }),
      width,
    ),
  ];
}
