/**
 * Compare assessments: re-assess the sample, raise one requirement and lower another, and the comparison
 * shows exactly those two as improved and regressed with their levels; the Word document downloads.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { plainXml } from '../fixtures/docxText';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

const REASSESSMENT = 'Riverside re-assessment 2027';

async function goTo(page: Page, hash: string, heading: string | RegExp) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
}

async function setLevel(page: Page, assessmentId: string, requirementId: string, level: RegExp) {
  await goTo(
    page,
    `/assessment/${assessmentId}/${encodeURIComponent(requirementId)}`,
    new RegExp(`^${requirementId.replace('.', '\\.')} `),
  );
  await page.getByRole('radio', { name: level }).check();
  await page.locator('.save-state.ok').first().waitFor();
}

describe('compare assessments', () => {
  it('shows what a re-assessment raised and lowered, and saves the changes as Word', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await page.getByRole('button', { name: 'Open the sample assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();

    // With one assessment of the site, the screen explains what a comparison needs.
    await goTo(page, '/compare', 'Compare assessments');
    await page.getByText(/A comparison needs two/).waitFor();

    // Re-assess the sample, then raise ORG 1.1 (ML2 → ML3) and lower ORG 1.4 (ML3 → ML1).
    await goTo(page, '/assessment', 'Assessments');
    const sampleRow = page.getByRole('table', { name: 'Assessments' }).getByRole('row').filter({ hasText: '(sample)' });
    await sampleRow.getByRole('button', { name: 'Re-assess' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a re-assessment' });
    await dialog.getByLabel('Name').fill(REASSESSMENT);
    await dialog.getByRole('button', { name: 'Create re-assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();
    const reassessmentId = /assessment\/([^/]+)/.exec(await page.evaluate(() => window.location.hash))![1]!;
    await setLevel(page, reassessmentId, 'ORG 1.1', /ML3 /);
    await setLevel(page, reassessmentId, 'ORG 1.4', /ML1 /);

    // Compare: the re-assessment (latest period) against the sample, by default.
    await goTo(page, '/compare', 'Compare assessments');
    expect(await page.getByLabel('Current').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toContain(REASSESSMENT);
    expect(await page.getByLabel('Baseline').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent)).toContain('(sample)');
    const requirements = page.getByRole('table', { name: 'Requirements compared' });
    await requirements.waitFor();
    expect(await page.getByTestId('count-improved').textContent()).toBe('1');
    expect(await page.getByTestId('count-regressed').textContent()).toBe('1');
    const rows = requirements.locator('tbody tr');
    expect(await rows.evaluateAll((trs) => trs.map((tr) => [...tr.children].slice(0, 5).map((c) => c.textContent?.trim())))).toEqual([
      [expect.stringMatching(/^ORG 1\.1 /), 'ML2', 'ML3', 'ML3', 'Improved'],
      [expect.stringMatching(/^ORG 1\.4 /), 'ML3', 'ML1', expect.stringMatching(/^ML\d$/), 'Regressed'],
    ]);

    // The filter narrows the list, by keyboard as well.
    await page.getByRole('radio', { name: /^Regressed/ }).focus();
    await page.keyboard.press('Space');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-requirement')).toBe('ORG 1.4');

    // The SPE table and the page fit 1024 × 700 without horizontal scroll.
    // ORG: five assessed in the sample (mean 2.0); one up by one level and one down by two gives 9 ÷ 5.
    const orgRow = page.getByRole('table', { name: 'Change by program element' }).getByRole('row', { name: /^ORG / });
    expect(await orgRow.locator('td').allTextContents()).toEqual(['2.0', '1.8', '−0.2', '1', '1', '0', '0', '3']);
    const overflow = await page.evaluate(() => {
      const main = document.getElementById('main')!;
      return { main: main.scrollWidth - main.clientWidth, page: document.documentElement.scrollWidth - window.innerWidth };
    });
    expect(overflow).toEqual({ main: 0, page: 0 });
    expect(await seriousViolations(page)).toEqual([]);

    // The requirement links to its page in the re-assessment.
    const link = rows.first().getByRole('link');
    expect(await link.getAttribute('href')).toBe(`#assessment/${reassessmentId}/ORG%201.4`);

    // Save as Word: built in the worker, downloaded as a .docx that names both requirements.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as Word' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/_changes-since-.*\.docx$/);
    const parts = unzipSync(readFileSync((await file.path())!));
    const text = plainXml(strFromU8(parts['word/document.xml']!));
    expect(text).toContain('ORG 1.1');
    expect(text).toContain('ORG 1.4');
    expect(text).toContain('Changes since');
    await page.getByText(/^Saved /).waitFor();

    // Following the link opens the requirement.
    await link.click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.4 / }).waitFor();
  });
});
