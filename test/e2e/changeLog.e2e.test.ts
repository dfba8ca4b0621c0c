/**
 * The change log checks the data, not only itself: the integrity check compares every record with the
 * state its last log entry recorded, and the log with the head this computer recorded at the last save
 * (the marker in localStorage). A log cut short, emptied, or rebuilt around edited data is reported, and
 * at start a workbook shorter than the marker opens the recovery screen, never first start.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { auditHead, clearAllStores, deleteDatabase, dropLastAuditEntries, editResponse, readMarker, rebuildChain } from './rawDb';
import { checkIntegrity, ensureSetUp, newAssessment } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

const RECOVERY = 'Your workbook is not what this computer last saved';

async function goTo(page: Page, hash: string, heading: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

async function answer(page: Page, level: string, narrative: string) {
  await page.getByRole('radio', { name: new RegExp(level) }).check();
  await page.getByLabel('How it is implemented').fill(narrative);
  await page.locator('.save-state.ok').first().waitFor();
}

/** A fresh workbook with a few changes made through the UI; ends on the Evidence screen, all saved. */
async function workbookWithChanges(): Promise<Page> {
  app = await launchApp({ hash: '/assessment' });
  const { page } = app;
  await ensureSetUp(page, 'Assessments');
  await newAssessment(page, 'Change log assessment');
  await answer(page, 'ML2 Managed', 'The OT security policy is signed by the plant manager.');
  await page.locator('a[data-requirement-id="ORG 1.2"]').click();
  await page.getByRole('heading', { level: 1, name: /^ORG 1\.2 / }).waitFor();
  await answer(page, 'ML1 Initial', 'Roles are known but not written down.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByLabel('Title', { exact: true }).fill('Interview with the shift lead');
  await page.getByLabel('Note', { exact: true }).fill('Roles confirmed verbally.');
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator('[data-evidence-id="EV-0001"]').waitFor();
  await goTo(page, '/evidence', 'Evidence');
  // Every change is in the log, and the marker outside the database has caught up with it.
  await expect
    .poll(async () => {
      const [marker, head] = await Promise.all([readMarker(page), auditHead(page)]);
      return marker !== null && marker.count === head.count && marker.head === head.head;
    })
    .toBe(true);
  return page;
}

async function integrityResult(page: Page) {
  const { intact, text } = await checkIntegrity(page);
  const result = page.getByTestId('integrity-result');
  return { intact, text, log: await result.getAttribute('data-log'), data: await result.getAttribute('data-data') };
}

describe('the change log checks the data, not only itself', () => {
  it('reports an untouched workbook intact', async () => {
    const page = await workbookWithChanges();
    const result = await integrityResult(page);
    expect(result, result.text).toMatchObject({ intact: true, log: 'yes', data: 'yes' });
    expect(result.text).toContain('Change log intact');
    expect(result.text).toContain('records match it');
  });

  it('reports a log cut short, and opens the recovery screen for it at the next start', async () => {
    const page = await workbookWithChanges();
    const marker = (await readMarker(page))!;
    expect(await dropLastAuditEntries(page, 3)).toEqual([marker.count - 2, marker.count - 1, marker.count]);
    const result = await integrityResult(page);
    expect(result.intact, result.text).toBe(false);
    expect(result.log).toBe('no');
    expect(result.text).toContain('truncated');
    expect(result.text).toContain('the last 3 entries were removed');
    expect(result.text).not.toContain('Change log broken');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: RECOVERY }).waitFor();
    expect(await page.getByRole('alert').textContent()).toContain('recent changes are missing');
    expect(await page.getByRole('heading', { name: 'Welcome to CSMS Workbook' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Save a copy of what can be read' }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Continue with what is there…' }).click();
    await page.getByRole('button', { name: 'Continue with the workbook as it is' }).click();
    await page.getByRole('heading', { level: 1, name: 'Evidence', exact: true }).waitFor();
    expect(await page.getByRole('heading', { level: 1, name: RECOVERY }).count()).toBe(0);
    // From now on this computer records the workbook as it is.
    expect(await readMarker(page)).toMatchObject({ count: marker.count - 3 });
  });

  it('opens the recovery screen, not first start, when the database was recreated empty', async () => {
    const page = await workbookWithChanges();
    const marker = (await readMarker(page))!;
    const appUrl = page.url();
    // Away from the app (a page of the same origin that runs none of its code), so nothing holds the database.
    await page.goto(new URL('/icon.svg', appUrl).toString());
    await deleteDatabase(page, 'csms-workbook');
    expect(await page.evaluate(() => localStorage.getItem('csms.marker.csms-workbook'))).not.toBeNull();
    await page.goto(appUrl);
    const recovery = page.getByRole('heading', { level: 1, name: RECOVERY });
    const welcome = page.getByRole('heading', { name: 'Welcome to CSMS Workbook' });
    await recovery.or(welcome).first().waitFor();
    expect(await welcome.count()).toBe(0);
    const message = (await page.getByRole('alert').textContent()) ?? '';
    expect(message).toContain('the database is now empty');
    expect(message).toContain('probably lost');
    expect(message).toContain(`${marker.count} recorded changes`);
    expect(await page.getByRole('button', { name: 'Save a copy of what can be read' }).isVisible()).toBe(true);
  });

  it('opens the recovery screen, not first start, when every store was emptied in place', async () => {
    const page = await workbookWithChanges();
    await clearAllStores(page, 'csms-workbook');
    await page.reload();
    const recovery = page.getByRole('heading', { level: 1, name: RECOVERY });
    const welcome = page.getByRole('heading', { name: 'Welcome to CSMS Workbook' });
    await recovery.or(welcome).first().waitFor();
    expect(await welcome.count()).toBe(0);
    expect(await page.getByRole('alert').textContent()).toContain('probably lost');
  });

  it('names a record changed outside the app, while the chain itself still checks out', async () => {
    const page = await workbookWithChanges();
    const [assessmentId] = await editResponse(page, 'ORG 1.1', { achievedLevel: 4, narrative: 'tampered' });
    const result = await integrityResult(page);
    expect(result.intact, result.text).toBe(false);
    expect(result.log).toBe('yes');
    expect(result.data).toBe('no');
    expect(result.text).toContain(`response ${assessmentId} / ORG 1.1`);
    expect(result.text).toContain('changed outside the app');
    expect(result.text).not.toContain('ORG 1.2');
  });

  it('catches a log rebuilt around edited data by the head this computer recorded', async () => {
    const page = await workbookWithChanges();
    const marker = (await readMarker(page))!;
    await editResponse(page, 'ORG 1.1', { achievedLevel: 4, narrative: 'tampered' });
    const rebuilt = await rebuildChain(page);
    expect(rebuilt.restated).toHaveLength(1);
    expect(rebuilt.restated[0]).toMatch(/ response .*\|ORG 1\.1$/);
    expect(rebuilt.count).toBe(marker.count);
    expect(rebuilt.head).not.toBe(marker.head);
    const result = await integrityResult(page);
    expect(result.intact, result.text).toBe(false);
    // The forged chain and the forged states are consistent: only the recorded head gives it away.
    expect(result.text).not.toContain('Change log broken');
    expect(result.data, result.text).toBe('yes');
    expect(result.log).toBe('no');
    expect(result.text).toContain('no longer extends the head recorded');
    expect(result.text).toContain(`entry ${marker.count} is different`);
  });
});
