/**
 * A compensating countermeasure, seen from the screen: recorded on a requirement, saved as it is typed,
 * refused in plain words when too long, still there after a reload, and shut once the assessment is
 * signed off. At 1024 × 700 without sideways scrolling.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
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

const MEASURE = 'Engineering workstation reachable only through the jump host; USB ports locked.';
const REASON = 'The 2004 controller cannot hold user accounts.';
const RISK = 'Someone at the console can still change logic.';

/** The stored answers, straight from IndexedDB. */
function storedResponses(page: Page): Promise<{ requirementId: string; compensating?: unknown }[]> {
  return page.evaluate(
    () =>
      new Promise<{ requirementId: string; compensating?: unknown }[]>((resolve, reject) => {
        const open = indexedDB.open('csms-workbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('responses', 'readonly').objectStore('responses').getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as { requirementId: string; compensating?: unknown }[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const noSidewaysScroll = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth);

/** The panel's elements whose right edge passes the panel's own. */
const overflowing = (panel: Locator) =>
  panel.evaluate((root) => {
    const edge = root.getBoundingClientRect().right;
    return [...root.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
      .map((el) => el.outerHTML.slice(0, 120));
  });

function enabledControls(panel: Locator): Promise<string[]> {
  return panel
    .locator('input, select, textarea, button')
    .evaluateAll((els) => els.filter((el) => !el.matches(':disabled')).map((el) => el.outerHTML.slice(0, 160)));
}

describe('a compensating countermeasure', () => {
  it('is recorded on a requirement, survives a reload and is locked by sign-off', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await newAssessment(page, '2026 legacy plant');

    // Collapsed while empty: one button, no fields.
    const panel = page.getByRole('region', { name: 'Compensating countermeasure' });
    const open = panel.getByRole('button', { name: 'Record a compensating countermeasure…' });
    await open.waitFor();
    expect(await panel.locator('textarea').count()).toBe(0);
    await open.click();

    // Opening puts the cursor in the first field.
    const measure = panel.getByLabel('Countermeasure applied instead');
    await expect.poll(() => measure.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(MEASURE);
    await panel.getByLabel('Why the requirement cannot be met as written').fill(REASON);
    await panel.getByLabel('Residual risk', { exact: true }).fill(RISK);
    // People are offered as names to choose from.
    const acceptedBy = panel.getByLabel('Risk accepted by');
    const offered = await panel
      .locator(`datalist#${await acceptedBy.getAttribute('list')} option`)
      .evaluateAll((els) => els.map((el) => (el as HTMLOptionElement).value));
    expect(offered).toEqual(['Dana Okafor']);
    await acceptedBy.fill('Dana Okafor');
    await panel.getByLabel('Accepted on (optional)').fill('2026-03-02');
    await acceptedBy.focus();
    await acceptedBy.blur();
    await panel.locator('.save-state.ok').waitFor();
    await expect
      .poll(async () => (await storedResponses(page)).find((r) => r.requirementId === 'ORG 1.1')?.compensating)
      .toEqual({ measure: MEASURE, reason: REASON, residualRisk: RISK, acceptedBy: 'Dana Okafor', acceptedOn: '2026-03-02' });

    expect(await noSidewaysScroll(page)).toBe(true);
    // Nothing in the panel reaches past its edge (the workspace pane would scroll sideways).
    expect(await overflowing(panel)).toEqual([]);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'compensating-panel.png') });
    expect(await seriousViolations(page), 'countermeasure panel').toEqual([]);

    // Too long: a plain sentence with the limit beside the field, and the save refused in words too.
    const riskField = panel.getByLabel('Residual risk', { exact: true });
    await riskField.fill('x'.repeat(5_001));
    await panel.getByText('The residual risk is too long: 5,000 characters at most.').waitFor();
    expect(await riskField.getAttribute('aria-invalid')).toBe('true');
    await riskField.blur();
    await panel.locator('.save-state').filter({ hasText: 'the residual risk is too long (5,000 characters at most)' }).waitFor();
    await riskField.fill(RISK);
    await riskField.blur();
    await panel.locator('.save-state.ok').waitFor();
    expect(await panel.getByText(/too long/).count()).toBe(0);

    // After a reload it is still there, open, with every field as saved.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    await measure.waitFor();
    expect(await measure.inputValue()).toBe(MEASURE);
    expect(await panel.getByLabel('Why the requirement cannot be met as written').inputValue()).toBe(REASON);
    expect(await riskField.inputValue()).toBe(RISK);
    expect(await acceptedBy.inputValue()).toBe('Dana Okafor');
    expect(await panel.getByLabel('Accepted on (optional)').inputValue()).toBe('2026-03-02');

    // On another requirement, one recorded and then removed: the field is gone, the section closed again.
    const stored = async (id: string) => (await storedResponses(page)).find((r) => r.requirementId === id);
    await page.locator('[data-requirement-id="ORG 1.2"]').first().click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.2 / }).waitFor();
    await open.click();
    await measure.fill('Background checks by the contractor’s agency');
    await measure.blur();
    await expect
      .poll(async () => (await stored('ORG 1.2'))?.compensating)
      .toMatchObject({ measure: 'Background checks by the contractor’s agency' });
    await panel.getByRole('button', { name: 'Remove the countermeasure' }).click();
    await expect.poll(async () => (await stored('ORG 1.2')) !== undefined && !('compensating' in (await stored('ORG 1.2'))!)).toBe(true);
    await expect.poll(() => open.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await panel.locator('textarea').count()).toBe(0);

    // Signed off: every control of the countermeasure is disabled, the text still shown.
    await page.locator('[data-requirement-id="ORG 1.1"]').first().click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    await page.getByRole('button', { name: 'Submit for review' }).click();
    const status = page.getByTestId('assessment-status');
    await expect.poll(() => status.textContent()).toBe('In review');
    await page.getByRole('button', { name: 'Sign off…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Sign off/ });
    await dialog.getByLabel('Approver (required)').selectOption({ label: 'Dana Okafor (OT security lead)' });
    await dialog.getByRole('button', { name: 'Sign off and lock' }).click();
    await expect.poll(() => status.textContent()).toBe('Signed off — locked');
    expect(await panel.locator('textarea, input, button').count()).toBeGreaterThan(0);
    expect(await enabledControls(panel)).toEqual([]);
    expect(await measure.inputValue()).toBe(MEASURE);

    // A requirement without one offers nothing to open while locked.
    await page.locator('[data-requirement-id="ORG 1.2"]').first().click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.2 / }).waitFor();
    expect(await panel.getByRole('button', { name: 'Record a compensating countermeasure…' }).isDisabled()).toBe(true);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await overflowing(panel)).toEqual([]);
  });
});
