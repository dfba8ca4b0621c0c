/**
 * The full-disk wipe, reproduced: the profile on a 96 MB tmpfs, a workbook with an answer, the disk
 * filled to 64 KiB free, "Open the sample assessment" clicked, space freed, another change saved, the
 * browser restarted. Before the fix Chromium recreated the database empty at the restart (its store for
 * the origin was damaged by the failed write) and the app opened on first start. Now the write is
 * refused before it starts, and the workbook must be intact after the restart — or, should the store
 * still be lost, the recovery screen must open, never first start. Runs as root (mounts a tmpfs).
 */
import { execFileSync } from 'node:child_process';
import { fallocateSync } from './fill';
import { mkdtempSync, rmSync, statfsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp, newAssessment } from './workbook';

afterAll(stopServer);

const ROUNDS = 5;
const LEAVE_FREE = 64 * 1024;

function mountSmallDisk(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=96m', 'tmpfs', dir]);
  } catch (error) {
    throw new Error(`This test mounts a small tmpfs and must run as root: ${(error as Error).message}`);
  }
  return dir;
}

async function saveNarrative(app: AppSession, text: string): Promise<void> {
  const field = app.page.getByLabel('How it is implemented');
  await field.fill(text);
  await app.page.locator('.save-state.ok').first().waitFor({ timeout: 30_000 });
}

/** Saved and settled: no draft of the text is left waiting to be cleared, as after a person's pause. */
async function settled(app: AppSession): Promise<void> {
  await app.page.waitForFunction(
    () =>
      !Object.keys(localStorage).some((k) => k.startsWith('csms.draft.')) &&
      new Promise<boolean>((resolve) => {
        const open = indexedDB.open('csms-drafts');
        open.onerror = () => resolve(true);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains('drafts')) return resolve(true);
          const count = db.transaction('drafts').objectStore('drafts').count();
          count.onsuccess = () => resolve(count.result === 0);
          count.onerror = () => resolve(false);
        };
      }),
    undefined,
    { timeout: 30_000 },
  );
}

/** A new profile set up with one assessment, "Plant assessment", whose ORG 1.1 narrative is saved and settled. */
async function workbookWithAnswer(profileDir: string, narrative: string): Promise<AppSession> {
  const app = await launchApp({ hash: '/assessment', profileDir });
  await ensureSetUp(app.page, 'Assessments');
  await newAssessment(app.page, 'Plant assessment');
  await saveNarrative(app, narrative);
  await settled(app);
  return app;
}

/** After the restart: first start must never show over a saved workbook. */
async function afterRestart(app: AppSession): Promise<'intact' | 'recovery' | 'first start'> {
  const welcome = app.page.getByRole('heading', { name: 'Welcome to CSMS Workbook' });
  const recovery = app.page.getByRole('heading', { name: 'Your workbook is not what this computer last saved' });
  const list = app.page.getByRole('heading', { name: 'Assessments', level: 1 });
  await welcome.or(recovery).or(list).first().waitFor({ timeout: 30_000 });
  if (await welcome.isVisible()) return 'first start';
  return (await recovery.isVisible()) ? 'recovery' : 'intact';
}

describe('a full disk never costs the workbook', () => {
  it(`keeps the workbook through a full disk and a restart, ${ROUNDS} times out of ${ROUNDS}`, async () => {
    const outcomes: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const disk = mountSmallDisk();
      const profileDir = path.join(disk, 'profile');
      const filler = path.join(disk, 'filler');
      let app: AppSession | null = null;
      try {
        app = await workbookWithAnswer(profileDir, 'Written before the disk filled.');
        const { page } = app;
        const workspace = page.url();

        const free = statfsSync(disk);
        fallocateSync(filler, free.bavail * free.bsize - LEAVE_FREE);
        await page.evaluate(() => (window.location.hash = '/assessment'));
        await page.getByRole('button', { name: 'Open the sample assessment' }).click();
        const refusal = page.getByText(/The sample could not be opened/);
        await refusal.waitFor({ timeout: 60_000 });
        expect(await refusal.textContent(), `round ${round}`).toContain('The disk is full');

        rmSync(filler);
        await page.goto(workspace);
        await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
        await saveNarrative(app, 'Written before the disk filled, and after it was freed.');
        await app.close();
        app = null;

        app = await launchApp({ hash: '/assessment', profileDir });
        const outcome = await afterRestart(app);
        expect(outcome, `round ${round}: first start shown over a saved workbook`).not.toBe('first start');
        if (outcome === 'recovery') {
          outcomes.push('recovery screen');
        } else {
          await app.page.getByRole('link', { name: 'Plant assessment' }).click();
          await app.page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
          expect(await app.page.getByLabel('How it is implemented').inputValue()).toBe(
            'Written before the disk filled, and after it was freed.',
          );
          outcomes.push('intact');
        }
      } finally {
        await app?.close();
        execFileSync('umount', ['-l', disk]);
        rmSync(disk, { recursive: true, force: true });
      }
    }
    console.info(`full disk, then restart: ${outcomes.join(', ')}`);
    expect(outcomes).toEqual(Array(ROUNDS).fill('intact'));
  }, 600_000);

  it(`never opens on first start when the disk fills while a change is being saved (${ROUNDS} rounds)`, async () => {
    // The disk fills at the worst moment, as another program might fill it: the write may fail in the
    // storage and the browser may lose the database. Then the marker kept outside it must bring up the
    // recovery screen at the next start instead of an empty workbook.
    const outcomes: string[] = [];
    for (let round = 1; round <= ROUNDS; round += 1) {
      const disk = mountSmallDisk();
      const profileDir = path.join(disk, 'profile');
      const filler = path.join(disk, 'filler');
      let app: AppSession | null = null;
      try {
        app = await workbookWithAnswer(profileDir, 'Saved first.');
        const { page } = app;
        await page.getByLabel('How it is implemented').fill(`Being saved when the disk filled (round ${round}).`);
        const free = statfsSync(disk);
        fallocateSync(filler, free.bavail * free.bsize - LEAVE_FREE);
        await page.locator('.save-state.ok, .save-state.error-text').first().waitFor({ timeout: 30_000 });
        rmSync(filler);
        await app.close();
        app = null;

        app = await launchApp({ hash: '/assessment', profileDir });
        const outcome = await afterRestart(app);
        outcomes.push(outcome);
        expect(outcome, `round ${round}`).not.toBe('first start');
      } finally {
        await app?.close();
        execFileSync('umount', ['-l', disk]);
        rmSync(disk, { recursive: true, force: true });
      }
    }
    console.info(`disk filled during a save, then restart: ${outcomes.join(', ')}`);
  }, 600_000);
});
