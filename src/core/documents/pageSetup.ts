/**
 * Page size, margins, and the header and footer every page carries: the document title, the
 * classification marking (top and bottom), and "Page X of Y" from Word's own page fields.
 */
import {
  BorderStyle,
  Footer,
  Header,
  PageNumber,
  PageOrientation,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type FileChild,
  type ISectionOptions,
} from 'docx';
import { oneLine } from './text';
import { COLORS, SIZES, STYLE_IDS } from './styles';

/** A4 in twentieths of a point. */
const A4 = { short: 11906, long: 16838 } as const;
const MARGIN = { side: 1134, top: 1247, bottom: 1134, header: 567, footer: 567 } as const;

/** The width text and tables may take, portrait and landscape. */
export const TEXT_WIDTH = { portrait: A4.short - 2 * MARGIN.side, landscape: A4.long - 2 * MARGIN.side } as const;

export interface PageContext {
  /** The document's title, in the header. */
  title: string;
  classification: string;
  organization: string;
}

export type Orientation = 'portrait' | 'landscape';

function header(ctx: PageContext, width: number): Header {
  return new Header({
    children: [
      new Paragraph({
        style: STYLE_IDS.small,
        tabStops: [{ type: TabStopType.RIGHT, position: width }],
        border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule, space: 4 } },
        spacing: { after: 0 },
        children: [
          new TextRun(oneLine(ctx.title)),
          new TextRun({ children: [new Tab()] }),
          new TextRun({ text: oneLine(ctx.classification), bold: true, color: COLORS.marking }),
        ],
      }),
    ],
  });
}

function footer(ctx: PageContext, width: number): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE_IDS.small,
        tabStops: [
          { type: TabStopType.CENTER, position: Math.round(width / 2) },
          { type: TabStopType.RIGHT, position: width },
        ],
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: COLORS.rule, space: 4 } },
        spacing: { after: 0 },
        children: [
          new TextRun({ text: oneLine(ctx.classification), bold: true, color: COLORS.marking, size: SIZES.small }),
          new TextRun({ children: [new Tab(), oneLine(ctx.organization)] }),
          new TextRun({ children: [new Tab(), 'Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] }),
        ],
      }),
    ],
  });
}

/** One section: its page size and orientation, with the shared header and footer. */
export function section(ctx: PageContext, orientation: Orientation, children: FileChild[]): ISectionOptions {
  const width = TEXT_WIDTH[orientation];
  return {
    properties: {
      page: {
        size: {
          width: A4.short,
          height: A4.long,
          orientation: orientation === 'landscape' ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT,
        },
        margin: {
          top: MARGIN.top,
          bottom: MARGIN.bottom,
          left: MARGIN.side,
          right: MARGIN.side,
          header: MARGIN.header,
          footer: MARGIN.footer,
        },
      },
    },
    headers: { default: header(ctx, width) },
    footers: { default: footer(ctx, width) },
    children,
  };
}

/**
 * Working out the pages takes a full layout of the document, seconds for a report of a hundred pages,
 * so it is done for the report only (the one document with page references) and only up to this size;
 * past it the contents leave the page numbers to the word processor, which fills them when printing or
 * updating fields (LibreOffice does so on opening).
 */
export const PAGE_ESTIMATE_LIMIT = { evidence: 500, links: 2000 } as const;

export function estimatesPages(snapshot: { evidence: readonly unknown[]; links: readonly unknown[] }, requested: boolean): boolean {
  return requested && snapshot.evidence.length <= PAGE_ESTIMATE_LIMIT.evidence && snapshot.links.length <= PAGE_ESTIMATE_LIMIT.links;
}
