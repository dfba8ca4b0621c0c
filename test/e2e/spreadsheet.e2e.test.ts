import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';
import * as excelModule from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

const ExcelJS = (excelModule as unknown as { default?: typeof excelModule }).default ?? excelModule;

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

async function openSampleExport(page: Page) {
  await ensureSetUp(page, 'Assessments');
  await page.getByRole('button', { name: 'Open the sample assessment' }).click();
  await page.getByTestId('requirement-page').waitFor();
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
}

/** Saves through a button, clicked or (by keyboard) focused and pressed with Enter. */
async function download(page: Page, button: string, by: 'mouse' | 'keyboard' = 'mouse'): Promise<{ name: string; bytes: Buffer }> {
  const target = page.getByRole('button', { name: button });
  const press = by === 'mouse' ? target.click() : target.focus().then(() => page.keyboard.press('Enter'));
  const [file] = await Promise.all([page.waitForEvent('download') as Promise<Download>, press]);
  return { name: file.suggestedFilename(), bytes: readFileSync((await file.path())!) };
}

describe('spreadsheet export', () => {
  it('saves the sample’s results as an xlsx workbook that reads back with its sheets, marking and cells', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    await openSampleExport(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    const file = await download(page, 'Save as spreadsheet (xlsx)');
    expect(file.name).toMatch(/_results\.xlsx$/);
    await page.getByText(/^Saved /).waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['About', 'Answers', 'Findings', 'Actions', 'Evidence register']);
    const about = workbook.getWorksheet('About')!;
    const marking = about.getRows(2, about.rowCount - 1)!.find((r) => r.getCell(1).value === 'Marking');
    expect(marking?.getCell(2).value).toBe('TLP:AMBER');
    for (const sheet of workbook.worksheets) expect(sheet.headerFooter.oddHeader).toContain('TLP:AMBER');
    const register = workbook.getWorksheet('Evidence register')!;
    expect(register.getRow(2).getCell(1).value).toBe('EV-0001');
    expect(typeof register.getRow(2).getCell(5).value).toBe('number');
    expect(workbook.getWorksheet('Answers')!.getRow(1).getCell(1).value).toBe('Requirement ID');
  });

  it('saves, from the keyboard, the same sheets as CSV files in one zip, each with a BOM and the marking first', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await openSampleExport(page);
    const file = await download(page, 'Save as CSV files (zip)', 'keyboard');
    expect(file.name).toMatch(/_results-csv\.zip$/);
    const entries = unzipSync(file.bytes);
    const names = Object.keys(entries);
    expect(names.map((n) => n.replace(/^.*_/, ''))).toEqual([
      'about.csv',
      'answers.csv',
      'findings.csv',
      'actions.csv',
      'evidence-register.csv',
    ]);
    const bytes = entries[names[4]!]!;
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const register = strFromU8(bytes.subarray(3));
    expect(register.startsWith('Marking: TLP:AMBER\r\nEvidence ID,Title,')).toBe(true);
    expect(register).toContain('\r\nEV-0001,');
  });
});

describe('cancelling a spreadsheet export', () => {
  it('stops when asked, says nothing was saved and saves nothing; the next export works', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await openSampleExport(page);
    const downloads: string[] = [];
    page.on('download', (d) => downloads.push(d.suggestedFilename()));
    // Slowed down, so that Cancel lands while the workbook is being collected (Cancel in the worker's part
    // goes through the same job helper, whose cancelling is unit-tested in workers/workerJob.test.ts).
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
    await page.getByRole('button', { name: 'Save as spreadsheet (xlsx)' }).click();
    await page.getByRole('status').filter({ hasText: 'Collecting the workbook…' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByText('Export cancelled. Nothing was saved.').waitFor();

    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    // Long enough for the cancelled job to have finished and offered its file, had it been left running.
    await page.waitForTimeout(3_000);
    expect(downloads).toEqual([]);

    const file = await download(page, 'Save as spreadsheet (xlsx)');
    expect(file.name).toMatch(/_results\.xlsx$/);
    expect(downloads).toEqual([file.name]);
  }, 120_000);
});
