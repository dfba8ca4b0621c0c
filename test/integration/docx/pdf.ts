/** LibreOffice headless to PDF, then pdftotext: what a reader without Word would see. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PROGRAM_TIMEOUT_MS } from '../timeouts';
import { PDFTOTEXT, run, SOFFICE } from './tools';

/** Converts the files in one LibreOffice run with a fresh profile, so parallel runs never share a lock. */
export async function convertToPdf(files: readonly string[], outDir: string, timeoutMs = PROGRAM_TIMEOUT_MS): Promise<string[]> {
  const profile = mkdtempSync(path.join(tmpdir(), 'csms-lo-profile-'));
  try {
    await run(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      timeoutMs,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => path.join(outDir, `${path.basename(f, '.docx')}.pdf`));
}

export async function pdfText(pdf: string): Promise<string> {
  return (await run(PDFTOTEXT, ['-enc', 'UTF-8', pdf, '-'])).stdout;
}
