import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

let app: AppSession | null = null;
afterEach(async () => {
  await app?.close();
  app = null;
});
afterAll(stopServer);

describe('settings', () => {
  it('adds a person to work as, and imports licensed text with a report of unknown IDs', async () => {
    app = await launchApp({ hash: '/settings' });
    const { page } = app;
    await ensureSetUp(page, 'Settings');

    await page.getByLabel('Name of the new person').fill('Sam Reyes');
    await page.getByLabel('Role of the new person').fill('Lead auditor');
    await page.getByRole('button', { name: 'Add person' }).click();
    await page.getByRole('table', { name: 'People' }).getByRole('textbox', { name: 'Name of Sam Reyes' }).waitFor();
    await page.getByLabel('Working as').selectOption({ label: 'Sam Reyes' });
    await expect
      .poll(() => page.getByLabel('Working as').evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent))
      .toBe('Sam Reyes');

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Import CSV or JSON…' }).click();
    const csv =
      'id,text,title\nNET 1.1,"Licensed wording for segmentation, as bought.",Official NET 1.1 title\nNET 9.9,Not in the catalogue,\n';
    await (await chooser).setFiles({ name: 'licensed.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const dialog = page.getByRole('dialog');
    await dialog.getByText('NET 9.9').waitFor();
    await dialog.getByRole('button', { name: /^Import 1 / }).click();
    await page.getByText(/Imported 1 .* from licensed\.csv/).waitFor();

    // The official text shows beside the project's own guidance.
    await page.getByRole('link', { name: 'Assessment', exact: true }).click();
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await page.locator('a[data-requirement-id="NET 1.1"]').click();
    await page.getByText('Licensed wording for segmentation, as bought.').waitFor();
    expect(await page.getByText('Official NET 1.1 title').count()).toBe(1);
  });
});
