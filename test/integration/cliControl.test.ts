/**
 * `csms report` as a script sees it: records that contradict each other are refused with exit 2 and
 * one line, and the documents of one run carry one export ID, one revision and one records digest.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flatText, readDocx } from './docx/readDocx';
import { PROGRAM_TIMEOUT_MS } from './timeouts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'src/cli/index.ts');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
// The tests break the sample on purpose, so its shape is left open here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
let sample: Record<string, any>;

function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: dir, timeout: PROGRAM_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** A copy of the sample with one change, written as its own file. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function hostile(name: string, change: (s: Record<string, any>) => void): string {
  const copy = structuredClone(sample);
  change(copy);
  writeFileSync(path.join(dir, name), JSON.stringify(copy));
  return name;
}

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'csms-control-'));
  const demo = await cli('demo', '--out', 'sample.json');
  if (demo.code !== 0) throw new Error(`demo failed (${demo.code}): ${demo.stderr}`);
  sample = JSON.parse(readFileSync(path.join(dir, 'sample.json'), 'utf8')) as typeof sample;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('csms report refuses records that cannot all be true', () => {
  const cases: [string, (s: typeof sample) => void, RegExp][] = [
    ['a second answer to one requirement', (s) => s.responses.push({ ...s.responses[0], achievedLevel: 4 }), /is a second answer to /],
    [
      'a day that does not exist',
      (s) => (s.assessment.periodEnd = '2026-99-99'),
      /assessment\.periodEnd must be a date written YYYY-MM-DD/,
    ],
    [
      'a period that ends before it starts',
      (s) => Object.assign(s.assessment, { periodStart: '2026-06-01', periodEnd: '2026-01-01' }),
      /the period must end after it starts/,
    ],
    [
      'a link to evidence the file does not hold',
      (s) => (s.links[0].evidenceId = 'EV-9999'),
      /links\[0\]\.evidenceId EV-9999 is not in evidence/,
    ],
  ];

  it.each(cases)('%s: exit 2, one line, nothing written', async (name, change, pattern) => {
    const file = hostile(`${name.replace(/\W+/g, '-')}.json`, change);
    const before = readdirSync(dir).length;
    const outcome = await cli('report', file, '--doc', 'all', '--out', 'refused');
    expect(outcome.code, outcome.stderr).toBe(2);
    expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(outcome.stderr).toMatch(/^csms: .*not a workbook snapshot: /);
    expect(outcome.stderr).toMatch(pattern);
    expect(outcome.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    expect(outcome.stdout).toBe('');
    expect(readdirSync(dir)).toHaveLength(before);
  });
});

describe('csms report --doc all', () => {
  it('prints one export ID and records digest, and every document carries them with the revision asked for', async () => {
    const outcome = await cli('report', 'sample.json', '--doc', 'all', '--out', 'set', '--revision', '3');
    expect(outcome.code, outcome.stderr).toBe(0);
    const last = outcome.stdout.trimEnd().split('\n').at(-1)!;
    const match = /^Export (EXP-[0-9A-F]{10}), revision 3, records digest ([0-9a-f]{64})$/.exec(last);
    expect(match, last).not.toBeNull();
    const [, exportId, digest] = match!;
    const files = readdirSync(path.join(dir, 'set')).map((f) => path.join(dir, 'set', f));
    expect(files).toHaveLength(4);
    const texts = await readDocx(files);
    for (const file of files) {
      const text = flatText(texts.get(file)!);
      expect(text, file).toContain(exportId);
      expect(text, file).toContain(digest);
      expect(text, file).toContain('Revision 3');
    }
    // Another run of the same records: another export, the same digest.
    const again = await cli('report', 'sample.json', '--out', 'again.docx');
    const line = again.stdout.trimEnd().split('\n').at(-1)!;
    expect(line).toContain(`records digest ${digest}`);
    expect(line).not.toContain(exportId);
    expect(line).toContain('revision 1,');
  });

  it('refuses a revision that is not a whole number from 1', async () => {
    for (const bad of ['0', '-2', 'two', '1.5']) {
      const outcome = await cli('report', 'sample.json', '--out', 'bad.docx', '--revision', bad);
      expect(outcome.code, bad).toBe(2);
      expect(outcome.stderr).toMatch(/^csms: report: --revision must be a whole number from 1/);
    }
  });
});
