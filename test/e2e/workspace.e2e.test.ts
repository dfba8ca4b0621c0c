import { mkdirSync } from 'node:fs';
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

const requirementLink = (page: Page, id: string) => page.locator(`a[data-requirement-id="${id}"]`);
async function openRequirement(page: Page, id: string) {
  await requirementLink(page, id).click();
  await page.getByRole('heading', { level: 1, name: new RegExp(`^${id} `) }).waitFor();
}
async function waitSaved(page: Page) {
  await page.locator('.save-state.ok').first().waitFor();
}

describe('working through an assessment', () => {
  it('answers, attaches, links, plans and finds, and all of it survives a reload', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.getByRole('heading', { name: 'Welcome to CSMS Workbook' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, 'first-start.png') });
    expect(await seriousViolations(page), 'first start').toEqual([]);
    await ensureSetUp(page, 'Assessments');
    await newAssessment(page, '2026 plant assessment');

    // 1: ORG 1.1 at ML2 with a narrative.
    await page.getByRole('radio', { name: /ML2 Managed/ }).check();
    await page.getByLabel('How it is implemented').fill('The OT security policy names the plant and is signed by the manager.');
    await waitSaved(page);

    // 2: NET 1.1 at ML3 set with the keyboard, with a narrative holding a word to search for later.
    await openRequirement(page, 'NET 1.1');
    await page.locator('body').press('3');
    await expect.poll(() => page.getByRole('radio', { name: /ML3 Defined/ }).isChecked()).toBe(true);
    await page
      .getByLabel('How it is implemented')
      .fill('A stateful firewall separates level 3 from the office network; see the quarterly zebrafish review.');
    await waitSaved(page);

    // 3: NET 2.1 not applicable, with its justification.
    await openRequirement(page, 'NET 2.1');
    await page.getByRole('radio', { name: 'No, not applicable' }).check();
    await page.getByLabel('Why it does not apply (required)').fill('There is no wireless network anywhere at the plant.');
    await waitSaved(page);

    // Evidence on NET 1.1: a file through the file input, another by drag and drop, and a link.
    await openRequirement(page, 'NET 1.1');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles({ name: 'firewall-rules.csv', mimeType: 'text/csv', buffer: Buffer.from('rule,from,to\n1,L3,DMZ\n') });
    await page.locator('[data-evidence-id="EV-0001"]').waitFor();
    await page.getByTestId('requirement-page').evaluate((target) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['zone model'], 'zones.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    await page.locator('[data-evidence-id="EV-0002"]').waitFor();
    await page.getByRole('button', { name: 'Add link' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Conduit register');
    await page.getByLabel('Where it is held').fill('DMS OT-REG-007 rev 2');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('[data-evidence-id="EV-0003"]').waitFor();

    // An action on NET 1.1.
    await page.getByRole('textbox', { name: 'New action', exact: true }).fill('Remove the any-any rule on the DMZ firewall');
    await page.getByLabel('Owner of the new action').fill('Dana');
    await page.getByLabel('Due date of the new action').fill('2026-09-30');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('list', { name: 'Remediation actions' }).waitFor();

    // Link the firewall export to ORG 1.1 as well.
    await openRequirement(page, 'ORG 1.1');
    await page.getByRole('button', { name: 'Link existing' }).click();
    await page.getByLabel('Find evidence by ID or title').fill('EV-0001');
    await page.getByRole('button', { name: /EV-0001 firewall-rules\.csv/ }).click();
    await page.locator('[data-evidence-id="EV-0001"]').waitFor();

    // Search finds the narrative.
    await page.getByLabel('Search requirements and answers').fill('zebrafish');
    await expect.poll(() => page.locator('a[data-requirement-id]').count()).toBe(1);
    expect(await requirementLink(page, 'NET 1.1').count()).toBe(1);
    await page.screenshot({ path: path.join(artifacts, 'workspace.png') });

    // Reload: everything is still there.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    expect(await page.getByRole('radio', { name: /ML2 Managed/ }).isChecked()).toBe(true);
    expect(await page.locator('[data-evidence-id="EV-0001"]').count()).toBe(1);
    await openRequirement(page, 'NET 1.1');
    expect(await page.getByLabel('How it is implemented').inputValue()).toContain('zebrafish');
    expect(await page.getByRole('radio', { name: /ML3 Defined/ }).isChecked()).toBe(true);
    for (const id of ['EV-0001', 'EV-0002', 'EV-0003']) expect(await page.locator(`[data-evidence-id="${id}"]`).count(), id).toBe(1);
    expect(await page.getByRole('textbox', { name: 'Action', exact: true }).inputValue()).toBe(
      'Remove the any-any rule on the DMZ firewall',
    );
    await openRequirement(page, 'NET 2.1');
    expect(await page.getByRole('radio', { name: 'No, not applicable' }).isChecked()).toBe(true);
    expect(await page.getByLabel('Why it does not apply (required)').inputValue()).toBe(
      'There is no wireless network anywhere at the plant.',
    );
  });

  it('opens the sample, filters what it promises, moves with J/K, and passes axe on every main screen', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await ensureSetUp(page, 'Assessments');
    await page.getByRole('button', { name: 'Open the sample assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();
    expect(await page.locator('a[data-requirement-id]').count()).toBe(87);

    const show = page.getByRole('combobox', { name: 'Show' });
    await show.selectOption('below-target');
    const below = await page.locator('a[data-requirement-id]').count();
    expect(below).toBeGreaterThan(0);
    expect(await page.locator('a[data-requirement-id] .level.below').count()).toBe(below);
    await show.selectOption('unanswered');
    const unanswered = await page.locator('a[data-requirement-id]').count();
    expect(await page.locator('a[data-requirement-id] [aria-label="Unanswered"]').count()).toBe(unanswered);
    expect(unanswered).toBe(87 - 29);
    await show.selectOption('all');

    await openRequirement(page, 'ORG 1.1');
    await page.locator('body').press('j');
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.2 / }).waitFor();
    await page.locator('body').press('k');
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    await page.keyboard.press('Control+k');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search requirements and answers');

    for (const [link, heading, file] of [
      ['Assessment', 'Assessments', 'assessments'],
      ['Evidence', 'Evidence', 'evidence'],
      ['Remediation', 'Remediation plan', 'remediation'],
      ['Settings', 'Settings', 'settings'],
    ] as const) {
      await page.getByRole('link', { name: link, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      await page.screenshot({ path: path.join(artifacts, `${file}.png`) });
      expect(await seriousViolations(page), heading).toEqual([]);
    }
    await page.getByRole('link', { name: 'Assessment', exact: true }).click();
    await page.getByRole('link', { name: /sample/ }).click();
    await page.getByTestId('requirement-page').waitFor();
    expect(await seriousViolations(page), 'workspace').toEqual([]);
    await page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await page.screenshot({ path: path.join(artifacts, 'workspace-dark.png') });
    expect(await seriousViolations(page), 'workspace, dark').toEqual([]);
  });
});
