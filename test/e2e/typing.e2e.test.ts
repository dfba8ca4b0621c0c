/**
 * Typing is never lost: text typed just before the browser closes (SIGTERM, as a window close or
 * system shutdown does) or the page reloads is there at the next start, and reaches IndexedDB.
 * Each variant runs several rounds because the outcome depends on timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

const ROUNDS = 3;
// Deliberate, the point of the test: the window closes well inside the 600 ms autosave delay, so the
// save has not started when the browser goes and only the draft path can keep the text.
const CLOSE_AFTER_MS = 200;
const REQUIREMENT = 'NET 1.1';

let app: AppSession | null = null;
const profiles: string[] = [];
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(async () => {
  await stopServer();
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
});

const narrative = (page: Page) => page.getByLabel('How it is implemented');
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const draftKeys = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('csms.draft.')));

/** The narrative as stored in the workbook database, read without the app. */
const storedNarrative = (page: Page) =>
  page.evaluate(
    (requirementId) =>
      new Promise<string | null>((resolve, reject) => {
        const open = indexedDB.open('csms-workbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction('responses').objectStore('responses').getAll();
          request.onsuccess = () => {
            open.result.close();
            const found = (request.result as Array<{ requirementId: string; narrative: string }>).find(
              (r) => r.requirementId === requirementId,
            );
            resolve(found?.narrative ?? null);
          };
          request.onerror = () => reject(request.error);
        };
      }),
    REQUIREMENT,
  );

async function showRequirement(page: Page) {
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${REQUIREMENT} `) }).waitFor();
}

/** A fresh profile with an assessment open at the requirement; returns the route to come back to it. */
async function setUpAssessment(): Promise<{ profileDir: string; route: string }> {
  const profileDir = mkdtempSync(path.join(tmpdir(), 'csms-typing-'));
  profiles.push(profileDir);
  app = await launchApp({ hash: '/assessment', profileDir });
  const { page } = app;
  await ensureSetUp(page, 'Assessments');
  await page.getByRole('button', { name: 'New assessment' }).click();
  await page.getByLabel('Name').fill('2026 plant assessment');
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByTestId('requirement-page').waitFor();
  await page.locator(`a[data-requirement-id="${REQUIREMENT}"]`).click();
  await showRequirement(page);
  return { profileDir, route: new URL(page.url()).hash.slice(1) };
}

/** Replaces the narrative keystroke by keystroke, as a person types. */
async function typeNarrative(page: Page, text: string) {
  const field = narrative(page);
  await field.click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await field.pressSequentially(text);
}

/** The text is on screen, its draft is gone once saved, and after a reload (no draft left) it comes from IndexedDB. */
async function expectSaved(page: Page, text: string, label: string) {
  await showRequirement(page);
  expect(await narrative(page).inputValue(), `${label}: on screen`).toBe(text);
  await expect.poll(() => draftKeys(page), { timeout: 10_000 }).toEqual([]);
  expect(await storedNarrative(page), `${label}: in IndexedDB`).toBe(text);
  await page.reload();
  await showRequirement(page);
  expect(await narrative(page).inputValue(), `${label}: from the database`).toBe(text);
}

describe('typing right before the window goes', () => {
  it('survives the browser being closed 200 ms after the last keystroke', async () => {
    const { profileDir, route } = await setUpAssessment();
    for (let round = 1; round <= ROUNDS; round += 1) {
      const text = `Round ${round}: the level 3 firewall denies all traffic from the office network except the historian mirror.`;
      await typeNarrative(app!.page, text);
      await pause(CLOSE_AFTER_MS);
      await app!.close();
      app = await launchApp({ hash: route, profileDir });
      await expectSaved(app.page, text, `close, round ${round}`);
    }
  });

  it('survives a reload 200 ms after the last keystroke', async () => {
    await setUpAssessment();
    for (let round = 1; round <= ROUNDS; round += 1) {
      const text = `Reload ${round}: remote access goes through the jump host in the DMZ, with two-factor sign-in.`;
      await typeNarrative(app!.page, text);
      await pause(CLOSE_AFTER_MS);
      await app!.page.reload();
      await expectSaved(app!.page, text, `reload, round ${round}`);
    }
  });
});
