import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { bytesOf, checkIntegrity, countRows, ensureSetUp } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('evidence storage in a real browser', () => {
  it('keeps an attached 50 MiB file across a reload, re-hashing to the same SHA-256', async () => {
    app = await launchApp({ hash: '/evidence' });
    const { page } = app;
    await ensureSetUp(page, 'Evidence');
    const data = bytesOf(50 * 1024 * 1024, 7);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'csms-big-')), 'historian-export.bin');
    writeFileSync(file, data);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Add files' }).click();
    await (await chooser).setFiles(file);
    await page.getByText('Saved EV-0001.').waitFor({ timeout: 120_000 });
    await page.reload();
    const row = page.locator('tr[data-evidence-id="EV-0001"]');
    await row.waitFor();
    expect(await row.locator('code').getAttribute('title')).toBe(sha256(data));
    expect(await row.textContent()).toContain('50.0 MiB');
    const integrity = await checkIntegrity(page);
    expect(integrity.intact).toBe(true);
    expect(integrity.text).toContain('1 files re-hashed (50.0 MiB): all match.');
  });

  it('says the disk is full when a file does not fit, and writes nothing at all', async () => {
    // A real full disk: the profile lives on a 32 MiB tmpfs. (Chromium's CDP quota override is reported
    // by Storage.getUsageAndQuota but not applied to IndexedDB buckets, so it cannot stand in for this.)
    const profileDir = mkdtempSync(path.join(tmpdir(), 'csms-full-'));
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=32m', 'tmpfs', profileDir]);
    } catch (error) {
      throw new Error(`This test mounts a small tmpfs and must run as root: ${(error as Error).message}`);
    }
    try {
      app = await launchApp({ hash: '/evidence', profileDir });
      const { page } = app;
      await ensureSetUp(page, 'Evidence');
      // The change log also records settings made at first start, so compare the evidence stores only.
      const stores = ['evidence', 'blobs', 'links'];
      const before = await countRows(page, stores);
      const file = path.join(mkdtempSync(path.join(tmpdir(), 'csms-video-')), 'plant-video.mp4');
      writeFileSync(file, bytesOf(40 * 1024 * 1024, 3));
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Add files' }).click();
      await (await chooser).setFiles(file);
      await page
        .getByRole('alert')
        .getByText('The disk is full: your last change was not saved.')
        .waitFor({ timeout: 60_000 })
        .catch(async (error: Error) => {
          throw new Error(`${error.message}\nThe window showed: ${(await page.locator('body').innerText()).slice(0, 1500)}`);
        });
      expect(await countRows(page, stores)).toEqual(before);
      expect(await page.getByText('No evidence matches').count()).toBe(1);
      await app.close();
      app = null;
    } finally {
      execFileSync('umount', ['-l', profileDir]);
    }
  }, 150_000);
});
