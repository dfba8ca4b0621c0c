/**
 * Signed off means locked, seen from the screen: every editing control is disabled, a file drop adds
 * nothing, a control re-enabled behind the app's back is still refused by the write path, and reopening
 * (with a reason, kept in the change log) makes the assessment editable again. Signing off names who
 * signs in which role, chosen from People; each answer says who last changed it.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { countRows, ensureSetUp, newAssessment } from './workbook';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });
let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

const LOCKED = /is signed off and locked: reopen it/;
const REASON = 'The auditor asked for the firewall review to be added as evidence.';

/** Every record of the stores named, straight from IndexedDB: what is really on disk. */
function readStores(page: Page, names: string[]): Promise<Record<string, unknown[]>> {
  return page.evaluate(
    (stores) =>
      new Promise<Record<string, unknown[]>>((resolve, reject) => {
        const open = indexedDB.open('csms-workbook');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(stores, 'readonly');
          const rows: Record<string, unknown[]> = {};
          for (const name of stores) {
            const request = tx.objectStore(name).getAll();
            request.onsuccess = () => (rows[name] = request.result);
          }
          tx.oncomplete = () => {
            db.close();
            resolve(rows);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    names,
  );
}

/** What a locked assessment must keep: its answers, actions and links, and the length of the change log. */
async function lockedState(page: Page) {
  return { ...(await readStores(page, ['responses', 'actions', 'links'])), ...(await countRows(page, ['evidence', 'blobs', 'audit'])) };
}

/** Adds a person under Settings → People. */
async function addPerson(page: Page, name: string, role: string) {
  const people = page.getByRole('region', { name: 'People', exact: true });
  await people.getByLabel('Name of the new person').fill(name);
  await people.getByLabel('Role of the new person').fill(role);
  await people.getByRole('button', { name: 'Add person' }).click();
  await people.getByRole('button', { name: `Remove ${name}` }).waitFor();
}

/** The editing controls of a panel that are not disabled (outerHTML, so a failure shows which). */
function enabledControls(panel: Locator): Promise<string[]> {
  return panel
    .locator('input, select, textarea, button')
    .evaluateAll((els) => els.filter((el) => !el.matches(':disabled')).map((el) => el.outerHTML.slice(0, 160)));
}

describe('a signed-off assessment', () => {
  it('is locked in the UI and in the write path, and reopening with a reason unlocks it', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await ensureSetUp(page, 'Assessments');
    await newAssessment(page, '2026 lock assessment');
    const status = page.getByTestId('assessment-status');
    expect(await status.textContent()).toBe('Draft');

    // An answer, an action and a note on ORG 1.1.
    await page.getByRole('radio', { name: /ML2 Managed/ }).check();
    const narrative = page.getByLabel('How it is implemented');
    await narrative.fill('The OT security policy is signed by the plant manager.');
    await page.locator('.save-state.ok').first().waitFor();
    await page.getByRole('textbox', { name: 'New action', exact: true }).fill('Review the policy yearly');
    await page.getByRole('button', { name: 'Add action' }).click();
    await page.getByRole('list', { name: 'Remediation actions' }).waitFor();
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Policy walk-through');
    await page.getByRole('textbox', { name: 'Note', exact: true }).fill('Walked through the policy with the shift leads.');
    await page.getByRole('button', { name: 'Add', exact: true }).click();
    await page.locator('[data-evidence-id="EV-0001"]').waitFor();

    // The answer says who last changed it, from the change log.
    const lastChange = page.getByTestId('last-change');
    await expect.poll(() => lastChange.textContent()).toMatch(/^Last changed by Dana Okafor on /);

    // Two more people, to sign as reviewer and approver.
    await page.getByRole('link', { name: 'Settings', exact: true }).first().click();
    await addPerson(page, 'Marcus Lee', 'Plant manager');
    await addPerson(page, 'Priya Shah', 'Site director');
    // Marcus takes over: his next change is logged, and shown, under his name.
    await page.getByLabel('Working as').selectOption({ label: 'Marcus Lee' });
    await page.getByText('Saved.').first().waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    await narrative.fill('The OT security policy is signed by the plant manager and reviewed yearly.');
    await narrative.blur();
    await expect.poll(() => lastChange.textContent()).toMatch(/^Last changed by Marcus Lee on /);

    // While the answers may change, each element and SPE offers to change all its requirements at once.
    const groupChanges = page.getByRole('button', { name: /^Change all \d+ requirements of / });
    expect(await groupChanges.count()).toBeGreaterThan(0);

    // Submit for review, then sign off: first without an approver, which is refused in plain words.
    await page.getByRole('button', { name: 'Submit for review' }).click();
    await expect.poll(() => status.textContent()).toBe('In review');
    await page.getByRole('button', { name: 'Sign off…' }).click();
    const dialog = page.getByRole('dialog', { name: /^Sign off/ });
    // The one working now is offered as the preparer; here another person prepared it.
    const preparer = dialog.getByLabel('Preparer (optional)');
    expect(await preparer.locator('option:checked').textContent()).toBe('Marcus Lee (Plant manager)');
    await preparer.selectOption({ label: 'Dana Okafor (OT security lead)' });
    await dialog.getByLabel('Reviewer (optional)').selectOption({ label: 'Marcus Lee (Plant manager)' });
    const signButton = dialog.getByRole('button', { name: 'Sign off and lock' });
    // The primary button is in view at 1024 × 700 without scrolling.
    const box = (await signButton.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(700);
    await signButton.click();
    await dialog.getByRole('alert').filter({ hasText: 'Choose the approver' }).waitFor();
    await dialog.getByLabel('Approver (required)').selectOption({ label: 'Priya Shah (Site director)' });
    await dialog.getByLabel('Statement (optional)').fill('Accepted as presented.');
    await page.screenshot({ path: path.join(artifacts, 'sign-off-dialog.png') });
    expect(await seriousViolations(page), 'sign-off dialog').toEqual([]);
    await signButton.click();
    await expect.poll(() => status.textContent()).toBe('Signed off — locked');
    expect(await page.getByTestId('signatory').allTextContents()).toEqual([
      'Preparer: Dana Okafor',
      '; Reviewer: Marcus Lee',
      '; Approver: Priya Shah',
    ]);
    expect(await page.getByTestId('sign-off').textContent()).toMatch(/^Signed on \d{4}-\d{2}-\d{2}: .* — “Accepted as presented\.”$/);
    await page.getByText('This assessment is signed off and locked. Reopen it to change it.').waitFor();
    // Locked: no offer to change a whole element or SPE (the write path refuses it too).
    expect(await groupChanges.count()).toBe(0);
    // The signatories wrap within the header at 1024 wide.
    const line = (await page.getByTestId('sign-off').boundingBox())!;
    expect(line.x + line.width).toBeLessThanOrEqual(1024);
    // The stored sign-off names the three and the log head it was signed at.
    const [signedOff] = (await readStores(page, ['assessments'])).assessments as {
      signOff: { signatories: { role: string; name: string }[]; logHead: { count: number; hash: string } };
    }[];
    expect(signedOff!.signOff.signatories.map((s) => `${s.role} ${s.name}`)).toEqual([
      'preparer Dana Okafor',
      'reviewer Marcus Lee',
      'approver Priya Shah',
    ]);
    expect(signedOff!.signOff.logHead.hash).toMatch(/^[0-9a-f]{64}$/);

    // Every control of the answer, the evidence and the actions is disabled, and keeps its label.
    const panels = {
      answer: page.getByRole('region', { name: 'Answer', exact: true }),
      evidence: page.getByRole('region', { name: /^Evidence/ }),
      actions: page.getByRole('region', { name: /^Remediation actions/ }),
    };
    for (const [name, panel] of Object.entries(panels)) {
      expect(await panel.locator('input, select, textarea, button').count(), name).toBeGreaterThan(0);
      expect(await enabledControls(panel), name).toEqual([]);
    }
    expect(await panels.evidence.getByRole('button', { name: 'Attach files' }).isDisabled()).toBe(true);
    expect(await panels.actions.getByRole('button', { name: 'Add action' }).isDisabled()).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'locked-workspace.png') });
    expect(await seriousViolations(page), 'locked workspace').toEqual([]);
    const before = await lockedState(page);

    // The level keys explain instead of changing the answer.
    await page.locator('body').press('3');
    await page.getByText(LOCKED).first().waitFor();
    expect(await page.getByRole('radio', { name: /ML2 Managed/ }).isChecked()).toBe(true);

    // A file dropped on the page is answered with a message and adds nothing.
    await page.getByTestId('requirement-page').evaluate((target) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['zone model'], 'zones.txt', { type: 'text/plain' }));
      for (const type of ['dragenter', 'dragover', 'drop'])
        target.dispatchEvent(new DragEvent(type, { bubbles: true, cancelable: true, dataTransfer: transfer }));
    });
    await page.getByRole('alert').filter({ hasText: 'Nothing was attached' }).waitFor();
    expect(await lockedState(page)).toEqual(before);

    // Controls re-enabled behind the app's back: the write path still refuses, and says so.
    await narrative.evaluate((el) => {
      el.removeAttribute('disabled');
      for (let at = el.closest('fieldset'); at; at = at.parentElement?.closest('fieldset') ?? null) at.removeAttribute('disabled');
    });
    await narrative.fill('Changed after the sign-off.');
    await narrative.blur();
    await panels.answer.locator('.save-state').filter({ hasText: LOCKED }).waitFor();
    const newAction = page.getByRole('textbox', { name: 'New action', exact: true });
    const addAction = panels.actions.getByRole('button', { name: 'Add action' });
    // The whole new-action form, its fieldset included: a disabled field would not be sent, and the form
    // would fail for that instead.
    await panels.actions
      .getByRole('form', { name: 'New action' })
      .locator('fieldset, input, select, button')
      .evaluateAll((els) => els.forEach((el) => el.removeAttribute('disabled')));
    await newAction.fill('Sneaked in after the sign-off');
    await addAction.click();
    await panels.actions.getByRole('alert').filter({ hasText: LOCKED }).waitFor();
    expect(await lockedState(page)).toEqual(before);

    // On the list, rename and delete are disabled with the reason; re-assessing and archiving stay.
    await page.getByRole('link', { name: 'Assessments', exact: true }).first().click();
    const row = page.getByRole('row', { name: /2026 lock assessment/ });
    await row.getByText('Reopen it to rename or delete it.').waitFor();
    for (const name of ['Rename', 'Delete']) expect(await row.getByRole('button', { name, exact: true }).isDisabled(), name).toBe(true);
    for (const name of ['Open', 'Re-assess', 'Archive'])
      expect(await row.getByRole('button', { name, exact: true }).isEnabled(), name).toBe(true);
    await page.screenshot({ path: path.join(artifacts, 'locked-assessments.png') });
    expect(await seriousViolations(page), 'assessments list').toEqual([]);
    await row.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByTestId('locked-notice').waitFor();

    // Reopen from the requirement page: a reason is required, then editing works again.
    await page.getByTestId('locked-notice').getByRole('button', { name: 'Reopen…' }).click();
    const reopen = page.getByRole('dialog', { name: /^Reopen/ });
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await reopen.getByRole('alert').filter({ hasText: 'Say why it is reopened' }).waitFor();
    await reopen.getByLabel('Why it is reopened (required)').fill(REASON);
    await reopen.getByRole('button', { name: 'Reopen', exact: true }).click();
    await expect.poll(() => status.textContent()).toBe('Draft');
    expect(await page.getByTestId('locked-notice').count()).toBe(0);
    await expect.poll(() => groupChanges.count()).toBeGreaterThan(0);
    for (const [name, panel] of Object.entries(panels)) expect(await panel.locator(':disabled').count(), name).toBe(0);

    await narrative.fill('The policy now also covers the remote access procedure.');
    await narrative.blur();
    await expect
      .poll(async () => ((await readStores(page, ['responses'])).responses as { narrative: string }[]).map((r) => r.narrative))
      .toContain('The policy now also covers the remote access procedure.');
    await newAction.fill('Add the firewall review to the evidence');
    await addAction.click();
    await expect.poll(async () => (await countRows(page, ['actions'])).actions).toBe(2);

    // The change log holds the reopening with its reason.
    const audit = (await readStores(page, ['audit'])).audit as {
      entity: string;
      change: { reason?: string; after?: { status?: string } };
    }[];
    const reopening = audit.slice(-10).filter((e) => e.entity === 'assessment' && e.change.reason);
    expect(reopening).toHaveLength(1);
    expect(reopening[0]!.change.reason).toBe(REASON);
    expect(reopening[0]!.change.after?.status).toBe('draft');
  });
});
