/**
 * The catalogue's notice and the ID/title marks as printed in the documents. The wording comes from
 * catalogue/status, the same as in the app.
 */
import { Paragraph, TextRun, type FileChild } from 'docx';
import { CATALOGUE_NOTICE_HEADING, MARK_WORDING, marksText, marksUsed } from '../catalogue/status';
import type { Catalogue, Requirement } from '../catalogue/types';
import { runs } from './blocks';
import type { DocContext } from './context';
import { STYLE_IDS } from './styles';
import { clean, oneLine } from './text';

/** "About the requirement catalogue: …" as one small paragraph, for the front of every document. */
export function catalogueNotice(catalogue: Catalogue): Paragraph {
  return new Paragraph({
    style: STYLE_IDS.small,
    children: [new TextRun({ text: `${CATALOGUE_NOTICE_HEADING}: `, bold: true }), ...runs(clean(catalogue.notice).trim())],
  });
}

/** What each mark in the table means, for the marks these requirements carry; nothing when none do. */
export function marksKey(requirements: readonly Requirement[], lead = 'Key to the marks after requirement titles: '): FileChild[] {
  const used = marksUsed(requirements);
  if (!used.length) return [];
  return [
    new Paragraph({
      style: STYLE_IDS.small,
      children: [
        new TextRun({ text: lead, bold: true }),
        new TextRun(used.map((m) => `${MARK_WORDING[m].label}: ${MARK_WORDING[m].explanation}`).join(' ')),
      ],
    }),
  ];
}

/**
 * For lists that show only requirement IDs (plan, register): which of those IDs carry a mark, and what
 * the marks mean. Nothing when none do.
 */
export function markedIdsNote(ctx: DocContext, ids: readonly string[]): FileChild[] {
  const listed = new Set(ids);
  const requirements = ctx.index.requirements.filter((r) => listed.has(r.id));
  const marked = requirements.filter((r) => marksText(r));
  if (!marked.length) return [];
  return [
    new Paragraph({
      style: STYLE_IDS.small,
      children: [
        new TextRun({ text: 'Requirement IDs to check against the standard: ', bold: true }),
        new TextRun(`${marked.map((r) => `${oneLine(r.id)} (${marksText(r)})`).join(', ')}.`),
      ],
    }),
    ...marksKey(marked, 'What the marks mean: '),
  ];
}
