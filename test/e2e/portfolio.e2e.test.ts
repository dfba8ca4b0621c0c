/**
 * The portfolio as a user meets it: three site bundles (written here by the core bundle writer, each
 * with its own levels) and a fourth whose evidence was altered are added at once; the altered one is
 * refused with its own message while the three others show, and the table and the list of
 * requirements below target hold the figures worked out here from the levels each site was given.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { indexCatalogue } from '../../src/core/catalogue/lookup';
import { siteBundleBytes, siteWorkbook, threeSiteSpecs, type SiteSpec } from '../../src/core/portfolio/testSites';
import { catalogue2024 } from '../fixtures/catalogues';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { countRowsIn, ensureSetUp } from './workbook';

const catalogue = catalogue2024();
const index = indexCatalogue(catalogue);
const NOW = new Date('2026-06-15T09:00:00Z');
const work = mkdtempSync(path.join(tmpdir(), 'csms-portfolio-e2e-'));
const specs = threeSiteSpecs({ evidence: 12, evidenceBytes: 4096 });
const west: SiteSpec = { ...specs[0]!, siteId: 'west', siteName: 'West Works', assessments: specs[0]!.assessments.slice(1) };
const files: Record<string, string> = {};

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(async () => {
  await stopServer();
  rmSync(work, { recursive: true, force: true });
});

beforeAll(async () => {
  for (const spec of [...specs, west]) {
    const bytes = Buffer.from(await siteBundleBytes(siteWorkbook(catalogue, spec, NOW)));
    if (spec === west) {
      // One byte of one evidence file changed after the bundle was written (files are stored as they are).
      const evidence = siteWorkbook(catalogue, spec, NOW).files.values().next().value!;
      const at = bytes.indexOf(Buffer.from(evidence.subarray(0, 64)));
      expect(at).toBeGreaterThan(0);
      bytes[at + 10] = bytes[at + 10]! ^ 0xff;
    }
    files[spec.siteId] = path.join(work, `${spec.siteId}.csmsx`);
    writeFileSync(files[spec.siteId]!, bytes);
  }
});

/** What the cell of a site and a program element must read, worked out from the levels the site was given. */
function expectedCell(spec: SiteSpec, speId: string): string {
  const latest = spec.assessments.at(-1)!;
  const levels: number[] = index.requirements.flatMap((r, i) => (r.speId === speId ? [latest.level(r, i)!] : []));
  const mean = Math.round((levels.reduce((a, b) => a + b, 0) / levels.length) * 10) / 10;
  return `ML${Math.min(...levels)} · ${mean.toFixed(1)}`;
}

describe('portfolio', () => {
  it('shows three sites side by side, refuses the altered bundle by name, and never writes to the workbook', async () => {
    app = await launchApp({ hash: '/portfolio' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Portfolio');
    const before = await countRowsIn(page, 'csms-workbook');
    await page.getByText('not saved; add the bundles again next time').waitFor();

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add site bundles…' }).click();
    await (await chooser).setFiles([files.north!, files.west!, files.south!, files.east!]);

    const refused = page.getByTestId('portfolio-refused');
    await refused.waitFor({ timeout: 60_000 });
    expect(await refused.textContent()).toMatch(/^west\.csmsx was not added: it is not a valid bundle: .*(SHA-256|checksum).*\.$/);
    await expect.poll(() => page.locator('[data-testid="portfolio-bundle"][data-phase="loaded"]').count(), { timeout: 60_000 }).toBe(3);

    // The day overdue is judged on, fixed so the test does not depend on the calendar.
    await page.getByLabel('Overdue as of').fill('2026-06-01');
    const table = page.getByRole('table', { name: 'Maturity by program element' });
    expect(await table.locator('tbody th').allTextContents()).toEqual(['North Works', 'South Works', 'East Works']);
    for (const spec of specs)
      for (const spe of catalogue.spes)
        expect(await table.locator(`[data-cell="${spec.siteName}|${spe.id}"]`).textContent(), `${spec.siteName} ${spe.id}`).toBe(
          expectedCell(spec, spe.id),
        );

    const [first, second, , , fifth] = index.requirements;
    const rows = page.getByTestId('portfolio-below').locator('tbody tr');
    expect(await rows.count()).toBe(3);
    expect(await rows.nth(0).textContent()).toBe(`${first!.id} ${first!.title}3 of 3North Works, South Works, East Works`);
    expect(await rows.nth(1).textContent()).toBe(`${second!.id} ${second!.title}1 of 3North Works`);
    expect(await rows.nth(2).textContent()).toBe(`${fifth!.id} ${fifth!.title}1 of 3South Works`);
    expect(await page.locator('.portfolio-overdue h3').allTextContents()).toEqual([
      'North Works: 1 overdue',
      'South Works: 0 overdue',
      'East Works: 2 overdue',
    ]);

    // No sideways scrolling at 1024×700, and nothing serious for assistive technology.
    const overflow = await page.evaluate(() =>
      [document.scrollingElement!, document.querySelector('.content')!].map((el) => el.scrollWidth - el.clientWidth),
    );
    expect(overflow).toEqual([0, 0]);
    await page.screenshot({ path: path.resolve(import.meta.dirname, 'artifacts/portfolio.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // An earlier assessment chosen for a site replaces its figures.
    await page.getByLabel('Assessment for North Works').selectOption({ label: 'North Works 2025' });
    await expect.poll(() => table.locator(`[data-cell="North Works|${catalogue.spes[0]!.id}"]`).textContent()).toBe('ML2 · 2.0');

    // The same site twice is refused until one is removed.
    const again = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add site bundles…' }).click();
    await (await again).setFiles([files.east!]);
    const duplicates = page.getByTestId('portfolio-duplicates');
    await duplicates.waitFor({ timeout: 60_000 });
    expect(await duplicates.textContent()).toContain('“east.csmsx” was added twice. Remove one of them.');
    await page.getByRole('button', { name: 'Remove east.csmsx' }).last().focus();
    await page.keyboard.press('Enter');
    await table.waitFor();

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save summary as Word' }).click();
    const saved = path.join(work, 'summary.docx');
    await (await download).saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');

    expect(await countRowsIn(page, 'csms-workbook')).toEqual(before);
  }, 240_000);
});
