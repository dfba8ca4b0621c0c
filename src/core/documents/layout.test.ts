import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { plainXml } from '../../../test/fixtures/docxText';
import type { RequirementScore } from '../scoring/score';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import type { WorkbookSnapshot } from '../snapshot/snapshot';
import { Outline } from './blocks';
import { buildDocument, DOCUMENT_KINDS, packDocument, type DocumentKind, type DocumentOptions } from './build';
import { keyGaps, tiedGapsNote } from './gaps';
import { unbroken } from './tables';
import { EMPTY } from './text';

const { snapshot } = sampleSnapshot(catalogue2024(), new Date('2026-06-15T09:00:00Z'));

async function parts(s: WorkbookSnapshot, kind: DocumentKind, options: Partial<DocumentOptions> = {}): Promise<Record<string, string>> {
  const files = unzipSync(await packDocument(buildDocument(s, kind, options)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.xlsx') ? '' : strFromU8(data)]));
}
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const paragraphs = (xml: string) => [...xml.matchAll(/<w:p>(?:(?!<\/w:p>).)*<\/w:p>/g)].map((m) => m[0]);
const headings = (xml: string) =>
  paragraphs(xml)
    .filter((p) => /<w:pStyle w:val="Heading[123]"\/>/.test(p))
    .map((p) => ({ anchor: /w:name="(h\d+)"/.exec(p)?.[1], text: textOf(p).replace(/\u00a0/g, ' ') }));

describe('the outline numbers what the documents cite', () => {
  it('numbers headings by level once numbering starts, and leaves the front matter unnumbered', () => {
    const outline = new Outline({ numbered: false });
    outline.heading(1, 'Document control');
    outline.startNumbering();
    outline.heading(1, 'Summary');
    outline.heading(2, 'Figures');
    outline.heading(2, 'Gaps');
    outline.heading(1, 'Results');
    outline.heading(3, 'Deep');
    outline.heading(2, 'Element');
    outline.heading(3, 'Requirement');
    expect(outline.entries.map((e) => `${e.number}|${e.text}`)).toEqual([
      '|Document control',
      '1|Summary',
      '1.1|Figures',
      '1.2|Gaps',
      '2|Results',
      '2.0.1|Deep',
      '2.1|Element',
      '2.1.1|Requirement',
    ]);
  });

  it('counts tables and figures through the document, named after the heading they sit under unless given a caption', () => {
    const outline = new Outline({ numbered: false });
    outline.heading(1, 'Front');
    expect(outline.caption('Table')).toBeUndefined();
    outline.startNumbering();
    outline.heading(1, 'Key gaps');
    expect(outline.caption('Table')).toBe('Table 1: Key gaps');
    expect(outline.caption('Figure', 'Mean level by element')).toBe('Figure 1: Mean level by element');
    expect(outline.caption('Table', 'Actions')).toBe('Table 2: Actions');
  });
});

describe('the report as built for export', () => {
  let xml: string;
  let all: Record<string, string>;
  beforeAll(async () => {
    all = await parts(snapshot, 'report', { pageNumbers: true });
    xml = all['word/document.xml']!;
  }, 120_000);

  it('lists every heading down to level 2 in the contents with its number, a link and a page number already written', () => {
    const entries = paragraphs(xml).filter((p) => p.includes('<w:pStyle w:val="TocEntry"/>'));
    // Level 1 and 2 only; the "Contents" heading itself is not an entry.
    const listed = headings(xml).filter((h) => h.anchor && !/^\d+\.\d+\.\d+ /.test(h.text));
    expect(entries.length).toBe(listed.length);
    let last = 0;
    entries.forEach((entry, i) => {
      const anchor = listed[i]!.anchor!;
      expect(entry).toContain(`w:anchor="${anchor}"`);
      expect(entry).toContain(`PAGEREF ${anchor}`);
      expect(entry).toContain('w:leader="dot"');
      const page = Number(/<w:fldChar w:fldCharType="separate"\/><w:t[^>]*>(\d+)<\/w:t>/.exec(entry)?.[1]);
      expect(page, listed[i]!.text).toBeGreaterThanOrEqual(Math.max(last, 2));
      last = page;
      expect(textOf(entry).replace(/\u00a0/g, ' ')).toBe(`${listed[i]!.text.replace(/^(\d+(?:\.\d+)*) {2}/, '$1')}${page}`);
    });
    expect(listed.map((h) => h.text)).toContain('1  Executive summary');
    expect(all['word/settings.xml'] ?? '').not.toContain('updateFields');
  });

  it('numbers its tables and figures in order, each once', () => {
    const captions = [...textOf(xml).matchAll(/(Table|Figure) (\d+): /g)];
    const tables = captions.filter((c) => c[1] === 'Table').map((c) => Number(c[2]));
    const figures = captions.filter((c) => c[1] === 'Figure').map((c) => Number(c[2]));
    expect(tables.length).toBeGreaterThan(10);
    expect(tables).toEqual(tables.map((_, i) => i + 1));
    expect(figures).toEqual([1, 2]);
  });

  it('lets body rows break across pages and keeps only header rows whole and repeating', () => {
    const rows = [...xml.matchAll(/<w:tr>(?:(?!<\/w:tr>).)*<\/w:tr>/g)].map((m) => m[0]);
    const whole = rows.filter((r) => r.includes('<w:cantSplit/>'));
    expect(rows.length).toBeGreaterThan(whole.length * 2);
    for (const row of whole) expect(row).toContain('<w:tblHeader/>');
  });

  it('ends its body with a glossary and the normative and informative references', () => {
    const text = textOf(plainXml(xml));
    expect(text).toContain('Glossary and references');
    expect(text).toMatch(/SPE.{0,5}Security program element/);
    expect(text).toContain('Normative: the assessment was made against the requirements of');
    expect(text).toContain('ISO/IEC 27001:2022');
    expect(text).toContain(
      'requirements ofIEC 62443-2-1:2024, Security for industrial automation and control systems, Part 2-1: Security program requirements for IACS asset owners',
    );
    expect(text.match(/IEC 62443-2-1:2024, Security/g)).toHaveLength(1);
  });

  it('sets the language of its text and names its author', () => {
    expect(all['word/styles.xml']).toMatch(/<w:lang w:val="en-GB"/);
    expect(all['docProps/core.xml']).toContain('<dc:creator>Dana Whitfield</dc:creator>');
    expect(all['docProps/core.xml']).toContain('<cp:lastModifiedBy>Dana Whitfield</cp:lastModifiedBy>');
  });
});

describe('document properties without a preparer', () => {
  it('name the organization as author, never a placeholder', async () => {
    const core = (await parts({ ...snapshot, preparedBy: null }, 'plan'))['docProps/core.xml']!;
    expect(core).toContain('<dc:creator>North Valley Water Authority</dc:creator>');
    expect(core).toContain('<cp:lastModifiedBy>North Valley Water Authority</cp:lastModifiedBy>');
  });
});

describe('IDs, dates and sizes in table cells', () => {
  it('are kept whole with non-breaking spaces and hyphens, lists still breaking after their commas', () => {
    expect(unbroken('EV-0001, EV-0002', 'id')).toBe('EV\u20110001, EV\u20110002');
    expect(unbroken('COMP 1.1', 'id')).toBe('COMP\u00a01.1');
    expect(unbroken('953 bytes', 'size')).toBe('953\u00a0bytes');
    expect(unbroken('2026-03-01 (expired)', 'date')).toBe('2026\u201103\u201101\u00a0(expired)');
    expect(unbroken('see NET 3.1 and EV-0004 from 2026-03-01, 1.2 MB')).toBe(
      'see NET\u00a03.1 and EV\u20110004 from 2026\u201103\u201101, 1.2\u00a0MB',
    );
  });

  it('print "—" and never "None" for an empty value in every document', async () => {
    const cells = (xml: string) => [...xml.matchAll(/<w:tc>(?:(?!<\/w:tc>).)*<\/w:tc>/g)].map((m) => textOf(plainXml(m[0])));
    for (const kind of DOCUMENT_KINDS) {
      expect(cells((await parts(snapshot, kind))['word/document.xml']!), kind).not.toContain('None');
    }
    // The sample has evidence that never expires: its Expires cell carries the one empty mark.
    const register = cells((await parts(snapshot, 'register'))['word/document.xml']!);
    const row = register.indexOf('EV-0006');
    expect(register.slice(row, row + 9)).toContain(EMPTY);
    expect(register.slice(row, row + 9)[7]).toBe(EMPTY);
  });
});

describe('the key gaps of the executive summary', () => {
  const gap = (id: string, size: number) => ({ requirementId: id, gap: size }) as RequirementScore;
  it('say how many more tie with the last one shown instead of cutting them silently', () => {
    const ranked = [gap('A', 3), gap('B', 2), gap('C', 1), gap('D', 1), gap('E', 1), gap('F', 1), gap('G', 1), gap('H', 0)];
    const top = keyGaps(ranked, 5);
    expect(top.shown.map((g) => g.requirementId)).toEqual(['A', 'B', 'C', 'D', 'E']);
    expect(top.tiedBeyond).toBe(2);
    expect(tiedGapsNote(top)).toBe(
      'Only the first 5 are shown: 2 more requirements have the same gap of 1 level. Every gap is listed in the remediation plan.',
    );
    expect(tiedGapsNote(keyGaps(ranked.slice(0, 6).concat(gap('X', 0)), 6))).toBeUndefined();
    expect(tiedGapsNote(keyGaps([gap('A', 2), gap('B', 2)], 5))).toBeUndefined();
  });
});
