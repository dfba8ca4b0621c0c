/**
 * Bundles as a user meets them: a workbook saved as a bundle on one computer and started from on
 * another comes back whole (every record, the change log, every file re-hashed); and every crafted
 * bundle of the hostile corpus is refused with its own message, the workbook untouched.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { hostileBundles } from '../fixtures/hostile/generate';
import { launchApp, stopServer, type AppSession } from './harness';
import { bytesOf, checkIntegrity, countRows, countRowsIn, ensureSetUp } from './workbook';

const sessions: AppSession[] = [];
const work = mkdtempSync(path.join(tmpdir(), 'csms-bundle-e2e-'));
afterEach(async () => {
  for (const s of sessions.splice(0)) await s.close().catch(() => undefined);
});
afterAll(async () => {
  await stopServer();
  rmSync(work, { recursive: true, force: true });
});

async function open(hash: string, profileDir?: string): Promise<AppSession> {
  const app = await launchApp({ hash, profileDir });
  sessions.push(app);
  return app;
}

const STORES = ['organization', 'sites', 'people', 'assessments', 'responses', 'evidence', 'links', 'actions', 'blobs', 'audit'];

async function pickBundle(page: Page, button: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(file);
}

describe('workbook bundles', () => {
  it('carries a workbook to a fresh computer whole: records, log and every file', async () => {
    const a = await open('/assessment');
    const page = a.page;
    await ensureSetUp(page, 'Assessments');
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByLabel('Name').fill('Jahresbewertung 2026 — 年度评估 — التقييم 🔒');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.locator('#requirement-title').waitFor();
    await page.locator('body').press('3');
    await page.getByLabel('How it is implemented').fill('Zwei Firewalls trennen die Zonen — 防火墙 — جدار الحماية 🔥');
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Attach files' }).click();
    await (
      await chooser
    ).setFiles([
      { name: 'Prüfbericht 审计.pdf', mimeType: 'application/pdf', buffer: bytesOf(300_000, 7) },
      { name: 'capture.bin', mimeType: 'application/octet-stream', buffer: bytesOf(6 * 1024 * 1024, 11) },
    ]);
    await expect.poll(async () => (await countRows(page, ['blobs'])).blobs, { timeout: 30_000 }).toBe(2);
    await expect.poll(async () => (await countRows(page, ['responses'])).responses).toBe(1);
    const before = await countRowsIn(page, 'csms-workbook', STORES);

    await page.evaluate(() => (window.location.hash = '/settings'));
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as a bundle…' }).click();
    const saved = path.join(work, 'workbook.csmsx');
    await (await download).saveAs(saved);
    expect(readFileSync(saved).subarray(0, 2).toString()).toBe('PK');

    const b = await open('/assessment');
    await b.page.getByRole('heading', { name: 'Welcome to CSMS Workbook', level: 1 }).waitFor();
    await pickBundle(b.page, 'Restore from a bundle…', saved);
    await b.page.getByRole('button', { name: 'Replace this workbook with the bundle' }).click();
    await b.page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor({ timeout: 30_000 });
    await b.page.getByRole('link', { name: 'Jahresbewertung 2026 — 年度评估 — التقييم 🔒' }).waitFor();
    expect(await countRowsIn(b.page, 'csms-workbook', STORES)).toEqual(before);

    await b.page.evaluate(() => (window.location.hash = '/evidence'));
    await b.page.getByRole('heading', { name: 'Evidence', level: 1 }).waitFor();
    const integrity = await checkIntegrity(b.page);
    expect(integrity.intact, integrity.text).toBe(true);
    await b.page.getByText('Prüfbericht 审计.pdf').first().waitFor();
  }, 180_000);

  it('is the way back when the browser has lost the workbook: the recovery screen restores it', async () => {
    const profile = mkdtempSync(path.join(work, 'profile-'));
    const first = await open('/settings', profile);
    await ensureSetUp(first.page, 'Settings');
    await first.page.evaluate(() => (window.location.hash = '/assessment'));
    await first.page.getByRole('button', { name: 'New assessment' }).click();
    await first.page.getByLabel('Name').fill('Before the loss');
    await first.page.getByRole('button', { name: 'Create assessment' }).click();
    await first.page.locator('#requirement-title').waitFor();
    await first.page.evaluate(() => (window.location.hash = '/settings'));
    const download = first.page.waitForEvent('download');
    await first.page.getByRole('button', { name: 'Save as a bundle…' }).click();
    const saved = path.join(work, 'before-the-loss.csmsx');
    await (await download).saveAs(saved);
    const before = await countRowsIn(first.page, 'csms-workbook', STORES);
    await first.close();
    sessions.splice(sessions.indexOf(first), 1);
    // What a full disk or a crash can do: the browser's store for the app is gone.
    rmSync(path.join(profile, 'Default', 'IndexedDB'), { recursive: true, force: true });

    const second = await open('/assessment', profile);
    await second.page.getByRole('heading', { name: 'Your workbook is not what this computer last saved', level: 1 }).waitFor();
    await pickBundle(second.page, 'Restore from a bundle…', saved);
    await second.page.getByRole('button', { name: 'Replace this workbook with the bundle' }).click();
    await second.page.getByRole('link', { name: 'Before the loss' }).waitFor({ timeout: 30_000 });
    const after = await countRowsIn(second.page, 'csms-workbook', STORES);
    expect(after).toEqual(before);
  }, 180_000);

  it('refuses every crafted bundle with its own message and writes nothing', async () => {
    const app = await open('/settings');
    const { page } = app;
    await ensureSetUp(page, 'Settings');
    const before = await countRowsIn(page, 'csms-workbook', STORES);
    const fixtures = await hostileBundles();
    expect(fixtures.length).toBeGreaterThanOrEqual(15);
    const seen: string[] = [];
    for (const fixture of fixtures) {
      const file = path.join(work, `${fixture.name}.csmsx`);
      writeFileSync(file, fixture.bytes);
      const started = Date.now();
      await pickBundle(page, 'Open a bundle…', file);
      // The message names the file, so the one of the previous fixture is never mistaken for this one's.
      const escaped = fixture.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const result = page.getByTestId('bundle-result').filter({ hasText: new RegExp(`^${escaped}\\.csmsx `) });
      await result.waitFor({ timeout: 60_000 });
      const text = (await result.textContent()) ?? '';
      seen.push(`${fixture.name}: ${Date.now() - started} ms — ${text}`);
      expect(await result.getAttribute('data-ok'), `${fixture.name} (${fixture.what})`).toBe('no');
      expect(text, `${fixture.name} (${fixture.what})`).toMatch(fixture.expect);
      expect(text).toMatch(/Nothing was changed\.$/);
      expect(await countRowsIn(page, 'csms-workbook', STORES), fixture.name).toEqual(before);
    }
    console.log(`[hostile bundles in the app]\n  ${seen.join('\n  ')}`);
  }, 300_000);
});
