/**
 * Paragraph helpers and the outline. Headings carry bookmarks and numbers worked out here (1, 1.1,
 * 1.1.1), and the contents list them as links with a page reference to each bookmark; the page numbers
 * are written into the document when it is built (see build.ts), so nothing asks to update fields.
 *
 * For builders: `outline.heading(level, text)` numbers the heading once numbering has started (the
 * front matter is unnumbered), and every `dataTable`/`keyValueTable` made after a numbered heading gets
 * a caption "Table N: …" (the `caption` option, else the heading's text); charts get "Figure N: …".
 */
import {
  Bookmark,
  HeadingLevel,
  InternalHyperlink,
  LeaderType,
  NoBreakHyphen,
  PageReference,
  Paragraph,
  Tab,
  TabStopType,
  TextRun,
  type IRunOptions,
} from 'docx';
import { clean, NO_BREAK_HYPHEN } from './text';
import { COLORS, STYLE_IDS } from './styles';

type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>;

/** Runs of user or own text: "\n" becomes a line break and "\t" a tab; control characters are dropped. */
export function runs(text: string, style: RunStyle = {}): TextRun[] {
  return clean(text)
    .split('\n')
    .map((line, i) => {
      const parts = line.split('\t');
      const children: (string | Tab | NoBreakHyphen)[] = [];
      parts.forEach((part, j) => {
        if (j > 0) children.push(new Tab());
        // A non-breaking hyphen is written as Word's own element, which Word and LibreOffice both keep whole.
        part.split(NO_BREAK_HYPHEN).forEach((piece, k) => {
          if (k > 0) children.push(new NoBreakHyphen());
          if (piece) children.push(piece);
        });
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
  /** "2.3", or empty for a heading of the front matter. */
  number: string;
  text: string;
  anchor: string;
}

export interface HeadingOptions {
  pageBreakBefore?: boolean;
  /** Left out of the numbering even once it has started, as a heading of the front matter is. */
  unnumbered?: boolean;
}

// The outline of the document being built. Building is synchronous, so the latest outline made is the
// one whose tables and charts are being made: their captions count from it without being passed it.
let current: Outline | undefined;

/** A caption "Table 3: Key gaps" for the table or figure being made, or undefined before numbering starts. */
export function nextCaption(kind: 'Table' | 'Figure', text?: string): string | undefined {
  return current?.caption(kind, text);
}

function makeCurrent(outline: Outline): void {
  current = outline;
}

/** Collects the headings as they are made, numbers them, and counts the tables and figures. */
export class Outline {
  readonly entries: OutlineEntry[] = [];
  private numbering: boolean;
  private readonly counters = [0, 0, 0];
  private readonly counts = { Table: 0, Figure: 0 };
  private lastHeading = '';

  /** `numbered: false` leaves the headings unnumbered until `startNumbering()`, for front matter. */
  constructor(options: { numbered?: boolean } = {}) {
    this.numbering = options.numbered ?? true;
    makeCurrent(this);
  }

  startNumbering(): void {
    this.numbering = true;
  }

  heading(level: 1 | 2 | 3, text: string, options: HeadingOptions = {}): Paragraph {
    const anchor = `h${String(this.entries.length + 1).padStart(4, '0')}`;
    const plain = clean(text).replace(/\s+/g, ' ').trim();
    const number = this.numbering && !options.unnumbered ? this.count(level) : '';
    const entry = { level, number, text: plain, anchor };
    this.entries.push(entry);
    this.lastHeading = number ? plain : '';
    return new Paragraph({
      heading: LEVELS[level],
      // The number in a run of its own style, so the heading's own words stay a run apart from it.
      children: [
        new Bookmark({
          id: anchor,
          children: [...(number ? [new TextRun({ text: `${number}\u00a0\u00a0`, style: STYLE_IDS.headingNumber })] : []), ...runs(plain)],
        }),
      ],
      ...(options.pageBreakBefore ? { pageBreakBefore: true } : {}),
    });
  }

  /** "Table 3: …" with the text given or the heading the table sits under; undefined outside numbered parts. */
  caption(kind: 'Table' | 'Figure', text?: string): string | undefined {
    const words =
      clean(text ?? '')
        .replace(/\s+/g, ' ')
        .trim() || this.lastHeading;
    if (!words) return undefined;
    this.counts[kind] += 1;
    return `${kind} ${this.counts[kind]}: ${words}`;
  }

  private count(level: 1 | 2 | 3): string {
    this.counters[level - 1]! += 1;
    for (let i = level; i < this.counters.length; i++) this.counters[i] = 0;
    // A level-3 heading straight under a level-1 one still reads "2.0.1" rather than skipping a number.
    return this.counters.slice(0, level).join('.');
  }

  /**
   * The contents, one line per heading down to `depth`: the number and title as a link to the heading,
   * dot leaders, and a page reference to the heading's bookmark, right-aligned at `width`.
   */
  contents(depth: 1 | 2 | 3, width: number): Paragraph[] {
    return this.entries
      .filter((e) => e.level <= depth)
      .map((e) => {
        const indent = (e.level - 1) * 360;
        const hanging = e.number ? 200 + e.number.length * 100 : 0;
        const bold = e.level === 1;
        const color = bold ? COLORS.heading : undefined;
        return new Paragraph({
          style: STYLE_IDS.tocEntry,
          indent: { left: indent + hanging, hanging },
          tabStops: [
            ...(e.number ? [{ type: TabStopType.LEFT, position: indent + hanging }] : []),
            { type: TabStopType.RIGHT, position: width, leader: LeaderType.DOT },
          ],
          children: [
            new InternalHyperlink({
              anchor: e.anchor,
              children: [
                ...runs(e.number ? `${e.number}\t${e.text}` : e.text, { bold, ...(color ? { color } : {}) }),
                new TextRun({ children: [new Tab()] }),
                new PageReference(e.anchor),
              ],
            }),
          ],
        });
      });
  }
}
