/**
 * Daily work on actions and evidence without dead ends: the remediation plan is filtered by owner and
 * status and an action's status changed there; a file attached from a requirement takes an owner and
 * expiry as it is attached and is edited from the requirement; the library names and links the
 * requirement an item supports; the workspace search finds a requirement by its evidence ID. At
 * 1024 × 700 without sideways scrolling.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp, newAssessment } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

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

async function goTo(page: Page, hash: string, heading: string | RegExp) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
}

async function addAction(page: Page, description: string, owner: string) {
  await page.getByRole('textbox', { name: 'New action', exact: true }).fill(description);
  await page.getByLabel('Owner of the new action').fill(owner);
  await page.getByRole('button', { name: 'Add action' }).click();
  await expect.poll(async () => (await stored<StoredAction>(page, 'actions')).some((a) => a.description === description)).toBe(true);
}

interface StoredAction {
  number: number;
  owner: string;
  status: string;
  description: string;
}
interface StoredEvidence {
  id: string;
  title: string;
  owner: string;
  expiresOn?: string;
  collectedOn?: string;
}

describe('actions and evidence without dead ends', () => {
  it('filters and edits actions, attaches evidence with details, links the library to requirements and searches by evidence ID', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    const assessmentId = await newAssessment(page, '2026 daily work');

    await addAction(page, 'Write the OT security scope', 'Ana Lima');
    await addAction(page, 'Have the plant manager sign the policy', 'Ben Ode');

    // On a card, leaving a field saves it while the next one is being typed into: the save landing
    // must not take that typing away, and each save names only its own field.
    const card = page.getByTestId('action-card').filter({ has: page.getByText('ACT-0001', { exact: true }) });
    await card.getByLabel('Action', { exact: true }).fill('Write and approve the OT security scope');
    await card.getByLabel('Action', { exact: true }).press('Tab');
    const cardOwner = card.getByLabel('Owner', { exact: true });
    await cardOwner.press('ControlOrMeta+a');
    await cardOwner.pressSequentially('Ana Lima-Costa', { delay: 40 });
    await expect
      .poll(async () => (await stored<StoredAction>(page, 'actions')).find((a) => a.number === 1)?.description)
      .toBe('Write and approve the OT security scope');
    expect(await cardOwner.inputValue()).toBe('Ana Lima-Costa');
    await cardOwner.press('Tab');
    await card.getByLabel('Priority', { exact: true }).selectOption('high');
    await expect
      .poll(async () => (await stored<StoredAction & { priority: string }>(page, 'actions')).find((a) => a.number === 1))
      .toMatchObject({ description: 'Write and approve the OT security scope', owner: 'Ana Lima-Costa', priority: 'high', status: 'open' });
    expect(await cardOwner.inputValue()).toBe('Ana Lima-Costa');

    // Attaching a file asks for owner and dates; the expiry given is stored with the owner.
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles([{ name: 'scope.txt', mimeType: 'text/plain', buffer: Buffer.from('OT scope v1\n') }]);
    const details = page.getByRole('form', { name: /Details of EV-0001/ });
    await details.waitFor();
    expect(await details.getByLabel('Collected on').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await details.getByLabel('Owner').fill('Sam Reyes');
    await details.getByLabel('Expires on').fill('2027-06-30');
    expect(await seriousViolations(page), 'attach details').toEqual([]);
    await details.getByRole('button', { name: 'Save details' }).click();
    await details.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await stored<StoredEvidence>(page, 'evidence')).find((e) => e.id === 'EV-0001'))
      .toMatchObject({ owner: 'Sam Reyes', expiresOn: '2027-06-30' });
    const row = page.locator('[data-evidence-id="EV-0001"]');
    await row.getByText('expires 2027-06-30').waitFor();

    // Edit from the requirement: the title changes, the owner given on attaching stays.
    await row.getByRole('button', { name: 'Edit EV-0001' }).click();
    const dialog = page.getByRole('dialog', { name: 'Edit EV-0001' });
    await dialog.getByLabel('Title').fill('OT security scope, signed');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByText('OT security scope, signed').waitFor();
    const edited = (await stored<StoredEvidence>(page, 'evidence')).find((e) => e.id === 'EV-0001');
    expect(edited).toMatchObject({ title: 'OT security scope, signed', owner: 'Sam Reyes', expiresOn: '2027-06-30' });
    expect(await noSidewaysScroll(page)).toBe(true);

    // The remediation plan: filter by owner, then status; change a status in the row.
    await goTo(page, '/remediation', 'Remediation plan');
    const count = page.getByTestId('action-count');
    await expect.poll(() => count.textContent()).toBe('2 of 2 actions');
    await page.getByLabel('Owner', { exact: true }).selectOption('Ben Ode');
    await expect.poll(() => count.textContent()).toBe('1 of 2 actions');
    const table = page.getByRole('table', { name: 'Remediation actions' });
    await table.getByText('Have the plant manager sign the policy').waitFor();
    expect(await table.getByText('Write and approve the OT security scope').count()).toBe(0);
    await page.getByLabel('Status', { exact: true }).selectOption('open');
    await expect.poll(() => count.textContent()).toBe('1 of 2 actions');
    expect(await noSidewaysScroll(page)).toBe(true);

    const benAction = (await stored<StoredAction>(page, 'actions')).find((a) => a.owner === 'Ben Ode')!;
    const ref = `ACT-${String(benAction.number).padStart(4, '0')}`;
    await page.getByLabel(`Status of ${ref}`).selectOption('done');
    // Done no longer matches "Open", and the change reached the disk with nothing else changed.
    await expect.poll(() => count.textContent()).toBe('0 of 2 actions');
    const after = (await stored<StoredAction>(page, 'actions')).find((a) => a.number === benAction.number)!;
    expect(after).toStrictEqual({ ...benAction, status: 'done', updatedAt: expect.any(String) });
    await page.getByLabel('Status', { exact: true }).selectOption('done');
    await expect.poll(() => count.textContent()).toBe('1 of 2 actions');

    // Editing the other details in place, by keyboard, saves only what changed.
    await page.getByRole('button', { name: `Edit ${ref}` }).click();
    const form = page.getByRole('form', { name: `Edit ${ref}` });
    expect(await seriousViolations(page), 'remediation plan with an action open for editing').toEqual([]);
    await form.getByLabel('How closure will be checked').fill('Signed policy seen on file');
    await form.getByLabel('How closure will be checked').press('Enter');
    await form.waitFor({ state: 'detached' });
    await expect
      .poll(async () =>
        (await stored<StoredAction & { closureCheck?: string }>(page, 'actions')).find((a) => a.number === benAction.number),
      )
      .toStrictEqual({ ...benAction, status: 'done', closureCheck: 'Signed policy seen on file', updatedAt: expect.any(String) });
    expect(await noSidewaysScroll(page)).toBe(true);

    // The evidence library names the requirement the item supports, and the name leads there.
    await goTo(page, '/evidence', 'Evidence');
    const libraryRow = page.locator('tr[data-evidence-id="EV-0001"]');
    const requirementLink = libraryRow.getByRole('link', { name: 'ORG 1.1' });
    expect(await requirementLink.getAttribute('href')).toBe(`#/assessment/${assessmentId}/ORG%201.1`);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await seriousViolations(page), 'evidence library').toEqual([]);
    await requirementLink.click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();

    // The workspace search finds the requirement through its evidence ID and says so.
    await page.getByLabel('Search requirements and answers').fill('EV-0001');
    const navigator = page.getByRole('navigation', { name: 'Requirements' });
    await expect.poll(() => navigator.locator('[data-requirement-id]').count()).toBe(1);
    await expect
      .poll(() => navigator.locator('[data-requirement-id="ORG 1.1"]').getByTestId('search-via').textContent())
      .toBe('via EV-0001');
    await page.getByLabel('Search requirements and answers').fill(ref);
    await expect
      .poll(() => navigator.locator('[data-requirement-id="ORG 1.1"]').getByTestId('search-via').textContent())
      .toBe(`via ${ref}`);
    expect(await noSidewaysScroll(page)).toBe(true);
  }, 120_000);

  it('keeps what was typed on an action card when the browser is closed 200 ms after the last keystroke', async () => {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'csms-action-draft-'));
    try {
      app = await launchApp({ hash: '/assessment', profileDir });
      let page = app.page;
      await ensureSetUp(page, 'Assessments');
      const assessmentId = await newAssessment(page, '2026 action drafts');
      await addAction(page, 'Write the OT security scope', 'Ana Lima');
      const closure = page.getByTestId('action-card').first().getByLabel('How closure will be checked');
      await closure.fill('Scope signed by the plant manager');
      // Kept on this computer from the keystroke on, before the save is even due.
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('.action.')).length)).toBe(1);
      // Deliberate, the point of the test: the window closes inside the autosave delay, the field not left.
      await new Promise((resolve) => setTimeout(resolve, 200));
      await app.close();
      app = null;

      app = await launchApp({ hash: `/assessment/${assessmentId}/ORG%201.1`, profileDir });
      page = app.page;
      await expect
        .poll(async () => (await stored<StoredAction & { closureCheck?: string }>(page, 'actions'))[0])
        .toMatchObject({
          description: 'Write the OT security scope',
          owner: 'Ana Lima',
          closureCheck: 'Scope signed by the plant manager',
        });
      await expect
        .poll(() => page.getByTestId('action-card').first().getByLabel('How closure will be checked').inputValue())
        .toBe('Scope signed by the plant manager');
      expect(await page.evaluate(() => Object.keys(localStorage).filter((key) => key.includes('.action.')).length)).toBe(0);
    } finally {
      await app?.close();
      app = null;
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    }
  });
});
