import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { attachFiles, countRows, ensureSetUp } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

/** How far the page and its content area reach past the window sideways; 0 or less means no sideways scroll. */
const sideways = (page: Page) =>
  page.evaluate(() =>
    Math.max(
      ...[document.scrollingElement!, document.querySelector('.content') ?? document.body].map((el) => el.scrollWidth - el.clientWidth),
    ),
  );

async function openScreen(page: Page, name: string) {
  await page.getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { name, level: 1 }).waitFor();
}

async function exportChoicesShown(page: Page) {
  return {
    soa: await page.getByRole('checkbox', { name: 'Statement of applicability' }).isChecked(),
    report: await page.getByRole('checkbox', { name: 'Assessment report' }).isChecked(),
    narratives: await page.getByRole('checkbox', { name: 'Implementation narratives' }).isChecked(),
    comments: await page.getByRole('checkbox', { name: 'Reviewer comments' }).isChecked(),
    marking: await page.getByLabel('Classification marking').inputValue(),
  };
}

describe('dead ends in settings, export and evidence', () => {
  it('keeps export choices, removes only unused sites, refuses empty files and words limits plainly', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.locator('a[data-requirement-id]').first().click();

    // A narrative over its limit: one sentence with the field, the limit and what to do.
    const narrative = page.getByLabel('How it is implemented');
    await narrative.fill('x'.repeat(100_001));
    await narrative.press('Tab');
    const refusal = page.getByRole('alert').filter({ hasText: 'narrative' });
    await expect
      .poll(() => refusal.textContent())
      .toBe('The answer was not saved: the narrative is too long (100,000 characters at most). Shorten it, then it is saved.');
    await narrative.fill('Firewalls separate the plant network from the office network.');
    await narrative.press('Tab');
    await page.getByText('Saved', { exact: true }).waitFor();

    // Export choices survive leaving the screen, and a reload.
    await openScreen(page, 'Export');
    await page.getByRole('checkbox', { name: 'Statement of applicability' }).uncheck();
    await page.getByRole('checkbox', { name: 'Implementation narratives' }).uncheck();
    await page.getByRole('checkbox', { name: 'Reviewer comments' }).check();
    await page.getByLabel('Classification marking').fill('TLP:RED');
    const chosen = { soa: false, report: true, narratives: false, comments: true, marking: 'TLP:RED' };
    expect(await exportChoicesShown(page)).toEqual(chosen);
    expect(await sideways(page)).toBeLessThanOrEqual(0);
    await openScreen(page, 'Settings');
    await openScreen(page, 'Export');
    expect(await exportChoicesShown(page)).toEqual(chosen);
    await page.reload();
    await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
    await expect.poll(() => page.getByLabel('Classification marking').inputValue()).toBe('TLP:RED');
    expect(await exportChoicesShown(page)).toEqual(chosen);

    // Sites: the one the assessment uses is refused with its name; an unused one is removed.
    await openScreen(page, 'Settings');
    await page.getByLabel('New site name').fill('Old pumping station');
    await page.getByRole('button', { name: 'Add site' }).click();
    await page.getByRole('button', { name: 'Remove site Old pumping station' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove site' }).click();
    await page.getByText('Site “Old pumping station” removed.').waitFor();
    expect(await page.getByRole('button', { name: 'Remove site Old pumping station' }).count()).toBe(0);
    const year = new Date().getFullYear();
    await page.getByRole('button', { name: 'Remove site Riverside treatment plant' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove site' }).click();
    await page
      .getByRole('alert')
      .filter({
        hasText: `The site “Riverside treatment plant” was not removed. Used by 1 assessment: “${year} self-assessment”; remove or move it first.`,
      })
      .waitFor();
    expect(await page.getByRole('button', { name: 'Remove site Riverside treatment plant' }).count()).toBe(1);
    expect(await sideways(page)).toBeLessThanOrEqual(0);

    // An empty file is refused with a message, and nothing is stored.
    await openScreen(page, 'Evidence');
    const before = await countRows(page);
    await attachFiles(page, [{ name: 'blank-scan.pdf', mimeType: 'application/pdf', buffer: Buffer.alloc(0) }]);
    await page.getByRole('alert').filter({ hasText: '"blank-scan.pdf" is empty (0 bytes), so it cannot serve as evidence.' }).waitFor();
    expect(await countRows(page)).toEqual(before);
  });
});
