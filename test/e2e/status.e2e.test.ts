/**
 * The marks for uncertain requirement IDs and titles, the catalogue notice and the crosswalk, as a user
 * meets them in a new assessment of the 2024 edition.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp, newAssessment } from './workbook';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });
let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

describe('requirement ID status in the workspace', () => {
  it('marks an unconfirmed ID in the navigator, keys the marks, and folds the catalogue notice on the page', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await ensureSetUp(page, 'Assessments');
    await newAssessment(page, 'Status check');

    const row = (id: string) => page.locator(`a[data-requirement-id="${id}"]`);
    // ORG 1.2 is unconfirmed, COMP 3.1 element-level only, NET 1.7 has a doubtful title; ORG 1.1 is confirmed.
    await expect.poll(() => row('ORG 1.2').getByRole('img', { name: 'ID unconfirmed' }).count()).toBe(1);
    expect(await row('COMP 3.1').getByRole('img', { name: 'element-level only' }).count()).toBe(1);
    expect(await row('NET 1.7').getByRole('img', { name: 'title doubtful' }).count()).toBe(1);
    expect(await row('ORG 1.1').locator('.catalogue-mark').count()).toBe(0);

    // The key opens from the navigator and names all three marks.
    const legend = page.locator('.marks-legend');
    await legend.getByText('Key to the requirement markers').click();
    for (const label of ['ID unconfirmed', 'element-level only', 'title doubtful']) {
      expect(await legend.getByRole('img', { name: label }).isVisible()).toBe(true);
    }

    // The requirement page: the mark explained, and the catalogue notice folded until asked for.
    await row('ORG 1.2').click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.2 / }).waitFor();
    expect(await page.getByTestId('requirement-marks').textContent()).toContain('No public source confirms this requirement ID');
    const notice = page.getByTestId('catalogue-notice');
    const noticeText = notice.locator('p');
    expect(await noticeText.isVisible()).toBe(false);
    await notice.getByText('About these requirement IDs and titles').click();
    expect(await noticeText.isVisible()).toBe(true);
    expect(await noticeText.textContent()).toContain('not the text of the standard');
    // The crosswalk: ORG 1.2 comes from the 2010 personnel element.
    expect(await page.getByTestId('crosswalk').textContent()).toContain('4.3.3.2');

    // A requirement no 2010 element maps to says it is new.
    await row('DATA 1.5').click();
    await page.getByRole('heading', { level: 1, name: /^DATA 1\.5 / }).waitFor();
    expect(await page.getByTestId('crosswalk').textContent()).toMatch(/New in IEC 62443-2-1:2024/);

    await page.screenshot({ path: path.join(artifacts, 'status-marks.png') });
    expect(await seriousViolations(page), 'requirement page with marks').toEqual([]);
    // Nothing wider than the window at the smallest supported size.
    await page.setViewportSize({ width: 1024, height: 700 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
