import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { compareSnapshot, snapshotPair } from '../../../test/fixtures/compareSnapshots';
import { packDocument } from './build';
import { buildChangesDocument, changesFileName } from './changes';
import { plainXml } from '../../../test/fixtures/docxText';

type Parts = Record<string, string>;

const textOf = (xml: string) => [...plainXml(xml).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('|');
const headingsOf = (xml: string, level: number) =>
  [...xml.matchAll(new RegExp(`<w:p>(?:(?!</w:p>).)*?<w:pStyle w:val="Heading${level}"/>((?:(?!</w:p>).)*)</w:p>`, 'g'))].map((m) =>
    textOf(m[1]!),
  );

/** The text between one heading and the next one of any level. */
function underHeading(text: string, heading: string, next: string): string {
  const start = text.indexOf(heading);
  expect(start, heading).toBeGreaterThan(-1);
  return text.slice(start, text.indexOf(next, start + heading.length));
}

describe('the changes document', () => {
  const { baseline, current } = snapshotPair();
  let parts: Parts;
  let text: string;
  beforeAll(async () => {
    const bytes = await packDocument(buildChangesDocument(baseline, current));
    parts = Object.fromEntries(Object.entries(unzipSync(bytes)).map(([n, d]) => [n, n.endsWith('.xlsx') ? '' : strFromU8(d)]));
    text = textOf(parts['word/document.xml']!);
  });

  it('is titled after the baseline and carries the marking in header and footer', () => {
    expect(headingsOf(parts['word/document.xml']!, 1)).toEqual(['Changes since Assessment 2025']);
    expect(text).toContain('Changes since Assessment 2025');
    const headers = Object.keys(parts).filter((n) => /^word\/header\d*\.xml$/.test(n));
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(headers.length).toBeGreaterThan(0);
    for (const part of [...headers, ...footers]) expect(textOf(parts[part]!), part).toContain('TLP:AMBER');
  });

  it('groups the requirements by change with their levels before and after', () => {
    expect(headingsOf(parts['word/document.xml']!, 3)).toEqual([
      'Improved (1)',
      'Regressed (1)',
      'Newly assessed (2)',
      'No longer assessed (1)',
      'Unchanged (1)',
      'Assessed in neither (2)',
    ]);
    const improved = underHeading(text, 'Improved (1)', 'Regressed (1)');
    expect(improved).toContain('ORG 1.1 Title of ORG 1.1|ML2|ML3|ML3|target reached');
    expect(improved).not.toContain('ORG 1.2');
    const regressed = underHeading(text, 'Regressed (1)', 'Newly assessed (2)');
    expect(regressed).toContain('ORG 1.2 Title of ORG 1.2|ML3|ML2|ML3|now below target; evidence expired');
    const newly = underHeading(text, 'Newly assessed (2)', 'No longer assessed (1)');
    expect(newly).toContain('SYS 1.1 Title of SYS 1.1|Out of scope|ML1');
    const gone = underHeading(text, 'No longer assessed (1)', 'Requirements that stayed');
    expect(gone).toContain('NET 1.2 Title of NET 1.2|ML2|Not applicable');
    expect(text).toContain('1 requirement kept the same level (ML2: 1). 1 of them was carried over and not yet confirmed');
  });

  it('has the per-SPE table with means, deltas and counts, and a native chart', () => {
    expect(text).toContain('ORG ORG title|2.5|2.5|0.0|1|1|0|0|0');
    expect(text).toContain('NET NET title|2.0|3.0|+1.0|0|0|1|1|1');
    expect(text).toContain('SYS SYS title|—|1.0|—|0|0|1|0|0');
    expect(Object.keys(parts).some((n) => /^word\/charts\/chart\d+\.xml$/.test(n))).toBe(true);
  });

  it('refuses, with the comparison’s sentence, two assessments of different sites', () => {
    const elsewhere = compareSnapshot({ id: 'a3', siteId: 'site-2', siteName: 'Hilltop' });
    expect(() => buildChangesDocument(baseline, elsewhere)).toThrow(/different sites/);
  });

  it('names its file after both assessments', () => {
    expect(changesFileName(baseline, current)).toBe('Assessment-2026_changes-since-Assessment-2025.docx');
  });
});
