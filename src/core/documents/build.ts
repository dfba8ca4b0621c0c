/**
 * The audit-ready Word documents: the assessment report, and the statement of applicability,
 * remediation plan and evidence register on their own. Pure: works in Node, a Web Worker or the renderer.
 */
import { Document, Packer, type ISectionOptions } from 'docx';
import { estimatePageNumbers } from 'docx/layout';
import { exportBaseName, exportFileName } from '../format/fileName';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { Outline, para } from './blocks';
import { createContext, type DocContext } from './context';
import type { ExportControl } from './control';
import { controlBlock } from './controlBlock';
import { spliceLargeTables } from './largeTable';
import { coverPage } from './cover';
import { effectiveMarking, MarkingMissingError, type MarkingDecision } from './marking';
import { estimatesPages, section } from './pageSetup';
import { planSection } from './plan';
import { registerSection } from './register';
import { reportSections } from './report';
import { soaSummary, soaTable } from './soa';
import { DOCUMENT_STYLES } from './styles';
import { oneLine } from './text';

export type DocumentKind = 'report' | 'soa' | 'plan' | 'register';

export const DOCUMENT_KINDS: readonly DocumentKind[] = ['report', 'soa', 'plan', 'register'];

export const DOCUMENT_TITLES: Record<DocumentKind, string> = {
  report: 'Assessment report',
  soa: 'Statement of applicability',
  plan: 'Remediation plan',
  register: 'Evidence register',
};

export interface DocumentOptions {
  includeNarratives: boolean;
  includeReviewerComments: boolean;
  includeLicensedText: boolean;
  /**
   * The marking chosen for the documents; empty: the organization's own. Once resolved: the marking on
   * every page, raised to the highest of the evidence included.
   */
  classification: string;
  /** Set by resolveOptions: how the printed marking was reached (raised by which evidence, what could not be compared). */
  marking?: MarkingDecision;
  /** The SHA-256 of the evidence package the document goes with, printed on the sign-off page. */
  packageHash?: string;
  /** Revision, export ID and records digest of the export, the same on every document of it; derived when absent. */
  control?: ExportControl;
  /**
   * Lay the report out to write its contents' page numbers, so Word shows them without updating
   * fields. Seconds of work: the export paths ask for it, quick previews and tests need not.
   */
  pageNumbers?: boolean;
}

export const DEFAULT_DOCUMENT_OPTIONS: DocumentOptions = {
  includeNarratives: true,
  includeReviewerComments: false,
  includeLicensedText: false,
  classification: '',
};

/**
 * The options with the marking settled: the one chosen, else the organization's, raised by the evidence
 * the documents include. A document never goes out unmarked: with neither, it is refused.
 */
export function resolveOptions(snapshot: WorkbookSnapshot, options: Partial<DocumentOptions>): DocumentOptions {
  const merged = { ...DEFAULT_DOCUMENT_OPTIONS, ...options };
  // Options resolved once already keep the marking they were given, so the notice is not lost.
  if (merged.marking) return merged;
  const chosen = oneLine(merged.classification) || oneLine(snapshot.organization.classification);
  if (!chosen) throw new MarkingMissingError();
  const marking = effectiveMarking(chosen, snapshot.evidence);
  return { ...merged, classification: marking.marking, marking };
}

const PURPOSES: Record<Exclude<DocumentKind, 'report'>, string> = {
  soa: 'This statement lists every requirement in the scope of the assessment, whether it applies at this site, the justification where it does not, and the maturity achieved against the target.',
  plan: 'This plan lists the remediation actions recorded against the assessment by their ID, the gaps that have no open action yet, and the requirements still to be assessed.',
  register:
    'This register lists every evidence item linked to the assessment. File evidence is identified by its full SHA-256 hash so that each file can be checked independently.',
};

function smallDocument(ctx: DocContext, kind: Exclude<DocumentKind, 'report'>): ISectionOptions[] {
  const outline = new Outline();
  const cover = section(ctx.page, 'portrait', [...coverPage(ctx, PURPOSES[kind], kind), ...controlBlock(ctx, kind, outline)]);
  const heading = outline.heading(1, DOCUMENT_TITLES[kind]);
  switch (kind) {
    case 'soa':
      return [
        cover,
        section(ctx.page, 'portrait', [
          heading,
          para(`${ctx.requirementsInScope.length} requirements in ${ctx.spesInScope.length} security program elements are in scope.`),
          ...soaSummary(ctx, outline),
          ...soaTable(ctx, outline),
        ]),
      ];
    case 'plan':
      return [cover, section(ctx.page, 'portrait', [heading, ...planSection(ctx, outline)])];
    case 'register':
      return [cover, section(ctx.page, 'landscape', [heading, ...registerSection(ctx, outline)])];
  }
}

export function buildDocument(snapshot: WorkbookSnapshot, kind: DocumentKind, options: Partial<DocumentOptions> = {}): Document {
  const resolved = resolveOptions(snapshot, options);
  const title = DOCUMENT_TITLES[kind];
  const ctx = createContext(snapshot, resolved, title);
  const { assessment, organization, site } = ctx.snapshot;
  const author = documentAuthor(snapshot);
  return new Document({
    title: `${title}: ${assessment.name}`,
    subject: oneLine(snapshot.catalogue.edition),
    creator: author,
    lastModifiedBy: author,
    // The page numbers of the contents are laid out and written now, so no reader is asked to update fields.
    ...(kind === 'report' && estimatesPages(snapshot, resolved.pageNumbers === true) ? { pageNumbers: estimatePageNumbers } : {}),
    description: `${title} for ${organization.name}, ${site.name}. ${resolved.classification}.`,
    keywords: `${resolved.classification}; IEC 62443-2-1; CSMS`,
    styles: DOCUMENT_STYLES,
    sections: kind === 'report' ? reportSections(ctx) : smallDocument(ctx, kind),
  });
}

/** The .docx bytes. Uses no Node Buffer and no Blob, so it runs in Node and in a Web Worker alike. */
export async function packDocument(doc: Document): Promise<Uint8Array<ArrayBuffer>> {
  return spliceLargeTables(new Uint8Array(await Packer.toArrayBuffer(doc)));
}

/** Who the document properties name as its author: the preparer, else the organization, else the app. */
export function documentAuthor(snapshot: WorkbookSnapshot): string {
  return oneLine(snapshot.preparedBy?.name) || oneLine(snapshot.organization.name) || oneLine(snapshot.app.name) || 'CSMS Workbook';
}

/** A name's letters and digits joined by hyphens, in any script: the readable part of every export's file name. */
export function slug(text: string): string {
  return exportBaseName(text, '');
}

/** A file name safe on every system, e.g. "2026-CSMS-self-assessment_assessment-report.docx". */
export function documentFileName(snapshot: WorkbookSnapshot, kind: DocumentKind): string {
  return exportFileName(oneLine(snapshot.assessment.name), DOCUMENT_TITLES[kind].toLowerCase(), 'docx');
}
