/**
 * The change log checked outside the app: `csms log verify` on a changelog.jsonl and on a bundle, and
 * the Python script the evidence package's README gives an auditor, run as they would run it on a
 * package made from a real workbook (with text in several scripts) — intact, then with one entry altered.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeLogJsonl } from '../../src/core/audit/logFiles';
import { writeBundle } from '../../src/core/bundle/bundle';
import { creationLog } from '../../src/core/bundle/newLog';
import { memorySink, memorySource } from '../../src/core/bundle/testKit';
import { scriptFromReadme } from '../../src/core/package/packageReadme';
import { sampleBundle } from '../../src/core/sample/sampleBundle';
import { catalogue2024 } from '../fixtures/catalogues';
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
const at = (name: string) => path.join(dir, name);

function run(program: string, args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(program, args, { cwd: dir, timeout: PROGRAM_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

const cli = (...args: string[]) => run(TSX, [CLI, ...args]);
const lines = (text: string) => text.split('\n').filter(Boolean);

/** The sample workbook, with text in several scripts, as a bundle file; returns its log's lines. */
async function writeSampleBundle(file: string): Promise<string[]> {
  const now = new Date();
  const { input, files } = sampleBundle(catalogue2024(), now, { name: 'CSMS Workbook', version: '0.1.0' });
  const records = structuredClone(input.records);
  records.people[0] = { ...records.people[0]!, name: 'Zoë Ångström-Łukasik' };
  const r = records.responses[0]!;
  records.responses[0] = { ...r, narrative: 'Prüfung „bestanden“ — 検査済み ✓ 😀\n\tTab, "quotes" and \\ backslash', gaps: 'Ünïcode gaps' };
  records.assessments[0] = { ...records.assessments[0]!, name: 'Anlage Süd 2026' };
  const log = creationLog(records, now.toISOString(), 'Zoë Ångström-Łukasik');
  const sink = memorySink();
  await writeBundle(sink, { ...input, records, log }, { kind: 'workbook' }, (sha) => memorySource(files.get(sha)!));
  writeFileSync(file, sink.bytes());
  return lines(changeLogJsonl(log));
}

let logLines: string[];

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'csms-cli-log-test-'));
  logLines = await writeSampleBundle(at('sample.csmsx'));
  writeFileSync(at('changelog.jsonl'), `${logLines.join('\n')}\n`);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function writeLog(name: string, entries: string[]): string {
  writeFileSync(at(name), `${entries.join('\n')}\n`);
  return name;
}

describe('csms log verify', () => {
  it('passes an intact log with one summary line: entries, first and last time, head', async () => {
    const head = (JSON.parse(logLines.at(-1)!) as { hash: string }).hash;
    const outcome = await cli('log', 'verify', 'changelog.jsonl');
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toBe('');
    expect(lines(outcome.stdout)).toHaveLength(1);
    expect(outcome.stdout).toMatch(
      new RegExp(`^changelog\\.jsonl: change log intact: ${logLines.length} entries, first \\S+Z, last \\S+Z, head ${head}\\n$`),
    );
  });

  it('checks the log inside a workbook bundle', async () => {
    const outcome = await cli('log', 'verify', 'sample.csmsx');
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stdout).toContain(`sample.csmsx: change log intact: ${logLines.length} entries`);
  });

  it('fails on one altered character, naming the entry', async () => {
    const index = logLines.findIndex((l) => l.includes('Prüfung'));
    expect(index).toBeGreaterThan(0);
    const altered = [...logLines];
    altered[index] = altered[index]!.replace('Prüfung', 'Prufung');
    const outcome = await cli('log', 'verify', writeLog('altered.jsonl', altered));
    expect(outcome.code).toBe(1);
    expect(outcome.stderr).toMatch(new RegExp(`broken: entry ${index + 1}: its content was changed after it was written\\n$`));
  });

  it('fails on a removed line and on a reordered pair, naming the entry', async () => {
    const removed = logLines.filter((_, i) => i !== 4);
    const gone = await cli('log', 'verify', writeLog('removed.jsonl', removed));
    expect(gone.code).toBe(1);
    expect(gone.stderr).toMatch(/broken: entry 5 is missing: line 5 holds entry 6/);
    const swapped = [...logLines];
    [swapped[6], swapped[7]] = [swapped[7]!, swapped[6]!];
    const moved = await cli('log', 'verify', writeLog('swapped.jsonl', swapped));
    expect(moved.code).toBe(1);
    expect(moved.stderr).toMatch(/broken: entry 7 is out of order: it comes after entry 8/);
  });

  it('refuses with exit 2 what it cannot read: a missing file, a binary file, an oversized one', async () => {
    const missing = await cli('log', 'verify', 'nothing.jsonl');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('csms: log verify: nothing.jsonl: cannot read it: no such file or folder\n');
    writeFileSync(at('binary.jsonl'), Buffer.from([0xff, 0xfe, 0x00, 0x80]));
    const binary = await cli('log', 'verify', 'binary.jsonl');
    expect(binary.code).toBe(2);
    expect(binary.stderr).toMatch(/not a text file/);
    writeFileSync(at('huge.jsonl'), '');
    truncateSync(at('huge.jsonl'), 512 * 1024 * 1024 + 1);
    const huge = await cli('log', 'verify', 'huge.jsonl');
    expect(huge.code).toBe(2);
    expect(huge.stderr).toMatch(/larger than a change log may be/);
    rmSync(at('huge.jsonl'));
  });
});

describe('the evidence package explains how to check its change log, and the script it gives works', () => {
  let files: Record<string, Uint8Array>;

  beforeAll(async () => {
    const outcome = await cli('package', 'sample.csmsx', '--out', 'package.zip');
    if (outcome.code !== 0) throw new Error(`package failed (${outcome.code}): ${outcome.stderr}`);
    files = unzipSync(readFileSync(at('package.zip')));
  });

  it('carries the log to read, the log to check, and the README with the script', () => {
    for (const name of ['changelog.csv', 'changelog.jsonl', 'check_changelog.py', 'README.txt']) expect(Object.keys(files)).toContain(name);
    // The same entries (the command line reads them back through the bundle's schema, so keys may come in another order).
    const parse = (text: string) => lines(text).map((l) => JSON.parse(l) as unknown);
    expect(parse(strFromU8(files['changelog.jsonl']!))).toEqual(parse(logLines.join('\n')));
    const csv = strFromU8(files['changelog.csv']!);
    expect(csv).toContain('Zoë Ångström-Łukasik');
    expect(csv).toContain('Anlage Süd 2026');
    const readme = strFromU8(files['README.txt']!);
    expect(readme).toContain('Checking the change log without the app');
    expect(readme).toContain((JSON.parse(logLines.at(-1)!) as { hash: string }).hash);
    expect(scriptFromReadme(readme)).toBe(strFromU8(files['check_changelog.py']!));
    expect(strFromU8(files['manifest-sha256.txt']!)).toMatch(/ {2}changelog\.jsonl\n/);
  });

  it("passes the package's own log with the README's script, and fails it with one entry altered", async () => {
    const script = scriptFromReadme(strFromU8(files['README.txt']!))!;
    writeFileSync(at('check.py'), script);
    writeFileSync(at('package-log.jsonl'), files['changelog.jsonl']!);
    const intact = await run('python3', ['check.py', 'package-log.jsonl']);
    expect(intact.code, intact.stdout + intact.stderr).toBe(0);
    expect(intact.stdout).toMatch(new RegExp(`^Change log intact: ${logLines.length} entries \\(0 withheld\\), head [0-9a-f]{64}\\n$`));

    const entries = lines(strFromU8(files['changelog.jsonl']!));
    const index = entries.findIndex((l) => l.includes('検査済み'));
    entries[index] = entries[index]!.replace('検査済み', '検査済');
    writeFileSync(at('package-log.jsonl'), `${entries.join('\n')}\n`);
    const altered = await run('python3', ['check.py', 'package-log.jsonl']);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toBe(`Change log broken at entry ${index + 1}: its content was changed after it was written\n`);
  });

  it('checks values the canonical form must write exactly: escapes, surrogates, key order, numbers, withheld entries', async () => {
    const { chainEntry } = await import('../../src/core/audit/chain');
    const after = {
      Zeta: 1,
      alpha: 'tab\there\u0001\u001f\u007f \u2028 "q" \\ / é 😀 \ud800',
      Émile: [0.5, -0, 1e20, 123.25, true, false, null, { b: 1, B: 2, ä: 3, a: 4 }],
      '\uffff': 'high',
      '\u{1F600}': 'astral key',
    };
    const first = chainEntry(undefined, {
      at: '2026-03-01T09:00:00.000Z',
      actor: 'Zoë',
      entity: 'response',
      id: 'a|ORG 1.1',
      change: { op: 'create', after },
    });
    const second = chainEntry(first, {
      at: '2026-03-02T09:00:00.000Z',
      actor: 'Łukasz',
      entity: 'evidence',
      id: 'EV-0001',
      change: { op: 'delete' },
    });
    const third = chainEntry(second, {
      at: '2026-03-03T09:00:00.000Z',
      actor: 'x',
      entity: 'site',
      id: 's',
      change: { op: 'baseline' },
      state: null,
    });
    const withheld = { seq: 2, withheld: true as const, prevHash: second.prevHash, hash: second.hash };
    writeFileSync(at('hard.jsonl'), changeLogJsonl([first, withheld, third]));
    writeFileSync(at('check.py'), scriptFromReadme(strFromU8(files['README.txt']!))!);
    const outcome = await run('python3', ['check.py', 'hard.jsonl']);
    expect(outcome.code, outcome.stdout + outcome.stderr).toBe(0);
    expect(outcome.stdout).toMatch(/^Change log intact: 3 entries \(1 withheld\)/);
  });
});
