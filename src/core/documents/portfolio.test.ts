import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { indexCatalogue } from '../catalogue/lookup';
import { buildPortfolio, type Portfolio } from '../portfolio/aggregate';
import type { PortfolioBundle } from '../portfolio/bundles';
import { siteWorkbook, threeSiteSpecs } from '../portfolio/testSites';
import { packDocument } from './build';
import { buildPortfolioDocument, NO_MARKING_MESSAGE, PORTFOLIO_TITLE, speCellText } from './portfolio';
import { plainXml } from '../../../test/fixtures/docxText';

const catalogue = catalogue2024();
const NOW = new Date('2026-06-15T09:00:00Z');
const app = { name: 'CSMS Workbook', version: 'test' };

function portfolio(): Portfolio {
  const bundles: PortfolioBundle[] = threeSiteSpecs().map((spec) => {
    const { input } = siteWorkbook(catalogue, spec, NOW);
    const head = input.log.at(-1)!.hash;
    return {
      key: spec.siteId,
      fileName: `${spec.siteId}.csmsx`,
      header: { app, createdAt: input.createdAt, scope: { kind: 'workbook' }, log: { count: input.log.length, head } },
      records: input.records,
      chain: { ok: true, count: input.log.length, head },
      logProblem: null,
    };
  });
  const outcome = buildPortfolio(bundles, { catalogue: () => catalogue, asOf: '2026-06-01', app, now: NOW });
  if (!outcome.ok) throw new Error('unexpected duplicates');
  return outcome.portfolio;
}

const textOf = (xml: string) => [...plainXml(xml).matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('the portfolio summary document', () => {
  let parts: Record<string, string>;
  let p: Portfolio;
  beforeAll(async () => {
    p = portfolio();
    const bytes = await packDocument(buildPortfolioDocument(p, { classification: '', generatedAt: NOW.toISOString(), app }));
    parts = Object.fromEntries(
      Object.entries(unzipSync(bytes)).map(([name, data]) => [name, name.endsWith('.xlsx') ? '' : strFromU8(data)]),
    );
  });

  it('is never made unmarked: a blank or invisible marking with bundles that carry none is refused in one sentence', () => {
    const unmarked = { ...p, sites: p.sites.map((s) => ({ ...s, classification: '' })) };
    for (const classification of ['', '   ', '\u200b\u202e'])
      expect(() => buildPortfolioDocument(unmarked, { classification, generatedAt: NOW.toISOString(), app })).toThrow(NO_MARKING_MESSAGE);
    expect(() => buildPortfolioDocument(unmarked, { classification: 'TLP:GREEN', generatedAt: NOW.toISOString(), app })).not.toThrow();
  });

  it('opens with a cover and carries the sites’ own marking in every header and footer', () => {
    const body = textOf(parts['word/document.xml']!);
    expect(body.startsWith('TLP:AMBER')).toBe(true);
    expect(body).toContain(PORTFOLIO_TITLE);
    expect(body).toContain('3 sites side by side');
    const headers = Object.keys(parts).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n));
    expect(headers.length).toBeGreaterThanOrEqual(2);
    for (const name of headers) expect(textOf(parts[name]!)).toContain('TLP:AMBER');
  });

  it('prints each site’s attained and mean level per program element, and the site with the first requirement in ORG', () => {
    const body = textOf(parts['word/document.xml']!);
    const first = indexCatalogue(catalogue).requirements[0]!;
    expect(first.speId).toBe(p.spes[0]!.speId);
    // North's first program element holds its two ML1 answers: attained ML1.
    expect(p.spes[0]!.cells[0]!.attained).toBe(1);
    for (const row of p.spes) for (const c of row.cells) expect(body).toContain(speCellText(c));
    expect(body).toContain(`${first.id}`);
    expect(body).toContain('3 of 3');
    expect(body).toContain('North Works, South Works, East Works');
  });

  it('has one native chart and lists the overdue actions per site', () => {
    expect(Object.keys(parts).filter((n) => /^word\/charts\/chart\d+\.xml$/.test(n))).toHaveLength(1);
    const body = textOf(parts['word/document.xml']!);
    expect(body).toContain('North Works: 1 overdue action');
    expect(body).toContain('South Works: 0 overdue actions');
    expect(body).toContain('East Works: 2 overdue actions');
  });
});
