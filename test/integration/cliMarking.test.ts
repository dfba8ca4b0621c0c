/** The command line's marking: refused when nothing visible is given, printed as a reader sees it, raised by evidence. */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_TIMEOUT_MS } from './timeouts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'src/cli/index.ts');

interface Outcome {
  code: number;
  stderr: string;
}

let dir: string;
let sample: { organization: { classification: string }; evidence: { id: string; classification: string }[] };

function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: dir, timeout: PROGRAM_TIMEOUT_MS }, (error, _stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stderr });
    });
  });
}

/** Exit 2 with exactly one line on stderr, no stack trace, and no document written. */
function expectRefused(outcome: Outcome, pattern: RegExp, out: string): void {
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(outcome.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(outcome.stderr).toMatch(pattern);
  expect(existsSync(path.join(dir, out))).toBe(false);
}

function parts(file: string): Record<string, string> {
  const files = unzipSync(readFileSync(path.join(dir, file)));
  return Object.fromEntries(Object.entries(files).map(([name, data]) => [name, name.endsWith('.xml') ? strFromU8(data) : '']));
}
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
const headers = (p: Record<string, string>) => Object.keys(p).filter((n) => /^word\/header\d+\.xml$/.test(n) && p[n]!.includes('<w:t'));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'csms-marking-'));
  const demo = await cli('demo', '--out', 'sample.json');
  if (demo.code !== 0) throw new Error(`demo failed (${demo.code}): ${demo.stderr}`);
  sample = JSON.parse(readFileSync(path.join(dir, 'sample.json'), 'utf8')) as typeof sample;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.concurrent('csms report --marking', () => {
  it('refuses a marking of only a zero-width space, or only spaces, in one line', async () => {
    expectRefused(
      await cli('report', 'sample.json', '--out', 'zw.docx', '--marking', '\u200B'),
      /--marking has nothing visible in it/,
      'zw.docx',
    );
    expectRefused(
      await cli('report', 'sample.json', '--out', 'sp.docx', '--marking', '   '),
      /--marking has nothing visible in it/,
      'sp.docx',
    );
  });

  it('refuses to write an unmarked document when the workbook has no marking and none is given', async () => {
    writeFileSync(
      path.join(dir, 'unmarked.json'),
      JSON.stringify({ ...sample, organization: { ...sample.organization, classification: '' } }),
    );
    expectRefused(
      await cli('report', 'unmarked.json', '--out', 'unmarked.docx'),
      /no classification marking; give .* --marking/,
      'unmarked.docx',
    );
    const given = await cli('report', 'unmarked.json', '--out', 'given.docx', '--marking', 'TLP:RED');
    expect(given.code, given.stderr).toBe(0);
  });

  it('prints a right-to-left-override marking without the override in the header and on the cover', async () => {
    const outcome = await cli('report', 'sample.json', '--doc', 'soa', '--out', 'rlo.docx', '--marking', 'TLP:\u202EDER');
    expect(outcome.code, outcome.stderr).toBe(0);
    const p = parts('rlo.docx');
    for (const name of headers(p)) {
      expect(p[name]).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(textOf(p[name]!)).toContain('TLP:DER');
    }
    expect(p['word/document.xml']).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    expect(textOf(p['word/document.xml']!)).toContain('ClassificationTLP:DER');
  });

  it('raises the marking to that of RED evidence, with the notice on the cover', async () => {
    const red = sample.evidence[1]!;
    const raised = { ...sample, evidence: sample.evidence.map((e) => (e.id === red.id ? { ...e, classification: 'TLP:RED' } : e)) };
    writeFileSync(path.join(dir, 'raised.json'), JSON.stringify(raised));
    const outcome = await cli('report', 'raised.json', '--doc', 'register', '--out', 'raised.docx', '--marking', 'TLP:AMBER');
    expect(outcome.code, outcome.stderr).toBe(0);
    const p = parts('raised.docx');
    for (const name of headers(p)) expect(textOf(p[name]!)).toContain('TLP:RED');
    expect(textOf(p['word/document.xml']!)).toContain(`raised from TLP:AMBER to TLP:RED because evidence item ${red.id} is marked TLP:RED`);
  });
});
