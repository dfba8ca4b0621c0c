/** Helpers for driving the workbook in end-to-end tests. */
import type { Page } from 'playwright-core';

export interface FilePayload {
  name: string;
  mimeType: string;
  buffer: Buffer;
}

/** Answers the first-start form when it shows (a fresh profile), then waits for the screen named. */
export async function ensureSetUp(page: Page, screenHeading: string): Promise<void> {
  const welcome = page.getByRole('heading', { name: 'Welcome to CSMS Workbook' });
  const screen = page.getByRole('heading', { name: screenHeading, level: 1 });
  await welcome.or(screen).first().waitFor();
  if (await welcome.isVisible()) {
    await page.getByLabel('Organization').fill('North Valley Water Authority');
    await page.getByRole('radio', { name: /^TLP:AMBER:/ }).check();
    await page.getByLabel('Site').fill('Riverside treatment plant');
    await page.getByLabel('Your name').fill('Dana Okafor');
    await page.getByLabel('Your role').fill('OT security lead');
    await page.getByRole('button', { name: 'Continue' }).click();
  }
  await screen.waitFor();
}

/**
 * From the Assessments screen: a new assessment with the name given and the dialog's defaults, opened on
 * its first requirement (ORG 1.1). Returns its ID, read from the address.
 */
export async function newAssessment(page: Page, name: string): Promise<string> {
  await page.getByRole('button', { name: 'New assessment' }).click();
  await page.getByLabel('Name').fill(name);
  await page.getByRole('button', { name: 'Create assessment' }).click();
  await page.getByRole('heading', { level: 1, name: /^ORG 1\.1 / }).waitFor();
  return decodeURIComponent(new URL(page.url()).hash.split('/')[2] ?? '');
}

/** Clicks "Add files" and answers the file chooser, as a user picking files would. */
export async function attachFiles(page: Page, files: FilePayload[]): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Add files' }).click();
  await (await chooser).setFiles(files);
}

/** Counts rows straight from IndexedDB, without the app, to see what really reached the disk. */
export async function countRows(page: Page, stores: string[] = ['evidence', 'blobs', 'links', 'audit']): Promise<Record<string, number>> {
  const counts = await countRowsIn(page, 'csms-workbook', stores);
  if (!counts) throw new Error('There is no workbook database in this profile.');
  return counts;
}

/** Runs the app's integrity check and returns what it reports. */
export async function checkIntegrity(page: Page): Promise<{ intact: boolean; text: string }> {
  await page.getByRole('button', { name: 'Check integrity' }).click();
  const result = page.getByTestId('integrity-result');
  await result.waitFor({ timeout: 120_000 });
  return { intact: (await result.getAttribute('data-intact')) === 'yes', text: (await result.textContent()) ?? '' };
}

/** Deterministic pseudo-random bytes, so the same test makes the same files. */
export function bytesOf(size: number, seed: number): Buffer {
  const buffer = Buffer.alloc(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    buffer.writeUInt32LE(x >>> 0, Math.min(i, size - 4));
  }
  return buffer;
}

/** countRows for any database of the origin, without creating it: a database that does not exist gives null. */
export function countRowsIn(page: Page, dbName: string, stores?: string[]): Promise<Record<string, number> | null> {
  return page.evaluate(
    ({ dbName, stores }) =>
      new Promise<Record<string, number> | null>((resolve, reject) => {
        void indexedDB.databases().then((list) => {
          if (!list.some((d) => d.name === dbName)) return resolve(null);
          const open = indexedDB.open(dbName);
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const names = stores ?? [...db.objectStoreNames];
            const tx = db.transaction(names, 'readonly');
            const counts: Record<string, number> = {};
            for (const name of names) {
              const request = tx.objectStore(name).count();
              request.onsuccess = () => (counts[name] = request.result);
            }
            tx.oncomplete = () => {
              db.close();
              resolve(counts);
            };
            tx.onerror = () => reject(tx.error);
          };
        }, reject);
      }),
    { dbName, stores },
  );
}
