/** The assessment report: every section, in the order an auditor reads them. */
import { HeadingLevel, Paragraph, TextRun, type FileChild, type ISectionOptions } from 'docx';
import { Outline, para } from './blocks';
import { conclusionSection, conductSection, managementStatementSection, systemSection } from './conduct';
import type { DocContext } from './context';
import { coverPage, documentControl } from './cover';
import { criteriaAppendix } from './criteria';
import { findingsSection } from './findings';
import { estimatesPages, section, TEXT_WIDTH } from './pageSetup';
import { planSection } from './plan';
import { registerSection } from './register';
import { resultsSections } from './results';
import { reviewsSection } from './reviews';
import { attestationSection, signOffSection } from './signoff';
import { soaSummary } from './soa';
import { executiveSummary, methodSection, scopeSection } from './summary';
import { glossarySection } from './glossary';

const PURPOSE =
  'This report records the organization’s self-assessment of its industrial automation and control system (IACS) security program: the scope, the method, the level of maturity achieved for each requirement against its target, the evidence relied on, and the remediation planned.';

function contents(outline: Outline, pagesWorkedOut: boolean): FileChild[] {
  return [
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun('Contents')] }),
    para(
      pagesWorkedOut
        ? 'The sections of this report, with the page each starts on. Select an entry to go to it.'
        : 'The sections of this report. Select an entry to go to it. The page numbers are filled in when the document is printed or its fields are updated.',
      { italics: true },
    ),
    ...outline.contents(2, TEXT_WIDTH.portrait),
  ];
}

export function reportSections(ctx: DocContext): ISectionOptions[] {
  // The front matter (document control, contents) is unnumbered; the body's chapters count from 1.
  const outline = new Outline({ numbered: false });
  const front = [...coverPage(ctx, PURPOSE), ...documentControl(ctx, outline)];
  outline.startNumbering();
  const body: FileChild[] = [
    ...executiveSummary(ctx, outline),
    ...conclusionSection(ctx, outline),
    ...scopeSection(ctx, outline),
    ...systemSection(ctx, outline),
    ...conductSection(ctx, outline),
    ...methodSection(ctx, outline),
    ...resultsSections(ctx, outline),
    ...findingsSection(ctx, outline),
    ...reviewsSection(ctx, outline),
    outline.heading(1, 'Statement of applicability'),
    para('A summary of which requirements apply at this site. The full statement is issued as a separate document.'),
    ...soaSummary(ctx, outline),
    outline.heading(1, 'Remediation plan'),
    para('The actions the organization has committed to in order to close its gaps, and the gaps that still need one.'),
    ...planSection(ctx, outline),
    // The organization's own word, apart from the assessor's conclusion.
    ...managementStatementSection(ctx, outline),
    ...glossarySection(ctx, outline),
  ];
  const register: FileChild[] = [
    outline.heading(1, 'Evidence register'),
    para(
      'The evidence relied on in this assessment. Files are identified by their full SHA-256 hash, computed when they were added to the workbook.',
    ),
    ...registerSection(ctx, outline),
  ];
  const closing: FileChild[] = [...attestationSection(ctx, outline, false), ...signOffSection(ctx, outline)];
  // Wide tables of criteria read best across the page; the appendix is left out when the catalogue has none.
  const appendix = criteriaAppendix(ctx, outline);
  // The contents are written last, once every heading is known, and placed after document control.
  return [
    section(ctx.page, 'portrait', [
      ...front,
      ...contents(outline, estimatesPages(ctx.snapshot, ctx.options.pageNumbers === true)),
      ...body,
    ]),
    section(ctx.page, 'landscape', register),
    section(ctx.page, 'portrait', closing),
    ...(appendix.length ? [section(ctx.page, 'landscape', appendix)] : []),
  ];
}
