/**
 * Conduct and scope, seen from the screen: reached from the workspace, the boundary typed, a zone and a
 * team member added with the keyboard, everything still there after a reload. At 1024 × 700 without
 * sideways scrolling.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
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

const BOUNDARY = 'The treatment plant control system, from the field devices up to the DMZ firewall.';

/** The stored assessments' conduct, straight from IndexedDB. */
function storedConduct(page: Page): Promise<unknown[]> {
  return page.evaluate(
    () =>
      new Promise<unknown[]>((resolve, reject) => {
        const open = indexedDB.open('csms-workbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const request = db.transaction('assessments', 'readonly').objectStore('assessments').getAll();
          request.onsuccess = () => {
            db.close();
            resolve((request.result as { conduct?: unknown }[]).map((a) => a.conduct));
          };
          request.onerror = () => reject(request.error);
        };
      }),
  );
}

const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => [document.documentElement, document.getElementById('main')!].every((el) => el.scrollWidth <= el.clientWidth));
const focusedLabel = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? null);

describe('conduct and scope', () => {
  it('keeps the boundary, a zone and a team member across a reload, and fits 1024 × 700', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await newAssessment(page, '2026 plant assessment');

    await page.getByRole('link', { name: 'Conduct and scope' }).click();
    await page.getByRole('heading', { level: 1, name: 'Conduct and scope' }).waitFor();

    await page.getByLabel('Boundary').fill(BOUNDARY);

    // Adding a row puts the cursor in its first field; the rest is typed and chosen from the keyboard.
    const zones = page.getByTestId('conduct-zones');
    await zones.getByRole('button', { name: 'Add a zone or conduit' }).press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Name, row 1');
    await page.keyboard.type('Plant DMZ');
    await page.keyboard.press('Tab');
    await zones.getByLabel('Kind, row 1').selectOption('conduit');
    await zones.getByLabel('What it holds or carries, row 1').fill('Historian replication only');

    const team = page.getByTestId('conduct-team');
    await team.getByRole('button', { name: 'Add a team member' }).press('Enter');
    await expect.poll(() => focusedLabel(page)).toBe('Name, row 1');
    await page.keyboard.type('Samuel Achterberg');
    await team.getByLabel('Role in the assessment, row 1').fill('Assessor (internal audit)');
    await team.getByLabel('Independence, row 1').selectOption('independent-internal');

    // A row removed with the keyboard is gone, and the focus returns to the add button.
    const interviewees = page.getByTestId('conduct-interviewees');
    await interviewees.getByRole('button', { name: 'Add an interviewee' }).press('Enter');
    await page.keyboard.type('Someone mistaken');
    await interviewees.getByRole('button', { name: 'Remove Someone mistaken' }).press('Enter');
    expect(await interviewees.getByRole('textbox').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Add an interviewee');

    await page.locator('.save-state.ok').first().waitFor();
    const expected = {
      boundary: BOUNDARY,
      zones: [{ name: 'Plant DMZ', kind: 'conduit', description: 'Historian replication only' }],
      team: [{ name: 'Samuel Achterberg', role: 'Assessor (internal audit)', independence: 'independent-internal' }],
      interviewees: [],
    };
    await expect.poll(async () => (await storedConduct(page))[0]).toEqual(expected);

    expect(await noSidewaysScroll(page)).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'conduct-page.png') });
    expect(await seriousViolations(page), 'conduct page').toEqual([]);

    // Typed and reloaded at once, before the save had its moment: the draft or the closing save keeps it.
    await page.getByLabel('Sampling approach').fill('One HMI per process area.');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Conduct and scope' }).waitFor();
    await expect.poll(() => page.getByLabel('Sampling approach').inputValue()).toBe('One HMI per process area.');
    expect(await page.getByLabel('Boundary').inputValue()).toBe(BOUNDARY);
    expect(await zones.getByLabel('Name, row 1').inputValue()).toBe('Plant DMZ');
    expect(await zones.getByLabel('Kind, row 1').inputValue()).toBe('conduit');
    expect(await team.getByLabel('Name, row 1').inputValue()).toBe('Samuel Achterberg');
    expect(await team.getByLabel('Independence, row 1').inputValue()).toBe('independent-internal');
    expect(await noSidewaysScroll(page)).toBe(true);
  });

  it('keeps what was typed when the browser is closed 200 ms after the last keystroke', async () => {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'csms-conduct-'));
    try {
      app = await launchApp({ hash: '/assessment', profileDir });
      let page = app.page;
      await ensureSetUp(page, 'Assessments');
      await newAssessment(page, '2026 plant assessment');
      await page.getByRole('link', { name: 'Conduct and scope' }).click();
      await page.getByLabel('Limitations').fill('Pump stations not visited.');
      // Kept on this computer from the keystroke on, before the save is even due.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('.conduct.')).length)).toBe(1);
      // Deliberate, the point of the test: the window closes inside the 400 ms autosave delay.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await app.close();
      app = null;

      app = await launchApp({ hash: '/assessment', profileDir });
      page = app.page;
      await page.getByRole('heading', { level: 1, name: 'Assessments' }).waitFor();
      await page.getByRole('link', { name: '2026 plant assessment' }).click();
      await page.getByRole('link', { name: 'Conduct and scope' }).click();
      await expect.poll(() => page.getByLabel('Limitations').inputValue()).toBe('Pump stations not visited.');
      await expect.poll(async () => (await storedConduct(page))[0]).toEqual({ limitations: 'Pump stations not visited.' });
    } finally {
      await app?.close();
      app = null;
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
