/** The cover page every document opens with, and the report's document control pages. */
import { AlignmentType, HeadingLevel, PageBreak, Paragraph, TextRun, type FileChild } from 'docx';
import type { Outline } from './blocks';
import { para } from './blocks';
import type { DocumentKind } from './build';
import type { DocContext } from './context';
import { documentReference } from './control';
import { controlOf, controlTable, STATUS_WORDS } from './controlBlock';
import { COLORS, SIZES, STYLE_IDS } from './styles';
import { catalogueNotice } from './marks';
import { markingNotices } from './marking';
import { dataTable, keyValueTable } from './tables';
import { TEXT_WIDTH } from './pageSetup';
import { SIGN_OFF_TITLE } from './signoff';
import { dateTime, day, oneLine } from './text';

export function documentVersion(ctx: DocContext): string {
  const { snapshot } = ctx;
  return `Revision ${controlOf(ctx).revision}, ${STATUS_WORDS[snapshot.assessment.status].toLowerCase()}, generated ${dateTime(snapshot.generatedAt)}`;
}

function preparedBy(ctx: DocContext): string {
  const p = ctx.snapshot.preparedBy;
  return p ? `${oneLine(p.name)}, ${oneLine(p.role)}` : 'Not recorded';
}

export function coverPage(ctx: DocContext, purpose: string, kind: DocumentKind = 'report'): FileChild[] {
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
        ['Document reference and version', `${documentReference(snapshot, kind)}\n${documentVersion(ctx)}`],
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
  const prepared = snapshot.preparedBy;
  const revision = controlOf(ctx).revision;
  return [
    outline.heading(1, 'Document control'),
    ...controlTable(ctx, 'report'),
    outline.heading(2, 'Revision history'),
    para(
      `The workbook counts one revision for each export of this assessment. This is revision ${revision}; earlier revisions are in earlier exports and are not repeated here. Changes made to this document by hand are recorded below.`,
    ),
    dataTable(
      [
        { header: 'Rev.', weight: 8 },
        { header: 'Date', weight: 14 },
        { header: 'Description', weight: 52 },
        { header: 'By', weight: 26 },
      ],
      [
        [
          String(revision),
          day(snapshot.generatedAt),
          `Exported from the workbook. Assessment status: ${STATUS_WORDS[snapshot.assessment.status].toLowerCase()}.`,
          prepared ? oneLine(prepared.name) : '',
        ],
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
    outline.heading(2, 'Approval'),
    para(
      `This report is approved in one place only: the ${SIGN_OFF_TITLE} page at its end, which records the signatories (or leaves their rows to be signed). The statement of applicability, the remediation plan and the evidence register of the same export carry their own approval table.`,
    ),
  ];
}
