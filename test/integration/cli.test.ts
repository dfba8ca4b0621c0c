/** The command line as a user's script sees it: a child process, its files, its exit code and stderr. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NO_CHANGE_LOG, rebuildSnapshot, type SnapshotRecords } from '../../src/cli/snapshotSchema';
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

function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    execFile(TSX, [CLI, ...args], { cwd: dir, timeout: PROGRAM_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Exit 2 with exactly one line on stderr, and no stack trace. */
function expectBadInput(outcome: Outcome, pattern: RegExp): void {
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stderr.endsWith('\n')).toBe(true);
  expect(outcome.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(outcome.stderr).toMatch(/^csms: /);
  expect(outcome.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(outcome.stderr).toMatch(pattern);
}

let dir: string;
let sample: Record<string, unknown>;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'csms-cli-'));
  const demo = await cli('demo', '--out', 'sample.json');
  if (demo.code !== 0) throw new Error(`demo failed (${demo.code}): ${demo.stderr}`);
  sample = JSON.parse(readFileSync(path.join(dir, 'sample.json'), 'utf8')) as Record<string, unknown>;
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rebuiltSample = () => ({ snapshot: rebuildSnapshot(structuredClone(sample) as unknown as SnapshotRecords) });

const write = (name: string, data: unknown) => {
  writeFileSync(path.join(dir, name), typeof data === 'string' ? data : JSON.stringify(data));
  return name;
};

describe('csms demo', () => {
  it('writes the sample snapshot as JSON that parses, dated today', () => {
    expect(sample.format).toBe(1);
    expect(sample.today).toBe(new Date().toISOString().slice(0, 10));
    expect((sample.assessment as { name: string }).name).toBeTruthy();
    expect((sample.evidence as unknown[]).length).toBeGreaterThan(0);
    // Records only: whatever reads the file computes the scores and says the log was not verified.
    expect(sample).not.toHaveProperty('scores');
    expect(sample).not.toHaveProperty('changeLog');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe.concurrent('csms report', () => {
  it('writes a Word document from the snapshot', async () => {
    const outcome = await cli('report', 'sample.json', '--out', 'report.docx', '--comments', '--marking', 'OFFICIAL-SENSITIVE');
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toBe('');
    const bytes = readFileSync(path.join(dir, 'report.docx'));
    expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('writes all four documents into a folder with --doc all', async () => {
    const outcome = await cli('report', 'sample.json', '--doc', 'all', '--out', 'docs');
    expect(outcome.code, outcome.stderr).toBe(0);
    const files = readdirSync(path.join(dir, 'docs'));
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(4);
    expect(files.filter((f) => !f.endsWith('.docx'))).toEqual([]);
  });

  it('prints the figures computed from the records and says the change log was not verified', async () => {
    const outcome = await cli('report', 'sample.json', '--out', 'computed.docx');
    expect(outcome.code, outcome.stderr).toBe(0);
    const file = path.join(dir, 'computed.docx');
    const text = flatText((await readDocx([file])).get(file)!);
    const o = rebuildSnapshot(sample as unknown as SnapshotRecords).scores.overall;
    expect(o.assessed).toBeLessThan(o.applicable);
    expect(text).toContain(`${o.assessed} of ${o.applicable} applicable requirements assessed`);
    expect(text).not.toContain(`${o.applicable} of ${o.applicable} applicable requirements assessed`);
    expect(text).toContain(`Not verified: ${NO_CHANGE_LOG}`);
    expect(text).not.toMatch(/Verified: the chain is unbroken/);
  });

  it('refuses a file whose scores and change log were edited to claim everything, naming the field', async () => {
    // What an edited file used to get printed as given: every score ML4 and 100 % at target, a made-up
    // requirement as the top gap, and a head hash that is no hash, "verified".
    const { snapshot } = rebuiltSample();
    const perfect = { ...snapshot.scores.overall, assessed: snapshot.scores.overall.applicable, progress: 1, attained: 4 };
    Object.assign(perfect, { meanAchieved: 4, meanTarget: 4, atTarget: snapshot.scores.overall.applicable, shareAtTarget: 1, totalGap: 0 });
    const scores = {
      overall: perfect,
      spes: Object.fromEntries(Object.keys(snapshot.scores.spes).map((k) => [k, perfect])),
      elements: Object.fromEntries(Object.keys(snapshot.scores.elements).map((k) => [k, perfect])),
      requirements: snapshot.scores.requirements,
      gaps: [{ ...snapshot.scores.gaps[0]!, requirementId: 'XYZ 9.9', gap: 4 }],
    };
    const changeLog = {
      entries: 85,
      firstAt: null,
      lastAt: null,
      headHash: 'not-a-hash-at-all',
      verified: true,
      brokenAt: null,
      reason: null,
    };
    const claims = write('claims.json', { ...sample, scores, changeLog });
    expectBadInput(
      await cli('report', claims, '--out', 'claims.docx'),
      /^csms: claims\.json: not a workbook snapshot: unknown field "scores": .*records only/,
    );
    expectBadInput(
      await cli('report', write('log.json', { ...sample, changeLog }), '--out', 'claims.docx'),
      /^csms: log\.json: not a workbook snapshot: unknown field "changeLog": .*never read from a file\n$/,
    );
    expect(readdirSync(dir)).not.toContain('claims.docx');
  });

  it('refuses a file that is not JSON', async () => {
    expectBadInput(await cli('report', write('broken.json', '{"format": 1,'), '--out', 'x.docx'), /broken\.json: not valid JSON/);
  });

  it('refuses a snapshot from a newer app, saying to update', async () => {
    expectBadInput(
      await cli('report', write('newer.json', { ...sample, format: 2 }), '--out', 'x.docx'),
      /newer\.json: .*newer version.*update/,
    );
  });

  it('refuses another format version', async () => {
    expectBadInput(
      await cli('report', write('zero.json', { ...sample, format: 0 }), '--out', 'x.docx'),
      /zero\.json: not a workbook snapshot: format must be 1/,
    );
  });

  it('names the missing field', async () => {
    const { name: _name, ...assessment } = sample.assessment as Record<string, unknown>;
    const outcome = await cli('report', write('missing.json', { ...sample, assessment }), '--out', 'x.docx');
    expectBadInput(outcome, /^csms: missing\.json: not a workbook snapshot: assessment\.name is missing\n$/);
  });

  it('names an unknown top-level field', async () => {
    expectBadInput(await cli('report', write('extra.json', { ...sample, extra: true }), '--out', 'x.docx'), /unknown field "extra"/);
  });

  it('names the position of a bad array entry', async () => {
    const evidence = structuredClone(sample.evidence) as Record<string, unknown>[];
    evidence[1]!.sha256 = 'not-a-hash';
    expectBadInput(await cli('report', write('hash.json', { ...sample, evidence }), '--out', 'x.docx'), /evidence\[1\]\.sha256/);
  });

  it('refuses an unknown --doc value', async () => {
    expectBadInput(await cli('report', 'sample.json', '--doc', 'minutes'), /--doc must be one of report, soa, plan, register, all/);
  });

  it('refuses a missing file', async () => {
    expectBadInput(await cli('report', 'nowhere.json', '--out', 'x.docx'), /nowhere\.json: cannot read it: no such file/);
  });

  it('refuses an unknown option and an unknown command', async () => {
    expectBadInput(await cli('report', 'sample.json', '--colour'), /unknown option --colour/);
    expectBadInput(await cli('publish'), /unknown command "publish"/);
  });

  it('refuses a file over 200 MB without reading it', async () => {
    const big = path.join(dir, 'big.json');
    writeFileSync(big, '');
    // A sparse file: the size is checked before a byte is read.
    await import('node:fs/promises').then((fs) => fs.truncate(big, 201 * 1024 * 1024));
    expectBadInput(await cli('report', 'big.json'), /larger than 200 MB/);
  });

  it.skipIf(process.platform === 'win32')('refuses /dev/zero at once instead of reading forever', async () => {
    expectBadInput(
      await cli('report', '/dev/zero', '--out', 'x.docx'),
      /^csms: \/dev\/zero: not a regular file; give the path of a snapshot file\n$/,
    );
  });

  it.skipIf(process.platform === 'win32')('refuses a FIFO without waiting for a writer', async () => {
    execFileSync('mkfifo', [path.join(dir, 'pipe.json')]);
    expectBadInput(await cli('report', 'pipe.json', '--out', 'x.docx'), /pipe\.json: not a regular file/);
  });

  it('refuses a folder given as the snapshot', async () => {
    expectBadInput(await cli('report', '.', '--out', 'x.docx'), /^csms: \.: is a folder, not a snapshot file\n$/);
  });

  it('refuses a reserved key with a clear message instead of crashing', async () => {
    const text = JSON.stringify(sample).replace('{', '{"__proto__": {"polluted": true},');
    expectBadInput(
      await cli('report', write('proto.json', text), '--out', 'x.docx'),
      /proto\.json: .*field name "__proto__" is not allowed/,
    );
  });

  it('says when the output folder does not exist', async () => {
    expectBadInput(await cli('report', 'sample.json', '--out', 'no/such/dir/x.docx'), /cannot write it: no such file or folder/);
  });
});

describe('csms --help', () => {
  it('prints the usage and exits 0, also with no arguments', async () => {
    for (const args of [['--help'], []]) {
      const outcome = await cli(...args);
      expect(outcome.code).toBe(0);
      expect(outcome.stdout).toMatch(/Usage:/);
      expect(outcome.stdout).toMatch(/csms report <snapshot\.json>/);
      expect(outcome.stderr).toBe('');
    }
  });
});
