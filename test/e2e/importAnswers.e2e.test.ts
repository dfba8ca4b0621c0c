import { readFileSync } from 'node:fs';
import { unzipSync } from 'fflate';
import * as excelModule from 'exceljs';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { launchApp, stopServer, type AppSession } from './harness';
import { countRowsIn, ensureSetUp } from './workbook';

const ExcelJS = (excelModule as unknown as { default?: typeof excelModule }).default ?? excelModule;

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

// The sample opens in a database of its own.
const SAMPLE_DB = 'csms-workbook-sample';
const countSample = async (page: Page) => (await countRowsIn(page, SAMPLE_DB, ['responses', 'audit']))!;

async function openSample(page: Page): Promise<string> {
  await ensureSetUp(page, 'Assessments');
  await page.getByRole('button', { name: 'Open the sample assessment' }).click();
  await page.getByTestId('requirement-page').waitFor();
  return /#\/assessment\/([^/]+)/.exec(page.url())![1]!;
}

async function exportedWorkbook(page: Page): Promise<Buffer> {
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.getByRole('button', { name: 'Save as spreadsheet (xlsx)' }).click(),
  ]);
  return readFileSync((await file.path())!);
}

async function exportedAnswersCsv(page: Page): Promise<{ name: string; buffer: Buffer }> {
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
  const [file] = await Promise.all([
    page.waitForEvent('download') as Promise<Download>,
    page.getByRole('button', { name: 'Save as CSV files (zip)' }).click(),
  ]);
  const entries = unzipSync(readFileSync((await file.path())!));
  const name = Object.keys(entries).find((n) => n.endsWith('_answers.csv'))!;
  return { name, buffer: Buffer.from(entries[name]!) };
}

async function chooseInImport(page: Page, assessmentId: string, name: string, buffer: Buffer) {
  await page.goto(page.url().replace(/#.*$/, `#/assessment/${assessmentId}`));
  await page.getByRole('button', { name: 'Import answers from a spreadsheet…' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose a file…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/octet-stream', buffer });
}

describe('importing answers from a spreadsheet', () => {
  it('brings back three edited cells of the exported Answers sheet, previewed before and after, then saved', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await page.setViewportSize({ width: 1024, height: 700 });
    const assessmentId = await openSample(page);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exportedWorkbook(page)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Answers')!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const column = (name: string) => header.indexOf(name);
    // The first three answered requirements that apply: answers already stored, so each edit is a change.
    const rows = [];
    for (let r = 2; r <= sheet.rowCount && rows.length < 3; r++) {
      const row = sheet.getRow(r);
      if (row.getCell(column('Applicable')).value === 'Yes' && row.getCell(column('Narrative')).value) rows.push(row);
    }
    const ids = rows.map((row) => String(row.getCell(column('Requirement ID')).value));
    const oldTarget = String(rows[2]!.getCell(column('Target')).value);
    const newTarget = oldTarget === 'ML4' ? 'ML3' : 'ML4';
    rows[0]!.getCell(column('Narrative')).value = 'Narrative brought in from the sheet.';
    rows[1]!.getCell(column('Gaps')).value = 'Gaps brought in from the sheet.';
    rows[2]!.getCell(column('Target')).value = newTarget;
    const edited = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);

    await chooseInImport(page, assessmentId, 'answers-edited.xlsx', edited);
    const dialog = page.getByRole('dialog', { name: 'Import answers from a spreadsheet' });
    await dialog.getByRole('button', { name: 'Changed 3' }).waitFor();
    await expect(dialog.getByRole('button', { name: 'New 0' }).isVisible()).resolves.toBe(true);
    await expect(dialog.getByRole('button', { name: 'Rejected 0' }).isVisible()).resolves.toBe(true);
    await dialog.getByRole('button', { name: 'Changed 3' }).click();
    const table = dialog.getByRole('region', { name: 'Rows of the file' });
    await expect(table.getByRole('row').count()).resolves.toBe(4);
    await expect(table.getByText('Narrative brought in from the sheet.').isVisible()).resolves.toBe(true);
    await expect(table.getByText(`Target: ${oldTarget} → ${newTarget}`).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    const before = await countSample(page);
    await dialog.getByRole('button', { name: 'Apply 3 changes' }).click();
    await page.getByText('Imported 3 answers from answers-edited.xlsx.').waitFor();
    expect((await countSample(page)).audit).toBe(before.audit! + 3);

    const visit = async (id: string) => {
      await page.goto(page.url().replace(/#.*$/, `#/assessment/${assessmentId}/${encodeURIComponent(id)}`));
      await page.getByTestId('requirement-page').getByText(id).first().waitFor();
    };
    await visit(ids[0]!);
    await expect(page.getByLabel('How it is implemented').inputValue()).resolves.toBe('Narrative brought in from the sheet.');
    await visit(ids[1]!);
    await expect(page.getByLabel('Gaps', { exact: true }).inputValue()).resolves.toBe('Gaps brought in from the sheet.');
    await visit(ids[2]!);
    await expect(page.getByLabel('Target level').inputValue()).resolves.toBe(newTarget.slice(2));
  });

  it('reads the exported answers CSV back as it was: every row unchanged, nothing to apply', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    const assessmentId = await openSample(page);
    const csv = await exportedAnswersCsv(page);
    expect(csv.buffer.toString('utf8')).toMatch(/^\uFEFFMarking: TLP:AMBER\r\nRequirement ID,/);
    await chooseInImport(page, assessmentId, csv.name, csv.buffer);
    const dialog = page.getByRole('dialog', { name: 'Import answers from a spreadsheet' });
    await dialog.getByRole('button', { name: 'Unchanged 87' }).waitFor();
    for (const kind of ['New 0', 'Changed 0', 'Rejected 0'])
      await expect(dialog.getByRole('button', { name: kind }).isVisible()).resolves.toBe(true);
    await expect(dialog.getByRole('button', { name: 'Apply 0 changes' }).isDisabled()).resolves.toBe(true);
  });

  it('refuses a hostile sheet (a formula, a __proto__ header) with a plain sentence and writes nothing', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    const assessmentId = await openSample(page);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Answers');
    sheet.addRow(['Requirement ID', '__proto__', 'Narrative']);
    const row = sheet.addRow(['ORG 1.1', '{"polluted":true}']);
    row.getCell(3).value = { formula: 'HYPERLINK("http://example.invalid","x")', result: 'Cached text never used' };
    const hostile = Buffer.from((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    const before = await countSample(page);
    expect(before.responses).toBeGreaterThan(0);

    await chooseInImport(page, assessmentId, 'hostile.xlsx', hostile);
    const alert = page.getByRole('dialog').getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toBe(
      'hostile.xlsx was not imported. A column is headed "__proto__", which is never a column of answers.',
    );
    await expect(page.getByRole('button', { name: /^Apply/ }).count()).resolves.toBe(0);
    expect(await countSample(page)).toEqual(before);
    expect(await page.evaluate(() => (({}) as Record<string, unknown>).polluted)).toBeUndefined();
  });
});
