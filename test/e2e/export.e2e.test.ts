import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import type { Download, Page } from 'playwright-core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { launchApp, stopServer, type AppSession } from './harness';
import { ensureSetUp } from './workbook';

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

async function openSampleExport(page: Page) {
  await ensureSetUp(page, 'Assessments');
  await page.getByRole('button', { name: 'Open the sample assessment' }).click();
  await page.getByTestId('requirement-page').waitFor();
  await page.getByRole('link', { name: 'Export', exact: true }).click();
  await page.getByRole('heading', { name: 'Export', level: 1 }).waitFor();
}

describe('export', () => {
  it('saves the four Word documents built in the worker', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await openSampleExport(page);
    const files = await downloads(page, 4, () => page.getByRole('button', { name: 'Export documents' }).click());
    const names = files.map((d) => d.suggestedFilename()).sort();
    expect(names).toHaveLength(4);
    for (const d of files) {
      expect(d.suggestedFilename()).toMatch(/\.docx$/);
      const bytes = readFileSync((await d.path())!);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(Object.keys(unzipSync(bytes))).toContain('word/document.xml');
    }
    await page.getByText(/^Saved /).waitFor();
    const first = await page.locator('.export-identity').innerText();
    expect(first).toMatch(
      /^Revision 1, export ID EXP-[0-9A-F]{10}\. Every document of this export carries the records digest [0-9a-f]{64}\.$/,
    );
    // Every document of the export names the same export ID.
    const exportId = /EXP-[0-9A-F]{10}/.exec(first)![0];
    for (const d of files) expect(strFromU8(unzipSync(readFileSync((await d.path())!))['word/document.xml']!)).toContain(exportId);

    // The next export of the same assessment is the next revision, with its own ID and the same records digest.
    await downloads(page, 4, () => page.getByRole('button', { name: 'Export documents' }).click());
    await page.getByText(/^Revision 2, export ID /).waitFor();
    const second = await page.locator('.export-identity').innerText();
    expect(second).not.toContain(exportId);
    expect(/[0-9a-f]{64}/.exec(second)![0]).toBe(/[0-9a-f]{64}/.exec(first)![0]);
    // The 64-digit digest wraps at the smallest supported window instead of widening the screen.
    await page.setViewportSize({ width: 1024, height: 700 });
    const overflow = await page.evaluate(() =>
      [document.scrollingElement!, document.querySelector('.content') ?? document.body].map((el) => el.scrollWidth - el.clientWidth),
    );
    expect(
      overflow.every((n) => n <= 0),
      JSON.stringify(overflow),
    ).toBe(true);
  });

  it('packs documents and evidence files so that sha256sum -c passes in the unpacked folder', async () => {
    app = await launchApp({ hash: '/assessment' });
    const { page } = app;
    await openSampleExport(page);
    const [zip] = await downloads(page, 1, () => page.getByRole('button', { name: 'Export evidence package (zip)' }).click());
    expect(zip!.suggestedFilename()).toMatch(/_evidence-package\.zip$/);
    const entries = unzipSync(readFileSync((await zip!.path())!));
    const folder = mkdtempSync(path.join(tmpdir(), 'csms-package-'));
    for (const [name, data] of Object.entries(entries)) {
      mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
      writeFileSync(path.join(folder, name), data);
    }
    const evidenceFiles = Object.keys(entries).filter((n) => n.startsWith('evidence/EV-'));
    expect(evidenceFiles.length).toBe(8);
    expect(Object.keys(entries).filter((n) => n.endsWith('.docx'))).toHaveLength(4);
    const manifest = JSON.parse(new TextDecoder().decode(entries['manifest.json']!)) as { evidence: { kind: string }[] };
    expect(manifest.evidence.map((e) => e.kind).sort()).toEqual(expect.arrayContaining(['file', 'link', 'note']));
    const check = execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: folder, encoding: 'utf8' });
    expect(
      check
        .trim()
        .split('\n')
        .every((line) => line.endsWith(': OK')),
    ).toBe(true);
    // The evidence files, the four documents, manifest.json, and the change log as an auditor checks it.
    const logFiles = ['changelog.csv', 'changelog.jsonl', 'check_changelog.py', 'README.txt'];
    for (const name of logFiles) expect(Object.keys(entries)).toContain(name);
    expect(check.trim().split('\n')).toHaveLength(evidenceFiles.length + 4 + 1 + logFiles.length);
    const verdict = execFileSync('python3', ['check_changelog.py', 'changelog.jsonl'], { cwd: folder, encoding: 'utf8' });
    expect(verdict).toMatch(/intact/i);
  });
});
