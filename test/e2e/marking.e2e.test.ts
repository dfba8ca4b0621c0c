/**
 * The marking as a user meets it: asked for at first start (no silent default), chosen at export, refused
 * when nothing visible is written, and raised by evidence marked higher, with the same notice before the
 * export and on the documents' cover.
 */
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

async function downloads(page: Page, count: number, start: () => Promise<void>): Promise<Download[]> {
  const seen: Download[] = [];
  const all = new Promise<void>((resolve) => {
    const onDownload = (d: Download) => {
      seen.push(d);
      if (seen.length === count) {
        page.off('download', onDownload);
        resolve();
      }
    };
    page.on('download', onDownload);
  });
  await start();
  await all;
  return seen;
}

const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
// Neither the page nor the main area scrolls sideways.
const noSidewaysScroll = (page: Page) =>
  page.evaluate(() => [document.documentElement, document.getElementById('main')!].every((el) => el.scrollWidth <= el.clientWidth));

describe('the classification marking', () => {
  it('is asked for at first start, chosen at export, refused when invisible, and raised by evidence with a notice', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });

    // First start: nothing is chosen for the user, and Continue says so.
    await page.getByRole('heading', { name: 'Welcome to CSMS Workbook', level: 1 }).waitFor();
    const choices = page.getByRole('group', { name: 'Classification marking' }).getByRole('radio');
    expect(await choices.count()).toBe(6);
    for (const radio of await choices.all()) expect(await radio.isChecked()).toBe(false);
    await page.getByLabel('Organization').fill('North Valley Water Authority');
    await page.getByLabel('Site').fill('Riverside treatment plant');
    await page.getByLabel('Your name').fill('Dana Okafor');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page
      .getByRole('alert')
      .getByText(/Choose the classification marking/)
      .waitFor();
    expect(await noSidewaysScroll(page)).toBe(true);
    await page.getByRole('radio', { name: /^TLP:GREEN:/ }).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor();
    await page.getByText('TLP:GREEN', { exact: true }).first().waitFor();

    // The sample opens in a workbook of its own, marked TLP:AMBER, its evidence too.
    await page.getByRole('button', { name: 'Open the sample assessment' }).click();
    await page.getByTestId('requirement-page').waitFor();
    await page.getByRole('link', { name: 'Export', exact: true }).click();
    await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
    const field = page.getByLabel('Classification marking');
    const exportButton = page.getByRole('button', { name: 'Export documents' });
    expect(await field.inputValue()).toBe('TLP:AMBER');
    expect(await page.getByRole('status', { name: 'Marking notice' }).count()).toBe(0);

    // A zero-width space is not a marking: refused in plain words, nothing can be exported.
    await field.fill('\u200B');
    await page
      .getByRole('alert')
      .getByText(/The marking has nothing visible in it/)
      .waitFor();
    expect(await exportButton.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Export evidence package (zip)' }).isDisabled()).toBe(true);

    // A lower marking than the evidence's is raised, and the screen says so before anything is built.
    await field.fill('TLP:GREEN');
    const notice = page.getByRole('status', { name: 'Marking notice' });
    await notice.getByText(/^The marking was raised from TLP:GREEN to TLP:AMBER because evidence items EV-0001, /).waitFor();
    const said = (await notice.textContent())!;
    expect(await exportButton.isEnabled()).toBe(true);
    expect(await noSidewaysScroll(page)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    // The documents carry the raised marking on every page and the same notice on the cover.
    const files = await downloads(page, 4, () => exportButton.click());
    for (const file of files) {
      const parts = unzipSync(readFileSync((await file.path())!));
      const headers = Object.keys(parts).filter((n) => /^word\/header\d+\.xml$/.test(n));
      const printed = headers.map((n) => textOf(strFromU8(parts[n]!))).filter(Boolean);
      expect(printed.length).toBeGreaterThan(0);
      for (const text of printed) {
        expect(text).toContain('TLP:AMBER');
        expect(text).not.toContain('TLP:GREEN');
      }
      expect(textOf(strFromU8(parts['word/document.xml']!))).toContain(said);
    }
  });
});
