/**
 * Setting the target of a whole element at once, from the keyboard, on the sample at 1024×700: the
 * dialog says what will change, the requirement pages then show the new target, and Undo brings the
 * previous targets back; marking them not applicable asks why first. Nothing scrolls sideways.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });
let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() =>
    [document.documentElement, ...document.querySelectorAll('.navigator, .workspace-main, dialog[open]')].every(
      (el) => el.scrollWidth <= el.clientWidth,
    ),
  );

async function openRequirement(page: Page, id: string) {
  await page.locator(`a[data-requirement-id="${id}"]`).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${id} `) }).waitFor();
}

/** The target the open requirement page shows: '' is the assessment's default. */
const shownTarget = (page: Page) => page.getByTestId('requirement-page').getByLabel('Target level', { exact: true }).inputValue();

describe('changing a whole element at once', () => {
  it('sets the target of NET 1 to ML4 from the keyboard, Undo brings the previous targets back, and not applicable asks why', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await page.getByRole('button', { name: 'Open the sample assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();

    // In the sample NET 1.1 already aims at ML4 and NET 1.2 uses the default; NET 1.3 was never answered.
    await openRequirement(page, 'NET 1.2');
    expect(await shownTarget(page)).toBe('');
    await openRequirement(page, 'NET 1.1');
    expect(await shownTarget(page)).toBe('4');

    // From the first requirement's link, one step back reaches the element's button.
    await page.locator('a[data-requirement-id="NET 1.1"]').focus();
    await page.keyboard.press('Shift+Tab');
    const button = page.getByRole('button', { name: /^Change all \d+ requirements of NET 1…$/ });
    await expect.poll(() => button.evaluate((el) => el === document.activeElement)).toBe(true);
    const total = Number((await button.getAttribute('aria-label'))!.match(/\d+/)![0]);
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog', { name: 'Change all requirements of NET 1' });
    await dialog.waitFor();
    // The first choice, setting the target, has the focus; the level comes next.
    await expect
      .poll(() => dialog.getByRole('radio', { name: 'Set the target' }).evaluate((el) => el === document.activeElement))
      .toBe(true);
    await page.keyboard.press('Tab');
    await expect.poll(() => dialog.getByLabel('Target level', { exact: true }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('End');
    expect(await dialog.getByLabel('Target level', { exact: true }).inputValue()).toBe('4');
    const summary = dialog.getByRole('status');
    await expect.poll(() => summary.textContent()).toContain(`${total - 1} requirements will change.`);
    expect(await summary.textContent()).toContain('Left as they are, already at ML4: NET 1.1.');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'bulk-edit-dialog.png') });
    expect(await seriousViolations(page), 'bulk edit dialog').toEqual([]);

    await page.keyboard.press('Tab');
    await expect.poll(() => dialog.getByRole('button', { name: 'Set target' }).evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Enter');
    const toast = page.locator('.toast').filter({ hasText: `Target set to ML4 for ${total - 1} requirements.` });
    await toast.waitFor();
    expect(await dialog.isVisible()).toBe(false);
    await page.screenshot({ path: path.join(artifacts, 'bulk-edit-done.png') });

    // The pages show the new target: the one open, and one never answered before.
    await expect.poll(() => shownTarget(page)).toBe('4');
    await openRequirement(page, 'NET 1.3');
    expect(await shownTarget(page)).toBe('4');
    expect(await noSidewaysScroll(page)).toBe(true);

    await toast.getByRole('button', { name: 'Undo' }).click();
    await page
      .locator('.toast')
      .filter({ hasText: `Undone: the previous values are back for ${total - 1} requirements.` })
      .waitFor();
    await expect.poll(() => shownTarget(page)).toBe('');
    await openRequirement(page, 'NET 1.2');
    expect(await shownTarget(page)).toBe('');
    await openRequirement(page, 'NET 1.1');
    expect(await shownTarget(page)).toBe('4');

    // Not applicable asks why first, then applies to all nine; Undo makes them applicable again.
    await button.focus();
    await page.keyboard.press('Enter');
    await dialog.waitFor();
    await page.keyboard.press('ArrowDown');
    expect(await dialog.getByRole('radio', { name: 'Mark not applicable' }).isChecked()).toBe(true);
    await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Say why these requirements do not apply.' }).waitFor();
    await dialog.getByLabel('Why they do not apply (required)').fill('The plant has a single flat control network, replaced next year.');
    expect(await dialog.getByRole('status').textContent()).toContain(`${total} requirements will change.`);
    await dialog.getByRole('button', { name: 'Mark not applicable' }).click();
    const marked = page.locator('.toast').filter({ hasText: `${total} requirements marked not applicable.` });
    await marked.waitFor();
    const notApplicable = page.getByTestId('requirement-page').getByRole('radio', { name: 'No, not applicable' });
    await expect.poll(() => notApplicable.isChecked()).toBe(true);
    await marked.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => notApplicable.isChecked()).toBe(false);
    expect(await shownTarget(page)).toBe('4');
  });
});
