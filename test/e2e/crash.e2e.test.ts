import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { launchApp, stopServer } from './harness';
import { bytesOf, checkIntegrity, countRows, ensureSetUp } from './workbook';

afterAll(stopServer);

const BATCH = 8;
const FILE_SIZE = 4 * 1024 * 1024;
// From "before the write starts" to "well after it ends", so kills land before, during and after commits.
const KILL_AFTER_MS = [40, 250, 350, 400, 450, 500, 550, 600, 700, 3000];

describe('a crash in the middle of saving evidence', () => {
  it('leaves every batch either whole or absent, and every stored file matching its hash', async () => {
    const profileDir = mkdtempSync(path.join(tmpdir(), 'csms-crash-'));
    const filesDir = mkdtempSync(path.join(tmpdir(), 'csms-crash-files-'));
    const seen: number[] = [];
    try {
      for (const [round, delay] of KILL_AFTER_MS.entries()) {
        const files = Array.from({ length: BATCH }, (_, i) => {
          const file = path.join(filesDir, `round${round}-scan${i}.pdf`);
          writeFileSync(file, bytesOf(FILE_SIZE, round * 100 + i + 1));
          return file;
        });
        const app = await launchApp({ hash: '/evidence', profileDir });
        await ensureSetUp(app.page, 'Evidence');
        const rows = await countRows(app.page);
        seen.push(rows.evidence!);
        expect(rows.evidence! % BATCH, `after round ${round - 1}`).toBe(0);
        expect(rows.blobs).toBe(rows.evidence);
        const chooser = app.page.waitForEvent('filechooser');
        await app.page.getByRole('button', { name: 'Add files' }).click();
        await (await chooser).setFiles(files);
        // Deliberate, the point of the test: the kill lands this long after the files were chosen (KILL_AFTER_MS).
        await new Promise((resolve) => setTimeout(resolve, delay));
        await app.kill();
      }

      const app = await launchApp({ hash: '/evidence', profileDir });
      await ensureSetUp(app.page, 'Evidence');
      const rows = await countRows(app.page);
      seen.push(rows.evidence!);
      console.info(`evidence records after each kill (batches of ${BATCH}): ${seen.slice(1).join(', ')}`);
      expect(rows.evidence! % BATCH).toBe(0);
      expect(rows.evidence).toBeGreaterThanOrEqual(BATCH);
      expect(rows.blobs).toBe(rows.evidence);
      const integrity = await checkIntegrity(app.page);
      expect(integrity.text).toContain('Change log intact');
      expect(integrity.intact).toBe(true);
      await app.close();
    } finally {
      rmSync(profileDir, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
      rmSync(filesDir, { recursive: true, force: true });
    }
  }, 240_000);
});
