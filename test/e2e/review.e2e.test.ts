/**
 * The auditor's round trip across two computers (two browser profiles): the owner saves one assessment
 * as a bundle; the auditor opens it as a read-only review copy, records verdicts, re-hashes a file and
 * saves a review file; the owner imports it and sees the verdicts, the one on a requirement changed
 * since the bundle shown as stale. An altered or foreign review file is refused and writes nothing.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { canonicalJson } from '../../src/core/audit/canonicalJson';
import { sha256Hex } from '../../src/core/hashing/sha256';
import { launchApp, stopServer, type AppSession } from './harness';
import { bytesOf, countRowsIn, ensureSetUp } from './workbook';

const sessions: AppSession[] = [];
const work = mkdtempSync(path.join(tmpdir(), 'csms-review-e2e-'));
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close().catch(() => undefined);
});
afterAll(async () => {
  await stopServer();
  rmSync(work, { recursive: true, force: true });
});

async function open(hash: string): Promise<AppSession> {
  const app = await launchApp({ hash });
  sessions.push(app);
  await app.page.setViewportSize({ width: 1024, height: 700 });
  return app;
}

const OWNER_STORES = ['organization', 'sites', 'people', 'assessments', 'responses', 'evidence', 'links', 'actions', 'blobs'];
const ASSESSMENT = 'Riverside 2026 self-assessment';

async function goTo(page: Page, hash: string, heading: string | RegExp) {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading }).first().waitFor();
}

const requirementHash = (assessmentId: string, requirementId: string) => `/assessment/${assessmentId}/${encodeURIComponent(requirementId)}`;

async function answer(page: Page, level: string, narrative: string) {
  await page.getByRole('radio', { name: new RegExp(level) }).check();
  await page.getByLabel('How it is implemented').fill(narrative);
  await page.locator('.save-state.ok').first().waitFor();
}

async function pick(page: Page, button: string, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).first().click();
  await (await chooser).setFiles(file);
}

async function download(page: Page, button: string, file: string): Promise<string> {
  const done = page.waitForEvent('download');
  await page.getByRole('button', { name: button }).first().click();
  const target = path.join(work, file);
  await (await done).saveAs(target);
  return target;
}

/** The review file with its content changed and its hash recomputed, as someone forging one would. */
function resealed(file: string, change: (body: { review: { assessmentId: string } }) => void): string {
  const body = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown> & { review: { assessmentId: string } };
  delete body.sha256;
  change(body);
  const target = `${file}.resealed.csmsreview`;
  writeFileSync(target, JSON.stringify({ ...body, sha256: sha256Hex(canonicalJson(body)) }));
  return target;
}

describe('the auditor’s round trip', () => {
  it('owner → bundle → review copy → verdicts → review file → owner, with staleness and refusals', async () => {
    // The owner: an assessment with two answers and a file, saved as a one-assessment bundle.
    const owner = await open('/assessment');
    const o = owner.page;
    await ensureSetUp(o, 'Assessments');
    await o.getByRole('button', { name: 'New assessment' }).click();
    await o.getByLabel('Name').fill(ASSESSMENT);
    await o.getByRole('button', { name: 'Create assessment' }).click();
    await o.locator('#requirement-title').waitFor();
    const assessmentId = decodeURIComponent(new URL(o.url()).hash.split('/')[2]!);
    await goTo(o, requirementHash(assessmentId, 'ORG 1.1'), /ORG 1\.1/);
    await answer(o, 'ML3', 'The security policy was approved by the board in March.');
    const chooser = o.waitForEvent('filechooser');
    await o.getByRole('button', { name: 'Attach files' }).click();
    await (await chooser).setFiles([{ name: 'policy.pdf', mimeType: 'application/pdf', buffer: bytesOf(200_000, 3) }]);
    await o.getByText('policy.pdf').first().waitFor({ timeout: 30_000 });
    await goTo(o, requirementHash(assessmentId, 'ORG 1.2'), /ORG 1\.2/);
    await answer(o, 'ML2', 'Roles are written down in the OT security charter.');
    await goTo(o, '/settings', 'Settings');
    await o.getByLabel('What to save').selectOption({ label: `Only “${ASSESSMENT}”` });
    const bundle = await download(o, 'Save as a bundle…', 'riverside.csmsx');

    // The auditor, on another computer: a fresh profile, nothing set up.
    const auditor = await open('/dashboard');
    const a = auditor.page;
    await a.getByRole('heading', { name: 'Welcome to CSMS Workbook', level: 1 }).waitFor();
    await pick(a, 'Review a bundle…', bundle);
    await a.getByLabel('Reviewer’s name').fill('Ines Prüfer');
    await a.getByLabel('Reviewer’s organization').fill('Audit & Co');
    await a.getByRole('button', { name: 'Open for review' }).click();
    await a.getByTestId('review-banner').waitFor({ timeout: 30_000 });
    // The auditor's own workbook stays unset: the copy lives in a database of its own.
    expect((await countRowsIn(a, 'csms-workbook', ['organization']))?.organization ?? 0).toBe(0);
    const reviewCopyBefore = await countRowsIn(a, 'csms-workbook-review', OWNER_STORES);
    expect(reviewCopyBefore).toMatchObject({ assessments: 1, responses: 2, evidence: 1, blobs: 1 });

    // Marked on every screen, and the owner's answer cannot be edited.
    for (const [hash, heading] of [
      ['/dashboard', 'Dashboard'],
      ['/evidence', 'Evidence'],
      ['/remediation', 'Remediation'],
      ['/export', 'Export'],
      ['/settings', 'Settings'],
      ['/assessment', 'Assessments'],
    ] as const) {
      await goTo(a, hash, heading);
      await expect.poll(() => a.getByTestId('review-banner').isVisible()).toBe(true);
    }
    await goTo(a, requirementHash(assessmentId, 'ORG 1.1'), /ORG 1\.1/);
    expect(await a.getByLabel('How it is implemented').isDisabled()).toBe(true);

    // Verdicts, a comment, and the file re-hashed against the register.
    const panel = a.getByTestId('review-panel');
    await panel.getByRole('radio', { name: 'Accepted', exact: true }).check();
    await panel.getByLabel('Comment for the owner').fill('Policy seen, signed by the board.');
    await panel.getByLabel('Comment for the owner').blur();
    await panel.getByRole('button', { name: 'Check the file' }).click();
    await panel.getByText(/^Verified/).waitFor();
    await goTo(a, requirementHash(assessmentId, 'ORG 1.2'), /ORG 1\.2/);
    await panel.getByRole('radio', { name: 'More evidence needed' }).check();
    await panel.getByLabel('Comment for the owner').fill('Show the signed charter.');
    await panel.getByLabel('Comment for the owner').blur();
    await expect.poll(() => a.getByTestId('review-banner').textContent()).toMatch(/Verdicts so far: 2; evidence checked: 1/);
    expect(await countRowsIn(a, 'csms-workbook-review', OWNER_STORES)).toEqual(reviewCopyBefore);
    const reviewFile = await download(a, 'Save review file…', 'review.csmsreview');
    expect(JSON.parse(readFileSync(reviewFile, 'utf8'))).toMatchObject({ format: 'csms-workbook-review', review: { assessmentId } });

    // Back at the owner's: ORG 1.2 changes after the bundle was made, then the review comes in.
    await goTo(o, requirementHash(assessmentId, 'ORG 1.2'), /ORG 1\.2/);
    await o.getByLabel('How it is implemented').fill('Roles are in the charter, signed on 2 May.');
    await o.locator('.save-state.ok').first().waitFor();
    await goTo(o, '/assessment', 'Assessments');
    const ownerBefore = await countRowsIn(o, 'csms-workbook', [...OWNER_STORES, 'reviews', 'audit']);

    // An altered file and a file rebound to another assessment are refused; nothing is written.
    const altered = path.join(work, 'altered.csmsreview');
    writeFileSync(altered, readFileSync(reviewFile, 'utf8').replace('Show the signed charter.', 'Nothing more needed.'));
    await pick(o, 'Import a review file…', altered);
    await expect.poll(() => o.getByTestId('review-import-status').textContent()).toMatch(/changed after the reviewer saved it/);
    await pick(
      o,
      'Import a review file…',
      resealed(reviewFile, (b) => (b.review.assessmentId = 'another-assessment')),
    );
    await expect.poll(() => o.getByTestId('review-import-status').textContent()).toMatch(/which is not in this workbook/);
    expect(await countRowsIn(o, 'csms-workbook', [...OWNER_STORES, 'reviews', 'audit'])).toEqual(ownerBefore);

    await pick(o, 'Import a review file…', reviewFile);
    await expect.poll(() => o.getByTestId('review-import-status').textContent()).toMatch(/2 verdicts by Ines Prüfer .* was imported/);
    await goTo(o, requirementHash(assessmentId, 'ORG 1.1'), /ORG 1\.1/);
    const received = o.getByTestId('received-verdicts');
    await expect.poll(() => received.getByTestId('received-verdict').textContent()).toBe('Accepted');
    await received.getByText('Policy seen, signed by the board.').waitFor();
    await received.getByText(/file verified against the register/).waitFor();
    await goTo(o, requirementHash(assessmentId, 'ORG 1.2'), /ORG 1\.2/);
    await expect.poll(() => received.getByTestId('received-verdict').textContent()).toBe('More evidence needed — stale');
    await received.getByTestId('stale-note').waitFor();
    expect(await o.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  });
});
