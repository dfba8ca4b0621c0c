/** The look of every document: fonts, colours, heading and paragraph styles. */
import { LineRuleType, type IStylesOptions } from 'docx';

export const FONT = 'Calibri';
export const MONO_FONT = 'Consolas';

export const COLORS = {
  heading: '1F3A5F',
  accent: '2E75B6',
  target: 'A5A5A5',
  muted: '595959',
  rule: 'BFBFBF',
  headerFill: 'DCE6F1',
  labelFill: 'F2F2F2',
  marking: 'C00000',
} as const;

/** Sizes in half-points, as Word stores them. */
export const SIZES = { body: 20, small: 17, table: 17, hash: 15, title: 48, subtitle: 28 } as const;

export const STYLE_IDS = {
  small: 'SmallText',
  tableText: 'TableText',
  hash: 'HashText',
  marking: 'Marking',
  tocEntry: 'TocEntry',
  caption: 'TableCaption',
  headingNumber: 'HeadingNumber',
} as const;

/** The language of every document's text, for spelling and for screen readers. */
export const LANGUAGE = 'en-GB';

export const DOCUMENT_STYLES: IStylesOptions = {
  default: {
    document: {
      run: { font: FONT, size: SIZES.body, language: { value: LANGUAGE } },
      paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO } },
    },
    title: { run: { font: FONT, size: SIZES.title, bold: true, color: COLORS.heading }, paragraph: { spacing: { after: 240 } } },
    heading1: {
      run: { font: FONT, size: 32, bold: true, color: COLORS.heading },
      paragraph: { spacing: { before: 360, after: 160 }, keepNext: true, keepLines: true },
    },
    heading2: {
      run: { font: FONT, size: 26, bold: true, color: COLORS.heading },
      paragraph: { spacing: { before: 280, after: 120 }, keepNext: true, keepLines: true },
    },
    heading3: {
      run: { font: FONT, size: 22, bold: true, color: COLORS.accent },
      paragraph: { spacing: { before: 220, after: 80 }, keepNext: true, keepLines: true },
    },
  },
  characterStyles: [{ id: STYLE_IDS.headingNumber, name: 'Heading number', basedOn: 'DefaultParagraphFont' }],
  paragraphStyles: [
    {
      id: STYLE_IDS.small,
      name: 'Small text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: SIZES.small, color: COLORS.muted },
    },
    {
      id: STYLE_IDS.tableText,
      name: 'Table text',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: SIZES.table },
      paragraph: { spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
    },
    {
      id: STYLE_IDS.hash,
      name: 'Hash text',
      basedOn: STYLE_IDS.tableText,
      run: { font: MONO_FONT, size: SIZES.hash },
    },
    {
      id: STYLE_IDS.marking,
      name: 'Classification marking',
      basedOn: 'Normal',
      run: { bold: true, color: COLORS.marking, size: SIZES.small },
      paragraph: { spacing: { after: 0 } },
    },
    {
      id: STYLE_IDS.tocEntry,
      name: 'Contents entry',
      basedOn: 'Normal',
      paragraph: { spacing: { after: 40 } },
    },
    {
      id: STYLE_IDS.caption,
      name: 'Table caption',
      basedOn: 'Normal',
      quickFormat: true,
      run: { size: SIZES.small, bold: true, color: COLORS.heading },
      paragraph: { spacing: { before: 120, after: 0 }, keepNext: true },
    },
  ],
};
