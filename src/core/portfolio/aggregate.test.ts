import { describe, expect, it } from 'vitest';
import { requirementText } from '../../../test/fixtures/testCatalogue';
import { readBundle } from '../bundle/bundle';
import { evidenceKeeper, memorySource } from '../bundle/testKit';
import { loadCatalogue } from '../catalogue/load';
import type { Catalogue } from '../catalogue/types';
import type { MaturityLevel } from '../records/model';
import { buildPortfolio, siteKey, topWithTies, type Portfolio } from './aggregate';
import { portfolioBundle, type PortfolioBundle } from './bundles';
import { siteBundleBytes, siteWorkbook, type AssessmentSpec, type SiteSpec } from './testSites';

const spe = (number: number, id: string, requirements: string[]) => ({
  name: `${id.toLowerCase()}.yaml`,
  text: `format: 1\nspe:\n  number: ${number}\n  id: ${id}\n  title: ${id} title\n  summary: s\n  elements:\n    - id: ${id} 1\n      title: e\n      summary: s\n      requirements:\n${requirements.map((r) => requirementText(r)).join('')}`,
});
const loaded = loadCatalogue(
  {
    name: 'catalogue.yaml',
    text: 'format: 1\nid: portfolio-test\nedition: Test edition\nversion: 1.0.0\ntitle: T\nnotice: N\nlevels: { spe: S, element: E, requirement: R }\nfiles: [org.yaml, net.yaml]\n',
  },
  [spe(1, 'ORG', ['ORG 1.1', 'ORG 1.2']), spe(2, 'NET', ['NET 1.1', 'NET 1.2', 'NET 1.3'])],
);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const catalogue: Catalogue = loaded.catalogue;
const NOW = new Date('2026-06-15T09:00:00Z');

/** Levels by requirement ID; absent: not assessed. */
const levels =
  (byId: Record<string, MaturityLevel>): AssessmentSpec['level'] =>
  (r) =>
    byId[r.id] ?? null;

const assessment = (
  id: string,
  periodEnd: string,
  byId: Record<string, MaturityLevel>,
  extra: Partial<AssessmentSpec> = {},
): AssessmentSpec => ({
  id,
  name: `Assessment ${id}`,
  periodStart: `${periodEnd.slice(0, 4)}-01-01`,
  periodEnd,
  level: levels(byId),
  ...extra,
});

function bundleOf(key: string, spec: SiteSpec, extra: Partial<PortfolioBundle> = {}): PortfolioBundle {
  const { input } = siteWorkbook(catalogue, spec, NOW);
  const head = input.log.at(-1)!;
  return {
    key,
    fileName: `${key}.csmsx`,
    header: { app: input.app, createdAt: input.createdAt, scope: { kind: 'workbook' }, log: { count: input.log.length, head: head.hash } },
    records: input.records,
    chain: { ok: true, count: input.log.length, head: head.hash },
    logProblem: null,
    ...extra,
  };
}

const siteA: SiteSpec = {
  organization: 'Acme Water',
  siteId: 'site-a',
  siteName: 'Plant A',
  assessments: [
    assessment(
      'a-2026',
      '2026-03-31',
      { 'ORG 1.1': 2, 'ORG 1.2': 4, 'NET 1.1': 3, 'NET 1.2': 1 },
      {
        actions: [
          ['ORG 1.1', '2026-05-01', 'open'],
          ['NET 1.2', '2026-07-01', 'in-progress'],
          ['NET 1.1', '2026-01-01', 'done'],
        ],
      },
    ),
  ],
};
const siteB: SiteSpec = {
  organization: 'Acme Water',
  siteId: 'site-b',
  siteName: 'Plant B',
  assessments: [
    assessment('b-2024', '2024-12-31', { 'ORG 1.1': 4, 'ORG 1.2': 4, 'NET 1.1': 4, 'NET 1.2': 4, 'NET 1.3': 4 }),
    assessment('b-2025', '2025-12-31', { 'ORG 1.1': 1, 'ORG 1.2': 3, 'NET 1.1': 3, 'NET 1.2': 2, 'NET 1.3': 3 }),
  ],
};
const siteC: SiteSpec = {
  organization: 'Acme Water',
  siteId: 'site-c',
  siteName: 'Plant C',
  assessments: [assessment('c-2026', '2026-04-30', { 'ORG 1.1': 3, 'ORG 1.2': 2, 'NET 1.1': 3, 'NET 1.2': 3, 'NET 1.3': 3 })],
};

const options = {
  catalogue: (id: string) => (id === catalogue.id ? catalogue : undefined),
  asOf: '2026-06-01',
  app: { name: 'CSMS Workbook', version: 'test' },
  now: NOW,
};

function portfolioOf(
  bundles: PortfolioBundle[],
  extra: Partial<typeof options & { top: number; chosen: Record<string, string> }> = {},
): Portfolio {
  const outcome = buildPortfolio(bundles, { ...options, ...extra });
  if (!outcome.ok) throw new Error(outcome.duplicates.map((d) => d.message).join('\n'));
  return outcome.portfolio;
}

const cell = (p: Portfolio, speId: string, site: number) => {
  const c = p.spes.find((s) => s.speId === speId)!.cells[site];
  return c ? [c.attained, c.meanAchieved] : null;
};

describe('the portfolio', () => {
  const three = () => [bundleOf('a', siteA), bundleOf('b', siteB), bundleOf('c', siteC)];

  it('gives each SPE per site its attained level (lowest assessed) and mean achieved level, from the latest assessment', () => {
    const p = portfolioOf(three());
    expect(p.sites.map((s) => [s.siteName, s.assessment.id, s.named])).toEqual([
      ['Plant A', 'a-2026', false],
      ['Plant B', 'b-2025', false],
      ['Plant C', 'c-2026', false],
    ]);
    expect(p.spes.map((r) => r.speId)).toEqual(['ORG', 'NET']);
    expect([0, 1, 2].map((i) => cell(p, 'ORG', i))).toEqual([
      [2, 3],
      [1, 2],
      [2, 2.5],
    ]);
    // NET 1.3 is not assessed at Plant A: it is left out, not counted as zero.
    expect([0, 1, 2].map((i) => cell(p, 'NET', i))).toEqual([
      [1, 2],
      [2, 2.7],
      [3, 3],
    ]);
  });

  it('uses the assessment the user named for a site instead of its latest', () => {
    const p = portfolioOf(three(), { chosen: { [siteKey('b', 'site-b')]: 'b-2024' } });
    expect(p.sites[1]!.assessment.id).toBe('b-2024');
    expect(p.sites[1]!.named).toBe(true);
    expect(cell(p, 'ORG', 1)).toEqual([4, 4]);
    expect(p.sites[1]!.choices.map((c) => c.id)).toEqual(['b-2025', 'b-2024']);
  });

  it('ranks requirements by the number of sites below target and keeps ties at the cut', () => {
    const p = portfolioOf(three(), { top: 1 });
    expect(p.belowTarget.rows.map((r) => [r.requirementId, r.sites])).toEqual([
      ['ORG 1.1', ['Plant A', 'Plant B']],
      ['NET 1.2', ['Plant A', 'Plant B']],
    ]);
    expect(p.belowTarget.more).toBe(1);
    expect(p.belowTarget.total).toBe(3);
    expect(portfolioOf(three(), { top: 10 }).belowTarget.rows.map((r) => [r.requirementId, r.sites.length])).toEqual([
      ['ORG 1.1', 2],
      ['NET 1.2', 2],
      ['ORG 1.2', 1],
    ]);
  });

  it('lists overdue actions per site as of the day given', () => {
    expect(portfolioOf(three()).sites.map((s) => s.overdue.map((a) => a.requirementId))).toEqual([['ORG 1.1'], [], []]);
    const later = portfolioOf(three(), { asOf: '2026-07-02' });
    expect(later.sites[0]!.overdue.map((a) => a.requirementId)).toEqual(['ORG 1.1', 'NET 1.2']);
    expect(later.sites[0]!.overall.overdueActions).toBe(2);
  });

  it('says per site whose change log did not verify', () => {
    const broken = bundleOf('c', siteC, {
      logProblem: 'its change log is broken at entry 3: the hash does not match',
      chain: { ok: false, seq: 3, reason: 'the hash does not match', count: 9 },
    });
    const p = portfolioOf([bundleOf('a', siteA), broken]);
    expect(p.sites.map((s) => s.logVerified)).toEqual([true, false]);
    expect(p.sites[1]!.logProblem).toMatch(/broken at entry 3/);
  });

  it('refuses the same bundle twice and two bundles of one site, naming both files', () => {
    const a = bundleOf('a', siteA);
    const same = buildPortfolio([a, { ...a, key: 'a2', fileName: 'copy of a.csmsx' }, bundleOf('c', siteC)], options);
    expect(same.ok).toBe(false);
    if (!same.ok) {
      expect(same.duplicates).toHaveLength(1);
      expect(same.duplicates[0]!.message).toBe(
        '“a.csmsx” and “copy of a.csmsx” are the same bundle (the same records and change log). Remove one of them.',
      );
    }
    const renamed = { ...siteB, siteId: 'other-id', assessments: [siteB.assessments[0]!] };
    const twoOfB = buildPortfolio([bundleOf('b', siteB), bundleOf('b-old', renamed)], options);
    expect(twoOfB.ok).toBe(false);
    if (!twoOfB.ok)
      expect(twoOfB.duplicates[0]!.message).toMatch(/^“b\.csmsx” and “b-old\.csmsx” both hold the site “Plant B” of Acme Water\./);
    // The same site name in another organization is another site.
    expect(buildPortfolio([bundleOf('b', siteB), bundleOf('x', { ...renamed, organization: 'Other Utility' })], options).ok).toBe(true);
  });

  it('leaves out a site whose catalogue this version lacks, saying why', () => {
    const p = portfolioOf([bundleOf('a', siteA), bundleOf('c', siteC)], { catalogue: () => undefined });
    expect(p.sites).toEqual([]);
    expect(p.leftOut.map((l) => l.siteName)).toEqual(['Plant A', 'Plant C']);
    expect(p.leftOut[0]!.reason).toMatch(/catalogue “portfolio-test”/);
  });

  it('keeps only records and the log’s verdict of a verified bundle', async () => {
    const workbook = siteWorkbook(catalogue, { ...siteA, evidence: 3 }, NOW);
    const keeper = evidenceKeeper();
    const verified = await readBundle(memorySource(await siteBundleBytes(workbook)), {
      now: NOW.toISOString(),
      evidence: (sha) => keeper.sink(sha),
    });
    const kept = portfolioBundle('k', 'a.csmsx', verified);
    expect(kept.records.evidence).toHaveLength(3);
    expect(kept.chain.ok).toBe(true);
    expect('log' in kept).toBe(false);
    expect(portfolioOf([kept]).sites[0]!.logVerified).toBe(true);
  });
});

describe('topWithTies', () => {
  it('cuts after the first n and keeps the rows that tie with the last', () => {
    const n = (r: number) => r;
    expect(topWithTies([5, 4, 4, 4, 2], 2, n)).toEqual([5, 4, 4, 4]);
    expect(topWithTies([5, 4, 3], 2, n)).toEqual([5, 4]);
    expect(topWithTies([5], 3, n)).toEqual([5]);
  });
});
