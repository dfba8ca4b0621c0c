import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { SAMPLE_DB, readFields } from './bulkCrashKit';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

describe('dashboard', () => {
  it('shows the sample’s scores with 8 radar axes, and follows a changed answer', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await ensureSetUp(page, 'Assessments');
    await page.getByRole('button', { name: 'Open the sample assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await page.getByRole('heading', { name: 'Program elements: achieved against target' }).waitFor();

    expect(await page.locator('.recharts-polar-angle-axis-tick').count()).toBe(8);
    const progress = page.locator('[data-figure="Progress"] .figure-value');
    const note = page.locator('[data-figure="Progress"] dd').nth(1);
    expect(await note.textContent()).toBe('27 of 85 applicable requirements assessed');
    expect(await progress.textContent()).toBe('32 %');
    expect(await page.getByRole('table', { name: 'Program elements: achieved against target' }).locator('tbody tr').count()).toBe(8);
    // The assessment's evidence and actions count too: the sample's open actions, as stored, and some coverage.
    const actions = ((await readFields(page, SAMPLE_DB, 'actions', ['status'])) ?? []).filter(
      (a) => a.status === 'open' || a.status === 'in-progress',
    );
    expect(actions.length).toBeGreaterThan(0);
    expect(await page.locator('[data-figure="Actions"] .figure-value').textContent()).toBe(String(actions.length));
    expect(await page.locator('[data-figure="Evidence coverage"] .figure-value').textContent()).not.toBe('0 %');
    await page.screenshot({ path: path.resolve(import.meta.dirname, 'artifacts/dashboard.png'), fullPage: true });
    expect(await seriousViolations(page)).toEqual([]);

    // Answer one more requirement from the heat-map, then come back.
    await page.getByRole('link', { name: /^ORG 1\.2 .*not assessed/ }).click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.2 / }).waitFor();
    await page.getByRole('radio', { name: /ML1 Initial/ }).check();
    await page.locator('.save-state.ok').waitFor();
    await page.getByRole('link', { name: 'Dashboard', exact: true }).click();
    await expect.poll(() => note.textContent()).toBe('28 of 85 applicable requirements assessed');
    expect(await progress.textContent()).toBe('33 %');
    expect(await page.locator('[data-figure="Attained level"] .figure-value').textContent()).toBe('ML1');
  });
});
