/**
 * Reading the change log: a person chosen in Settings edits a requirement's narrative twice, and the
 * Change log screen, filtered to that requirement, shows the edit under their name with the text
 * before and after; the verdict on top says the log is intact; nothing scrolls sideways at 1024×700.
 * The entries shown save as a CSV (built in a worker) that holds the header and the edit under their name.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp, newAssessment } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

const PERSON = 'Rosa Lindqvist';
const ASSESSMENT = 'Log viewer assessment';
const FIRST = 'Firewall rules are reviewed once a year by the OT lead.';
const SECOND = 'Firewall rules are reviewed every quarter and the review is signed.';

async function goTo(page: Page, hash: string, heading: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

async function actAs(page: Page, name: string) {
  await goTo(page, '/settings', 'Settings');
  await page.getByLabel('Name of the new person').fill(name);
  await page.getByRole('button', { name: 'Add person' }).click();
  await page.getByLabel(`Name of ${name}`).waitFor();
  await page.getByLabel('Working as').selectOption({ label: name });
  await expect.poll(() => page.getByLabel('Working as').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toBe(name);
}

async function writeNarrative(page: Page, text: string) {
  const saved = page.locator('.save-state.ok').first();
  await page.getByLabel('How it is implemented').fill(text);
  await saved.waitFor();
}

describe('the change log viewer', () => {
  it("shows who changed a requirement's narrative, from what to what, with the log intact", async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await actAs(page, PERSON);

    await goTo(page, '/assessment', 'Assessments');
    await newAssessment(page, ASSESSMENT);
    await writeNarrative(page, FIRST);
    // The indicator leaves "Saved" while the next edit is pending, then returns to it.
    await page.getByLabel('How it is implemented').fill(SECOND);
    await page.locator('.save-state', { hasText: 'Saving' }).or(page.locator('.save-state.ok')).first().waitFor();
    await page.locator('.save-state.ok').first().waitFor();

    await goTo(page, '/log', 'Change log');
    const verdict = page.getByTestId('log-verdict');
    await expect.poll(() => verdict.getAttribute('data-intact'), { timeout: 60_000 }).toBe('yes');
    expect(await verdict.textContent()).toContain('Change log intact');

    await page.getByLabel('Assessment', { exact: true }).selectOption({ label: ASSESSMENT });
    await page.getByLabel('Requirement', { exact: true }).selectOption('ORG 1.1');
    const rows = page.getByRole('list', { name: 'Change log entries' }).getByRole('listitem');
    // Newest first: the second edit, with the first text as its "before".
    await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain(SECOND);
    const newest = rows.first();
    const text = (await newest.textContent()) ?? '';
    expect(text).toContain(PERSON);
    expect(text).toContain(`Response ORG 1.1 in ${ASSESSMENT}`);
    expect(text).toContain('How it is implemented');
    expect(await newest.locator('.log-before').first().textContent()).toBe(FIRST);
    expect(await newest.locator('.log-after').first().textContent()).toBe(SECOND);
    // Every row shown is about that requirement; the record links to it.
    for (const row of await rows.all()) expect(await row.textContent()).toContain('ORG 1.1');
    const link = newest.getByRole('link', { name: `Response ORG 1.1 in ${ASSESSMENT}` });
    expect(await link.getAttribute('href')).toMatch(/^#assessment\/[^/]+\/ORG%201\.1$/);

    // Filtering by person keeps the edit; nothing is wider than the window.
    await page.getByLabel('Person', { exact: true }).selectOption(PERSON);
    await expect.poll(async () => (await rows.first().textContent()) ?? '').toContain(SECOND);
    const overflow = await page.evaluate(() =>
      [document.scrollingElement!, document.querySelector('.content') ?? document.body].map((el) => el.scrollWidth - el.clientWidth),
    );
    expect(
      overflow.every((n) => n <= 0),
      JSON.stringify(overflow),
    ).toBe(true);

    // The entries shown save as CSV: the header row, then the edit with the person's name and both texts.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('changelog.csv');
    const csv = readFileSync((await file.path())!, 'utf8');
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toMatch(/^Seq,Time \(UTC\),Person,Record kind,/);
    const edit = lines.find((line) => line.includes(SECOND));
    expect(edit).toBeDefined();
    expect(edit).toContain(PERSON);
    expect(edit).toContain(ASSESSMENT);
    expect(edit).toContain(FIRST);
    await page
      .getByRole('status')
      .filter({ hasText: /^Saved / })
      .waitFor();

    // The link leads to the requirement, by keyboard.
    await link.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
  });
});
