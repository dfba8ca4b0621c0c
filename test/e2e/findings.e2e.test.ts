/**
 * Findings and numbered actions, seen from the screen: a requirement below target shows its finding with
 * the derived grade; the assessor changes the grade and the recommendation (saved as typed, still there
 * after a reload); an action gets its ACT ID, level expected after and closure check, and the ID shows on
 * the remediation screen. At 1024 × 700 and 1280 × 800 without sideways scrolling.
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

const RECOMMENDATION = 'Write the ISMS scope for the control systems and have the plant manager sign it.';
const CLOSURE = 'Signed scope seen at the next management review.';

/** One store's records, straight from IndexedDB. */
function stored<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('csms-workbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction(name, 'readonly').objectStore(name).getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as T[]);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    store,
  );
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() =>
    [document.documentElement, document.querySelector('.content') ?? document.body].every((el) => el.scrollWidth <= el.clientWidth),
  );

/** The elements whose right edge passes the region's own. */
const overflowing = (region: Locator) =>
  region.evaluate((root) => {
    const edge = root.getBoundingClientRect().right;
    return [...root.querySelectorAll('*')]
      .filter((el) => el.getBoundingClientRect().right > edge + 0.5)
      .map((el) => el.outerHTML.slice(0, 120));
  });

/** The narrowest text field or list in the region, in pixels (the old table squeezed them to ~45 px). */
const narrowestField = (region: Locator) =>
  region
    .locator('input:not([type="date"]), select, textarea')
    .evaluateAll((els) => Math.min(...els.map((el) => el.getBoundingClientRect().width)));

describe('findings and numbered actions', () => {
  it('show the derived finding, keep the assessor’s grade and wording, and number the action on every screen', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await newAssessment(page, '2026 findings');

    // Not assessed: no finding.
    const panel = page.getByTestId('finding-panel');
    await panel.getByText(/^No finding/).waitFor();

    // ML1 against the default target ML2: a gap of one level, a minor finding.
    await page.getByRole('radio', { name: /ML1 Initial/ }).check();
    await expect.poll(() => panel.getByTestId('finding-id').textContent()).toBe('F-ORG-1.1');
    expect(await panel.getByTestId('finding-grade').textContent()).toBe('Minor');
    const grade = panel.getByLabel('Grade');
    expect(await grade.inputValue()).toBe('');
    expect(await grade.locator('option:checked').textContent()).toBe('As derived: Minor');
    expect(await panel.getByLabel('Risk').inputValue()).toContain('Achieved ML1 against a target of ML2');

    // The assessor makes it major and writes their own recommendation.
    await grade.selectOption('major');
    await expect.poll(() => panel.getByTestId('finding-grade').textContent()).toBe('Major');
    const recommendation = panel.getByLabel('Recommendation');
    await recommendation.fill(RECOMMENDATION);
    await recommendation.blur();
    await panel.locator('.save-state.ok').waitFor();
    const answer = async () =>
      (await stored<{ requirementId: string; finding?: unknown }>(page, 'responses')).find((r) => r.requirementId === 'ORG 1.1');
    await expect.poll(async () => (await answer())?.finding).toEqual({ grade: 'major', recommendation: RECOMMENDATION });

    // An action with the level expected after and how its closure will be checked.
    const actions = page.getByRole('region', { name: /^Remediation actions/ });
    await page.getByRole('textbox', { name: 'New action', exact: true }).fill('Define the ISMS scope for OT');
    await page.getByLabel('Owner of the new action').fill('Dana');
    await page.getByLabel('Level expected after the new action').selectOption('2');
    await page.getByLabel('How closure will be checked (new action)').fill(CLOSURE);
    await page.getByRole('button', { name: 'Add action' }).click();
    const card = actions.getByTestId('action-card');
    await card.waitFor();
    expect(await card.getByTestId('action-ref').textContent()).toBe('ACT-0001');
    expect(await card.getByLabel('Level expected after').inputValue()).toBe('2');
    expect(await card.getByLabel('How closure will be checked').inputValue()).toBe(CLOSURE);
    await expect.poll(() => panel.getByTestId('finding-actions').textContent()).toBe('Actions on it: ACT-0001.');
    const [action] = await stored<{ number: number; expectedLevel: number; closureCheck: string }>(page, 'actions');
    expect(action).toMatchObject({ number: 1, expectedLevel: 2, closureCheck: CLOSURE });

    // Readable at 1024 × 700: nothing sideways, no field squeezed, no serious accessibility fault.
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await overflowing(actions)).toEqual([]);
    expect(await overflowing(panel)).toEqual([]);
    expect(await narrowestField(actions)).toBeGreaterThan(120);
    await panel.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'findings-panel-1024.png') });
    await actions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'findings-actions-1024.png') });
    expect(await seriousViolations(page), 'finding and actions').toEqual([]);
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await overflowing(actions)).toEqual([]);
    expect(await narrowestField(actions)).toBeGreaterThan(120);
    await page.screenshot({ path: path.join(artifacts, 'findings-actions-1280.png') });
    await page.setViewportSize({ width: 1024, height: 700 });

    // After a reload the assessor's grade and wording are still there.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    await expect.poll(() => panel.getByTestId('finding-grade').textContent()).toBe('Major');
    expect(await panel.getByLabel('Grade').inputValue()).toBe('major');
    expect(await panel.getByLabel('Recommendation').inputValue()).toBe(RECOMMENDATION);

    // The remediation screen names the action by its ACT ID.
    await page.getByRole('link', { name: 'Remediation', exact: true }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Remediation plan' }).waitFor();
    const row = page.getByRole('row', { name: /Define the ISMS scope for OT/ });
    expect(await row.getByTestId('action-id').textContent()).toBe('ACT-0001');
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'findings-remediation.png') });
  });
});
