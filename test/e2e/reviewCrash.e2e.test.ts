/**
 * All-or-nothing under a crash for opening a review copy: the browser is SIGKILLed at moments spread over
 * *Open for review* (the copy's write, then the reviewer's review), relaunched on the same profile, and
 * IndexedDB read directly. The reviewer's own workbook is never touched, and the app either opens a whole
 * review copy or none (a copy left half-made is deleted at start), never one without its review.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { stopServer, type AppSession } from './harness';
import { MAIN_DB, TxWatch, clickThenKill, killAllSessions, killDelays, launchOn, relaunch, report, timeAction } from './bulkCrashKit';
import { countRowsIn } from './workbook';

const REVIEW_DB = 'csms-workbook-review';
const root = path.resolve(import.meta.dirname, '../..');
const work = mkdtempSync(path.join(tmpdir(), 'csms-reviewcrash-'));
const profiles: string[] = [];
const newProfile = () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'csms-reviewcrash-profile-'));
  profiles.push(dir);
  return dir;
};
let live: AppSession | null = null;
afterAll(async () => {
  await killAllSessions();
  for (const dir of [...profiles, work]) rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
  await stopServer();
});

const banner = (p: Page) => p.getByTestId('review-banner');

async function pickAndFill(page: Page, bundle: string): Promise<void> {
  await page.getByRole('heading', { name: 'Welcome to CSMS Workbook', level: 1 }).waitFor();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Review a bundle…' }).click();
  await (await chooser).setFiles(bundle);
  await page.getByLabel('Reviewer’s name').fill('Ines Prüfer');
}

/** 'none': no review copy; 'all': the copy with every record of the bundle and the reviewer's review. */
async function reviewState(page: Page, whole: Record<string, number>): Promise<{ outcome: string; counts: unknown }> {
  const counts = await countRowsIn(page, REVIEW_DB, Object.keys(whole));
  if (!counts) return { outcome: 'none', counts: 'no database' };
  if (Object.values(counts).every((n) => n === 0)) return { outcome: 'none', counts };
  const all = Object.entries(whole).every(([store, n]) => counts[store] === n);
  return { outcome: all ? 'all' : 'PARTIAL', counts };
}

describe('a crash while a review copy is opened', () => {
  it('leaves the reviewer’s own workbook untouched and a review copy whole or absent', async () => {
    const bundle = path.join(work, 'sample.csmsx');
    execFileSync(process.execPath, [path.join(root, 'node_modules/tsx/dist/cli.mjs'), 'src/cli/index.ts', 'demo', '--out', bundle], {
      cwd: root,
    });

    // Uninterrupted once: how long it takes, and what a whole copy holds.
    const profileDir = newProfile();
    live = await launchOn(profileDir, '/assessment');
    let watch = await TxWatch.on(live.page);
    await pickAndFill(live.page, bundle);
    const openButton = (p: Page) => p.getByRole('button', { name: 'Open for review' });
    const measured = await timeAction(
      watch,
      () => openButton(live!.page).click(),
      () => banner(live!.page).isVisible(),
    );
    const stores = ['organization', 'assessments', 'responses', 'evidence', 'links', 'actions', 'blobs', 'reviews'];
    const whole = (await countRowsIn(live.page, REVIEW_DB, stores))!;
    expect(whole).toMatchObject({ assessments: 1, reviews: 1 });
    expect(whole.blobs).toBeGreaterThan(0);
    const close = async (p: Page) => {
      await banner(p).getByRole('button', { name: 'Close review copy…' }).click();
      await banner(p).getByRole('button', { name: 'Close and delete the copy' }).click();
      await p.getByRole('heading', { name: 'Welcome to CSMS Workbook', level: 1 }).waitFor();
      await expect.poll(() => countRowsIn(p, REVIEW_DB), { timeout: 30_000 }).toBeNull();
    };
    await close(live.page);
    const mainBefore = await countRowsIn(live.page, MAIN_DB);

    const rounds: { delay: number; outcome: string; phase: string; detail?: string }[] = [];
    for (const [round, delay] of killDelays(measured).entries()) {
      const name = `round ${round + 1}, kill after ${delay} ms`;
      await pickAndFill(live.page, bundle);
      const phase = await clickThenKill(live, watch, () => openButton(live!.page).click(), delay);
      const { app } = await relaunch(profileDir, '/assessment', 'Assessments');
      live = app;
      watch = await TxWatch.on(app.page);
      const p = app.page;
      const shows = await banner(p).isVisible();
      const state = await reviewState(p, whole);
      rounds.push({
        delay,
        outcome: state.outcome,
        phase,
        detail: `${shows ? 'opens the copy' : 'first start'}; ${JSON.stringify(state.counts)}`,
      });
      expect(state.outcome, `${name}: ${JSON.stringify(state.counts)}`).not.toBe('PARTIAL');
      expect(shows, `${name}: the copy is shown exactly when it is whole`).toBe(state.outcome === 'all');
      expect(await countRowsIn(p, MAIN_DB), `${name}: the reviewer's own workbook`).toEqual(mainBefore);
      if (shows) await close(p);
    }
    await live.close();
    live = null;
    report('open a review copy', rounds, measured);
    expect(rounds.map((r) => r.outcome)).toContain('none');
  }, 400_000);
});
