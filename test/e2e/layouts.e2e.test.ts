/**
 * Layouts on laptop screens: every screen and the main dialogs, with the sample open, fit 1024×700 without
 * sideways scrolling; charts stay inside their cards; a dialog's primary button is always in view; the
 * sidebar collapses and remembers it. Screenshots of each at three sizes go to artifacts/layouts/.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it, onTestFinished } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

const SMALL = { width: 1024, height: 700 };
const SIZES = [SMALL, { width: 1280, height: 800 }, { width: 1920, height: 1080 }];
const SHOTS = path.resolve(import.meta.dirname, 'artifacts/layouts');

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

/** Two animation frames: enough for a resize to be laid out and for charts to follow their cards. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
}

/**
 * What sticks out to the right at this size: the page's own sideways scroll, the main area's, and every visible
 * element whose box (cut by the boxes of ancestors that clip it) reaches past the window's right edge.
 */
function overflowAt(page: Page) {
  return page.evaluate(() => {
    const width = window.innerWidth;
    const problems: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > width) problems.push(`the page is ${root.scrollWidth} px wide`);
    // The frame fills the window and only its main area scrolls: a page that scrolls as a whole moves the
    // sidebar and status bar away (and takes a scrollbar's width from every screen).
    if (root.scrollHeight > window.innerHeight) problems.push(`the page is ${root.scrollHeight} px tall`);
    const main = document.getElementById('main');
    if (main && main.scrollWidth > main.clientWidth + 1)
      problems.push(`the main area scrolls sideways (${main.scrollWidth} > ${main.clientWidth})`);
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : ''}`;
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      const style = getComputedStyle(el);
      if (style.visibility === 'hidden' || style.display === 'contents') continue;
      let right = box.right;
      let left = box.left;
      for (let up = el.parentElement; up; up = up.parentElement) {
        const s = getComputedStyle(up);
        if (s.overflowX !== 'visible' || s.clipPath !== 'none' || s.clip !== 'auto') {
          const clip = up.getBoundingClientRect();
          right = Math.min(right, clip.right);
          left = Math.max(left, clip.left);
        }
      }
      if (right > left && right > width + 0.5) problems.push(`${describe(el)} reaches ${Math.round(right)} px`);
    }
    return problems.slice(0, 10);
  });
}

/** Panels inside the main area that scroll sideways on their own (reported, so a wide table is seen). */
function innerScrollers(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('#main *')]
      .filter((el) => {
        const s = getComputedStyle(el);
        return (s.overflowX === 'auto' || s.overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}.${String(el.className)} ${el.scrollWidth}>${el.clientWidth}`),
  );
}

/** Checks the screen at 1024×700, then photographs it at every size, ending back at 1024×700. */
async function checkScreen(page: Page, name: string, found: Record<string, string[]>): Promise<void> {
  for (const size of [...SIZES.slice(1), SMALL]) {
    await page.setViewportSize(size);
    await settle(page);
    await page.screenshot({ path: path.join(SHOTS, `${name}-${size.width}x${size.height}.png`) });
  }
  expect({ name, problems: await overflowAt(page) }).toEqual({ name, problems: [] });
  const scrollers = await innerScrollers(page);
  if (scrollers.length > 0) found[name] = scrollers;
}

async function goTo(page: Page, hash: string, heading: string | RegExp): Promise<void> {
  await page.evaluate((h) => (window.location.hash = h), hash);
  await page.getByRole('heading', { level: 1, name: heading, exact: typeof heading === 'string' }).waitFor();
}

/** Whether the profile's localStorage files on disk hold the key (written by Chromium some seconds after a change). */
function storedOnDisk(profileDir: string, key: string): boolean {
  const folder = path.join(profileDir, 'Default', 'Local Storage', 'leveldb');
  if (!existsSync(folder)) return false;
  return readdirSync(folder).some((file) => readFileSync(path.join(folder, file)).includes(key));
}

/** Each chart drawn inside its card, as wide as the card allows. */
function chartsInCards(page: Page) {
  return page.evaluate(() =>
    [...document.querySelectorAll('.chart-panel')].map((panel) => {
      const card = panel.getBoundingClientRect();
      const chart = panel.querySelector('.chart .recharts-wrapper > svg')?.getBoundingClientRect();
      return {
        title: panel.querySelector('h2')?.textContent ?? '',
        inside: !!chart && chart.left >= card.left - 0.5 && chart.right <= card.right + 0.5,
        // The chart fills most of the card's inner width (it follows the card rather than a fixed size).
        fills: !!chart && chart.width >= (card.width - 48) * 0.9,
        widths: `${Math.round(chart?.width ?? 0)} in ${Math.round(card.width)}`,
      };
    }),
  );
}

describe('layouts from 1024×700 to 1920×1080', () => {
  it('first start ends on the choice between a new assessment and the sample, as buttons', async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await launchApp();
    const { page } = app;
    await page.setViewportSize(SMALL);
    await page.getByRole('heading', { level: 1, name: 'Welcome to CSMS Workbook' }).waitFor();
    const found: Record<string, string[]> = {};
    await checkScreen(page, 'first-start', found);
    await ensureSetUp(page, 'Dashboard');
    const start = page.getByRole('region', { name: 'Get started' });
    await start.waitFor();
    await start.getByRole('button', { name: 'New assessment' }).waitFor();
    await start.getByRole('button', { name: 'Open the sample assessment' }).waitFor();
    // No link that looks like browser default text inside the choice.
    expect(await start.getByRole('link').count()).toBe(0);
    await checkScreen(page, 'dashboard-empty', found);

    // The first choice leads straight to a new assessment.
    await start.getByRole('button', { name: 'New assessment' }).click();
    await page.getByRole('dialog', { name: 'New assessment' }).waitFor();
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
    expect(page.url()).toMatch(/#\/assessment\/[^/]+/);
  });

  it('fits every screen and the main dialogs at 1024×700, with charts inside their cards', async () => {
    mkdirSync(SHOTS, { recursive: true });
    app = await launchApp();
    const { page } = app;
    await ensureSetUp(page, 'Dashboard');
    await page.setViewportSize(SMALL);
    // The sweep runs with the sidebar expanded: the widest the navigation gets.
    await page.getByRole('region', { name: 'Get started' }).getByRole('button', { name: 'Open the sample assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();
    const toggle = page.getByRole('button', { name: 'Collapse the sidebar' }).or(page.getByRole('button', { name: 'Expand the sidebar' }));
    if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
    expect(await toggle.getAttribute('aria-expanded')).toBe('true');

    const found: Record<string, string[]> = {};
    const requirementUrl = new URL(page.url()).hash.slice(1);
    const assessmentRoute = requirementUrl.split('/').slice(0, 3).join('/');
    await checkScreen(page, 'requirement', found);

    await goTo(page, '/dashboard', 'Dashboard');
    await page.getByRole('heading', { name: 'Program elements: achieved against target' }).waitFor();
    await checkScreen(page, 'dashboard', found);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await settle(page);
      await page
        .getByRole('region', { name: 'Elements', exact: true })
        .screenshot({ path: path.join(SHOTS, `dashboard-elements-chart-${size.width}x${size.height}.png`) });
      const charts = await chartsInCards(page);
      expect(charts.length).toBeGreaterThanOrEqual(2);
      expect({ size, charts }).toEqual({
        size,
        charts: charts.map((c) => ({ ...c, inside: true, fills: true, widths: expect.any(String) })),
      });
    }
    await page.setViewportSize(SMALL);

    const screens: [string, string, string | RegExp][] = [
      ['assessments', '/assessment', 'Assessments'],
      ['workspace', assessmentRoute, /^ORG 1\.1 /],
      ['evidence', '/evidence', 'Evidence'],
      ['remediation', '/remediation', 'Remediation plan'],
      ['compare', '/compare', 'Compare assessments'],
      ['portfolio', '/portfolio', 'Portfolio'],
      ['change-log', '/log', 'Change log'],
      ['export', '/export', 'Export'],
      ['settings', '/settings', 'Settings'],
    ];
    for (const [name, hash, heading] of screens) {
      await goTo(page, hash, heading);
      await page.waitForLoadState('networkidle');
      await checkScreen(page, name, found);
    }

    // The add-evidence dialog, from the evidence library.
    await goTo(page, '/evidence', 'Evidence');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('dialog', { name: 'Add a note' }).waitFor();
    await checkScreen(page, 'dialog-add-note', found);
    await page.keyboard.press('Escape');

    // The new-assessment dialog: Create is in view without scrolling, scope boxes beside their labels.
    await goTo(page, '/assessment', 'Assessments');
    await page.getByRole('button', { name: 'New assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await dialog.waitFor();
    await checkScreen(page, 'dialog-new-assessment', found);
    // 1024×600 as well: there the form is taller than the dialog may be, so its body scrolls under the footer.
    for (const size of [{ width: 1280, height: 800 }, SMALL, { width: 1024, height: 600 }]) {
      await page.setViewportSize(size);
      await settle(page);
      if (size.height === 600) {
        const scrolls = await dialog.evaluate((d) => d.scrollHeight > d.clientHeight);
        expect(scrolls).toBe(true);
      }
      const create = await dialog.getByRole('button', { name: 'Create assessment' }).boundingBox();
      expect(create).not.toBeNull();
      expect(create!.y).toBeGreaterThanOrEqual(0);
      expect(create!.y + create!.height).toBeLessThanOrEqual(size.height);
      const beside = await dialog.locator('fieldset label').evaluateAll((labels) =>
        labels.map((label) => {
          const box = label.querySelector('input')!.getBoundingClientRect();
          const text = [...label.childNodes].find((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')!;
          const range = document.createRange();
          range.selectNodeContents(text);
          const first = range.getClientRects()[0]!;
          // Beside: the text's first line starts right of the box and overlaps it vertically.
          return first.left >= box.right && first.top < box.bottom && first.bottom > box.top;
        }),
      );
      expect(beside.length).toBeGreaterThan(3);
      expect(beside.every(Boolean)).toBe(true);
    }
    await page.keyboard.press('Escape');

    // Nor does any panel scroll sideways inside a screen (a table whose last columns hide behind a scroll).
    expect(found).toEqual({});
  });

  it('collapses the sidebar to icons, keeps the names, remembers it across a restart, and passes axe both ways', async () => {
    // A profile of its own, so that it outlives the first run of the app.
    const profileDir = mkdtempSync(path.join(tmpdir(), 'csms-layouts-'));
    onTestFinished(() => rmSync(profileDir, { recursive: true, force: true }));
    app = await launchApp({ profileDir, hash: '/assessment' });
    let page = app.page;
    await ensureSetUp(page, 'Assessments');
    const nav = page.getByRole('navigation', { name: 'Main' });
    const collapse = page.getByRole('button', { name: 'Collapse the sidebar' });
    expect(await collapse.getAttribute('aria-expanded')).toBe('true');
    expect(await seriousViolations(page)).toEqual([]);
    const wide = (await nav.boundingBox())!.width;

    // From the keyboard: focus the toggle and press Enter.
    await collapse.focus();
    await page.keyboard.press('Enter');
    const expand = page.getByRole('button', { name: 'Expand the sidebar' });
    expect(await expand.getAttribute('aria-expanded')).toBe('false');
    await expect.poll(async () => (await nav.boundingBox())!.width).toBeLessThan(80);
    expect(wide).toBeGreaterThan(150);
    // Icons only, yet each link keeps its name and a tooltip.
    const evidence = nav.getByRole('link', { name: 'Evidence', exact: true });
    expect(await evidence.getAttribute('title')).toBe('Evidence');
    // The name is kept for screen readers in a 1 px box, out of sight.
    expect((await nav.getByText('Evidence', { exact: true }).boundingBox())!.width).toBeLessThanOrEqual(1);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'sidebar-collapsed.png') });
    await evidence.click();
    await page.getByRole('heading', { level: 1, name: 'Evidence', exact: true }).waitFor();

    // A reload keeps it collapsed, and so does quitting the browser the ordinary way and starting again.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Evidence', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: 'Expand the sidebar' }).getAttribute('aria-expanded')).toBe('false');
    // Chromium writes localStorage to disk a few seconds after the change: wait until the profile holds it.
    await expect.poll(() => storedOnDisk(profileDir, 'csms.ui.sidebar'), { timeout: 20_000, interval: 500 }).toBe(true);
    await app.close();
    app = await launchApp({ profileDir, hash: '/settings' });
    page = app.page;
    await page.getByRole('heading', { level: 1, name: 'Settings', exact: true }).waitFor();
    const again = page.getByRole('button', { name: 'Expand the sidebar' });
    expect(await again.getAttribute('aria-expanded')).toBe('false');
    await again.click();
    expect(await page.getByRole('button', { name: 'Collapse the sidebar' }).getAttribute('aria-expanded')).toBe('true');
    expect(
      (await page.getByRole('navigation', { name: 'Main' }).getByText('Evidence', { exact: true }).boundingBox())!.width,
    ).toBeGreaterThan(20);
  });
});
