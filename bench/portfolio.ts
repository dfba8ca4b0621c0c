// Portfolio bench: 20 site bundles of realistic size (the whole 2024 catalogue answered in two
// assessments each, BENCH_PORTFOLIO_EVIDENCE (300) evidence records with files of 2–8 KiB, a few actions),
// written by the core writer. Measured as the worker does it: each bundle read and checked by the
// verified reader (evidence hashed, then dropped), its records kept, then the portfolio computed; and
// the Word summary built and packed. Memory is the process's resident set, sampled every 5 ms above
// the level before each phase. With --expose-gc (npx tsx --expose-gc bench/portfolio.ts) garbage is
// collected first. Timings are printed, never asserted.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONTENT_DIR, loadCatalogueDir } from '../src/cli/content';
import { readBundle } from '../src/core/bundle/bundle';
import { memorySource } from '../src/core/bundle/testKit';
import type { MaturityLevel } from '../src/core/records/model';
import { packDocument } from '../src/core/documents/build';
import { buildPortfolioDocument } from '../src/core/documents/portfolio';
import { buildPortfolio } from '../src/core/portfolio/aggregate';
import { portfolioBundle, type PortfolioBundle } from '../src/core/portfolio/bundles';
import { siteBundleBytes, siteWorkbook, type SiteSpec } from '../src/core/portfolio/testSites';

const SITES = Number(process.env.BENCH_PORTFOLIO_SITES ?? 20);
const EVIDENCE = Number(process.env.BENCH_PORTFOLIO_EVIDENCE ?? 300);
const NOW = new Date('2026-06-15T09:00:00Z');
const app = { name: 'CSMS Workbook', version: 'bench' };
const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
const MIB = 1024 * 1024;

/** Runs `work` while sampling the resident set; returns its time and the peak above the level before. */
async function measured<T>(work: () => Promise<T>): Promise<{ value: T; ms: number; peakMiB: number }> {
  gc();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const start = performance.now();
  try {
    const value = await work();
    peak = Math.max(peak, process.memoryUsage().rss);
    return { value, ms: performance.now() - start, peakMiB: (peak - base) / MIB };
  } finally {
    clearInterval(timer);
  }
}

function spec(n: number): SiteSpec {
  const level = (shift: number) => (_: unknown, i: number) => ((i * 7 + n + shift) % 5) as MaturityLevel;
  return {
    organization: 'Bench Utilities',
    siteId: `site-${n}`,
    siteName: `Site ${String(n).padStart(2, '0')}`,
    evidence: EVIDENCE,
    evidenceBytes: 2048 + ((n * 1531) % 6144),
    assessments: [
      { id: `site-${n}-2025`, name: `Site ${n} 2025`, periodStart: '2025-01-01', periodEnd: '2025-12-31', level: level(1) },
      {
        id: `site-${n}-2026`,
        name: `Site ${n} 2026`,
        periodStart: '2026-01-01',
        periodEnd: '2026-03-31',
        level: level(0),
        actions: Array.from(
          { length: 12 },
          (_, i) => [i * 5, `2026-0${1 + (i % 9)}-15`, i % 4 === 0 ? 'done' : 'open'] as [number, string, 'open' | 'done'],
        ),
      },
    ],
  };
}

const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
const files: { name: string; bytes: Uint8Array }[] = [];
for (let n = 1; n <= SITES; n++)
  files.push({ name: `site-${n}.csmsx`, bytes: await siteBundleBytes(siteWorkbook(catalogue, spec(n), NOW)) });
const totalBytes = files.reduce((a, f) => a + f.bytes.byteLength, 0);

const read = await measured(async () => {
  const bundles: PortfolioBundle[] = [];
  for (const file of files) {
    const verified = await readBundle(memorySource(file.bytes), {
      now: NOW.toISOString(),
      evidence: () => ({ write: () => Promise.resolve(), done: () => Promise.resolve(), discard: () => Promise.resolve() }),
    });
    bundles.push(portfolioBundle(file.name, file.name, verified));
  }
  return bundles;
});
const aggregate = await measured(() =>
  Promise.resolve(buildPortfolio(read.value, { catalogue: () => catalogue, asOf: '2026-06-01', app, now: NOW })),
);
if (!aggregate.value.ok) throw new Error(aggregate.value.duplicates[0]!.message);
const portfolio = aggregate.value.portfolio;
const word = await measured(async () =>
  packDocument(buildPortfolioDocument(portfolio, { classification: 'TLP:AMBER', generatedAt: NOW.toISOString(), app })),
);

const rows: [string, string, string][] = [
  ['Read and check the bundles', `${(read.ms / 1000).toFixed(2)} s`, `${read.peakMiB.toFixed(0)} MiB`],
  ['Compute the portfolio', `${aggregate.ms.toFixed(0)} ms`, `${aggregate.peakMiB.toFixed(0)} MiB`],
  ['Build the Word summary', `${(word.ms / 1000).toFixed(2)} s`, `${word.peakMiB.toFixed(0)} MiB`],
];
const records = read.value.reduce((a, b) => a + b.records.responses.length + b.records.evidence.length + b.records.links.length, 0);
console.log(
  `Portfolio bench: ${SITES} site bundles, ${(totalBytes / MIB).toFixed(1)} MiB in all, ${EVIDENCE} evidence files each; ` +
    `${records.toLocaleString('en')} answers, evidence records and links kept; ${portfolio.sites.length} sites, ` +
    `${portfolio.belowTarget.total} requirements below target somewhere; summary ${(word.value.byteLength / 1024).toFixed(0)} KiB.`,
);
console.log(`${'Phase'.padEnd(30)}${'Time'.padStart(10)}${'Peak RSS above start'.padStart(24)}`);
for (const [phase, time, peak] of rows) console.log(`${phase.padEnd(30)}${time.padStart(10)}${peak.padStart(24)}`);
