/**
 * The sample lives apart: it is built in a database of its own, opening it adds nothing to the user's
 * workbook (no site, person, evidence, change-log entry or EV number), it stays open across reloads, and
 * closing it returns to the user's workbook untouched and deletes the sample's database.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { databaseNames, readMarker, snapshotDb } from './rawDb';
import { ensureSetUp, newAssessment } from './workbook';

const MAIN = 'csms-workbook';
const SAMPLE = 'csms-workbook-sample';
const OWN_ASSESSMENT = 'Own plant assessment 2026';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

async function goTo(page: Page, hash: string, heading: string) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
}

async function addNote(page: Page, title: string, note: string, id: string) {
  await page.getByRole('button', { name: 'Add note' }).click();
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Note', { exact: true }).fill(note);
  await page.getByRole('button', { name: 'Add', exact: true }).click();
  await page.locator(`[data-evidence-id="${id}"]`).waitFor();
}

const assessmentRow = (page: Page, name: string | RegExp) =>
  page
    .getByRole('table', { name: 'Assessments' })
    .getByRole('row')
    .filter({ has: page.getByRole('link', { name }) });

describe('the sample workbook', () => {
  it('lives in a database of its own, survives a reload, and closing it leaves the user’s workbook as it was', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await ensureSetUp(page, 'Assessments');

    // The user's own work: an assessment, one answer, one evidence note.
    await newAssessment(page, OWN_ASSESSMENT);
    await page.getByRole('radio', { name: /ML2 Managed/ }).check();
    await page.getByLabel('How it is implemented').fill('The OT security policy is signed by the plant manager.');
    await page.locator('.save-state.ok').first().waitFor();
    await addNote(page, 'Walk-down of the control room', 'Policy posted at the operator desk.', 'EV-0001');

    await goTo(page, '/assessment', 'Assessments');
    await expect.poll(() => assessmentRow(page, OWN_ASSESSMENT).textContent()).toContain('1 of 87');
    // Every save has reached the change log and the marker follows it.
    await expect
      .poll(async () => {
        const raw = await snapshotDb(page, MAIN);
        return (await readMarker(page))?.count === raw.counts.audit;
      })
      .toBe(true);
    const before = await snapshotDb(page, MAIN);
    const markerBefore = await readMarker(page);
    expect(before.counts).toMatchObject({ organization: 1, sites: 1, people: 1, assessments: 1, responses: 1, evidence: 1 });
    expect(before.contents.meta).toContain('"key":"nextEvidenceNumber","value":2');
    expect(await databaseNames(page)).not.toContain(SAMPLE);

    // Open the sample.
    await page.getByRole('button', { name: 'Open the sample assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();
    const banner = page.getByRole('region', { name: 'Sample workbook' });
    await banner.waitFor();
    expect(await banner.getByRole('button', { name: 'Close the sample' }).isVisible()).toBe(true);
    expect(await databaseNames(page)).toEqual(expect.arrayContaining([MAIN, SAMPLE]));

    // What is shown is the sample: a water utility's assessment with 29 answers (27 assessed, 2 not applicable), and not the user's.
    await goTo(page, '/assessment', 'Assessments');
    await expect.poll(() => assessmentRow(page, /\(sample\)/).textContent()).toContain('27 of 85 applicable');
    expect(await assessmentRow(page, /\(sample\)/).textContent()).toContain('Riverside Water Treatment Plant');
    expect(await assessmentRow(page, OWN_ASSESSMENT).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Open the sample assessment' }).count()).toBe(0);
    await goTo(page, '/dashboard', 'Dashboard');
    await page.getByText(/applicable requirements assessed/).waitFor();
    const picked = page.locator('.screen-header select');
    expect(await picked.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent ?? '')).toMatch(/\(sample\)/);
    expect(await picked.locator('option').allTextContents()).not.toContain(OWN_ASSESSMENT);
    const sample = await snapshotDb(page, SAMPLE);
    expect(sample.counts.responses).toBe(29);
    expect(sample.contents.organization).toContain('North Valley Water Authority');
    expect(sample.contents.sites).toContain('Riverside Water Treatment Plant');

    // The user's workbook is exactly as it was, and so is this computer's record of it.
    expect(await snapshotDb(page, MAIN)).toEqual(before);
    expect(await readMarker(page)).toEqual(markerBefore);

    // A reload keeps the sample open.
    await page.reload();
    await goTo(page, '/assessment', 'Assessments');
    await banner.waitFor();
    await expect.poll(() => assessmentRow(page, /\(sample\)/).textContent()).toContain('27 of 85 applicable');
    expect(await assessmentRow(page, OWN_ASSESSMENT).count()).toBe(0);
    expect(await snapshotDb(page, MAIN)).toEqual(before);

    // Closing it returns to the user's workbook, untouched, and deletes the sample's database.
    await banner.getByRole('button', { name: 'Close the sample' }).click();
    await page.getByRole('heading', { level: 1, name: 'Assessments', exact: true }).waitFor();
    await expect.poll(() => assessmentRow(page, OWN_ASSESSMENT).textContent()).toContain('1 of 87');
    expect(await banner.count()).toBe(0);
    expect(await assessmentRow(page, /\(sample\)/).count()).toBe(0);
    await expect.poll(() => databaseNames(page)).not.toContain(SAMPLE);
    expect(await databaseNames(page)).toContain(MAIN);
    expect(await snapshotDb(page, MAIN)).toEqual(before);
    expect(await readMarker(page)).toEqual(markerBefore);

    // After a reload it is still the user's workbook, and the sample stays gone.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Assessments', exact: true }).waitFor();
    await expect.poll(() => assessmentRow(page, OWN_ASSESSMENT).textContent()).toContain('1 of 87');
    expect(await banner.count()).toBe(0);
    expect(await databaseNames(page)).not.toContain(SAMPLE);

    // The next evidence gets the next number: no gap left by the sample's evidence.
    await assessmentRow(page, OWN_ASSESSMENT).getByRole('link', { name: OWN_ASSESSMENT }).click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    await page.locator('[data-evidence-id="EV-0001"]').waitFor();
    await addNote(page, 'Second walk-down', 'Badge readers checked at the control room door.', 'EV-0002');
    const after = await snapshotDb(page, MAIN);
    expect(after.counts.evidence).toBe(2);
    expect(after.contents.evidence).toMatch(/"id":"EV-0002"/);
    expect(after.contents.evidence).not.toMatch(/EV-000[3-9]/);
    expect(after.contents.meta).toContain('"key":"nextEvidenceNumber","value":3');
  });
});
