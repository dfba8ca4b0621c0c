/**
 * Paragraph helpers and the outline: headings carry bookmarks, and the table of contents is written
 * from them as plain paragraphs with internal links, so Word has no field to update on opening.
 */
import { Bookmark, HeadingLevel, InternalHyperlink, Paragraph, Tab, TextRun, type IRunOptions } from 'docx';
import { clean } from './text';
import { COLORS, STYLE_IDS } from './styles';

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Runs of user or own text: "\n" becomes a line break and "\t" a tab; control characters are dropped. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((line, i) => {
      const parts = line.split('\t');
      const children: (string | Tab)[] = [];
      parts.forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        if (part) children.push(part);
      });
      return new TextRun({ ...style, children, ...(i > 0 ? { break: 1 } : {}) });
    });
}

export interface ParaOptions {
  style?: string;
  bold?: boolean;
  italics?: boolean;
  color?: string;
  keepNext?: boolean;
  spacingAfter?: number;
  spacingBefore?: number;
}

export function para(text: string, options: ParaOptions = {}): Paragraph {
  const { style, keepNext, spacingAfter, spacingBefore, ...run } = options;
  const spacing = {
    ...(spacingBefore !== undefined ? { before: spacingBefore } : {}),
    ...(spacingAfter !== undefined ? { after: spacingAfter } : {}),
  };
  return new Paragraph({
    children: runs(text, run),
    ...(style ? { style } : {}),
    ...(keepNext ? { keepNext } : {}),
    ...(Object.keys(spacing).length ? { spacing } : {}),
  });
}

/** "Label: value" with the label in bold. */
export function labelled(label: string, value: string, options: { keepNext?: boolean } = {}): Paragraph {
  return new Paragraph({ children: [new TextRun({ text: `${clean(label)}: `, bold: true }), ...runs(value)], ...options });
}

export function bullet(text: string): Paragraph {
  return new Paragraph({ children: runs(text), bullet: { level: 0 } });
}

export function note(text: string): Paragraph {
  return para(text, { style: STYLE_IDS.small, italics: true });
}

const LEVELS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

export interface OutlineEntry {
  level: 1 | 2 | 3;
  text: string;
  anchor: string;
}

/** Collects the headings as they are made, for the table of contents. */
export class Outline {
  readonly entries: OutlineEntry[] = [];

  heading(level: 1 | 2 | 3, text: string, options: { pageBreakBefore?: boolean } = {}): Paragraph {
    const anchor = `h${String(this.entries.length + 1).padStart(4, '0')}`;
    const entry = { level, text: clean(text).replace(/\s+/g, ' ').trim(), anchor };
    this.entries.push(entry);
    return new Paragraph({
      heading: LEVELS[level],
      children: [new Bookmark({ id: anchor, children: [new TextRun(entry.text)] })],
      ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    });
  }

  /** The contents as paragraphs, one per heading down to `depth`, each a link to its heading. */
  contents(depth: 1 | 2 | 3): Paragraph[] {
    return this.entries
      .filter((e) => e.level <= depth)
      .map(
        (e) =>
          new Paragraph({
            style: STYLE_IDS.tocEntry,
            indent: { left: (e.level - 1) * 360 },
            children: [
              new InternalHyperlink({
                anchor: e.anchor,
                children: [new TextRun({ text: e.text, bold: e.level === 1, color: e.level === 1 ? COLORS.heading : undefined })],
              }),
            ],
          }),
      );
  }
}
