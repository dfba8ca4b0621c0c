import { strFromU8, unzipSync, zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { chainEntry, type AuditEntry } from '../audit/chain';
import { sha256Hex } from '../hashing/sha256';
import { sampleBundle } from '../sample/sampleBundle';
import type { BundleInput } from './build';
import { readBundle, writeBundle } from './bundle';
import { creationLog } from './newLog';
import { requireIntactLog } from './verify';
import { evidenceKeeper, memorySink, memorySource } from './testKit';
import { BUNDLE_FORMAT_VERSION } from './format';

const NOW = new Date('2026-06-15T09:00:00Z');
const app = { name: 'CSMS Workbook', version: '9.9.9' };

/** The sample plus a second assessment, text in several scripts, and a few larger files. */
function workbook(): { input: BundleInput; files: Map<string, Uint8Array> } {
  const { input, files } = sampleBundle(catalogue2024(), NOW, app);
  const records = structuredClone(input.records);
  const at = NOW.toISOString();
  const second = { ...records.assessments[0]!, id: 'second', name: 'Zweite Bewertung — 第二次评估 — التقييم الثاني 🔒' };
  records.assessments.push(second);
  records.responses.push({
    ...records.responses[0]!,
    assessmentId: 'second',
    narrative: 'Geheim: Ölpumpe 东区 السر 🔥 only in the second assessment',
  });
  for (let i = 0; i < 3; i++) {
    const bytes = new Uint8Array(3 * 1024 * 1024 + i).map((_, j) => (j * 31 + i) & 0xff);
    const sha256 = sha256Hex(bytes);
    files.set(sha256, bytes);
    const number = records.evidence.length + 1;
    const id = `EV-${String(number).padStart(4, '0')}`;
    records.evidence.push({
      id,
      number,
      title: `Großes Protokoll ${i} 日志`,
      kind: 'file',
      fileName: `log-${i}.bin`,
      mediaType: 'application/octet-stream',
      size: bytes.byteLength,
      sha256,
      owner: 'Dana',
      classification: 'TLP:AMBER',
      createdAt: at,
      updatedAt: at,
    });
    records.links.push({
      evidenceId: id,
      assessmentId: i === 0 ? 'second' : records.assessments[0]!.id,
      requirementId: 'ORG 1.1',
      createdAt: at,
    });
  }
  return { input: { ...input, records, log: creationLog(records, at, 'Dana') }, files };
}

async function pack(input: BundleInput, files: Map<string, Uint8Array>, scope: Parameters<typeof writeBundle>[2] = { kind: 'workbook' }) {
  const sink = memorySink();
  await writeBundle(sink, input, scope, (sha) => memorySource(files.get(sha)!));
  return sink.bytes();
}

async function unpack(bytes: Uint8Array) {
  const keeper = evidenceKeeper();
  const bundle = await readBundle(memorySource(bytes), { evidence: (sha) => keeper.sink(sha), now: NOW.toISOString() });
  return { bundle: requireIntactLog(bundle), keeper, logProblem: bundle.logProblem };
}

/** Rewrites files of a bundle and its manifest, as someone editing it by hand would. */
function edit(bytes: Uint8Array, change: (files: Record<string, Uint8Array>) => void, manifest = true): Uint8Array {
  const files = unzipSync(bytes);
  change(files);
  if (manifest) {
    const lines = Object.entries(files)
      .filter(([p]) => p !== 'manifest-sha256.txt')
      .map(([p, b]) => `${sha256Hex(b)}  ${p}`);
    files['manifest-sha256.txt'] = strToU8(lines.join('\n') + '\n');
  }
  return zipSync(files);
}

describe('workbook bundles', () => {
  it('round-trips every record, the whole log and every file byte for byte', async () => {
    const { input, files } = workbook();
    const bytes = await pack(input, files);
    const { bundle, keeper } = await unpack(bytes);
    expect(bundle.records).toEqual(input.records);
    expect(bundle.log).toEqual(input.log);
    expect(bundle.upgradedFrom).toBeNull();
    expect(bundle.header).toMatchObject({
      format: BUNDLE_FORMAT_VERSION,
      app,
      log: { count: input.log.length, head: input.log.at(-1)!.hash },
    });
    expect([...keeper.kept.keys()].sort()).toEqual([...files.keys()].sort());
    for (const [sha, kept] of keeper.kept) expect(sha256Hex(kept)).toBe(sha);
    // Evidence shared by several records is packed once.
    expect(Object.keys(unzipSync(bytes)).filter((p) => p.startsWith('evidence/'))).toHaveLength(files.size);
  });

  it('carries records only: no score, verdict or count in any file', async () => {
    const { input, files } = workbook();
    const texts = Object.entries(unzipSync(await pack(input, files))).filter(([p]) => !p.startsWith('evidence/'));
    for (const [, b] of texts) expect(strFromU8(b)).not.toMatch(/"(scores|verified|overall|rollup|achievedScore|atTarget)"\s*:/);
  });

  it('lists every file in manifest-sha256.txt in sha256sum format', async () => {
    const { input, files } = workbook();
    const unpacked = unzipSync(await pack(input, files));
    const lines = strFromU8(unpacked['manifest-sha256.txt']!).trim().split('\n');
    expect(lines).toHaveLength(Object.keys(unpacked).length - 1);
    for (const line of lines) {
      const [sha, path] = line.split('  ');
      expect(sha256Hex(unpacked[path!]!)).toBe(sha);
    }
  });

  it('packs one assessment with only what it references; the rest of the log travels as hashes only', async () => {
    const { input, files } = workbook();
    const first = input.records.assessments[0]!.id;
    const bytes = await pack(input, files, { kind: 'assessment', assessmentId: first });
    const all = Object.values(unzipSync(bytes))
      .map((b) => strFromU8(b))
      .join('\n');
    expect(all).not.toContain('Ölpumpe');
    expect(all).not.toContain('Zweite Bewertung');
    const { bundle, keeper } = await unpack(bytes);
    expect(bundle.records.assessments.map((a) => a.id)).toEqual([first]);
    expect(bundle.records.responses.every((r) => r.assessmentId === first)).toBe(true);
    expect(bundle.log).toHaveLength(input.log.length);
    expect(bundle.log.filter((e) => 'withheld' in e).length).toBeGreaterThan(0);
    // The file linked only from the other assessment stays home.
    expect(keeper.kept.size).toBe(files.size - 1);
  });

  it('refuses a record edited without the log, even with a matching manifest', async () => {
    const { input, files } = workbook();
    const bytes = edit(await pack(input, files), (f) => {
      f['records.json'] = strToU8(strFromU8(f['records.json']!).replace('"achievedLevel":1', '"achievedLevel":4'));
    });
    await expect(unpack(bytes)).rejects.toThrow(/records do not match its change log: The response .* differs/);
  });

  it('refuses a log cut short, and one rewritten to match', async () => {
    const { input, files } = workbook();
    const cut = edit(await pack(input, files), (f) => {
      const lines = strFromU8(f['changelog.jsonl']!).trim().split('\n');
      f['changelog.jsonl'] = strToU8(lines.slice(0, -3).join('\n') + '\n');
    });
    await expect(unpack(cut)).rejects.toThrow(/does not end where the bundle says/);
    const records = structuredClone(input.records);
    records.responses[0]!.achievedLevel = 4;
    // Rebuilt from scratch, the log is consistent again: only its head no longer matches what was written down elsewhere.
    const rebuilt = await pack({ ...input, records, log: creationLog(records, NOW.toISOString(), 'Mallory') }, files);
    const { bundle } = await unpack(rebuilt);
    expect(bundle.header.log.head).not.toBe(input.log.at(-1)!.hash);
  });

  it('names the evidence file whose bytes were changed', async () => {
    const { input, files } = workbook();
    const bytes = await pack(input, files);
    const victim = Object.keys(unzipSync(bytes)).find((p) => p.startsWith('evidence/'))!;
    const flipped = edit(
      bytes,
      (f) => {
        f[victim]![10]! ^= 1;
      },
      false,
    );
    await expect(unpack(flipped)).rejects.toThrow(new RegExp(`${victim} does not match its SHA-256`));
  });

  it('refuses a bundle from a newer version, saying so', async () => {
    const { input, files } = workbook();
    const bytes = edit(await pack(input, files), (f) => {
      f['bundle.json'] = strToU8(strFromU8(f['bundle.json']!).replace(`"format": ${BUNDLE_FORMAT_VERSION}`, '"format": 99'));
    });
    await expect(unpack(bytes)).rejects.toThrow(/made by a newer version of CSMS Workbook \(bundle format 99/);
  });

  it('refuses a format older than the oldest it reads', async () => {
    const { input, files } = workbook();
    const bytes = edit(await pack(input, files), (f) => {
      f['bundle.json'] = strToU8(strFromU8(f['bundle.json']!).replace(`"format": ${BUNDLE_FORMAT_VERSION}`, '"format": 0'));
    });
    await expect(unpack(bytes)).rejects.toThrow(/bundle\.json is not valid: .* \(at format\)/);
  });

  it('refuses a manifest that lists a file the bundle does not hold', async () => {
    const { input, files } = workbook();
    const ghost = `evidence/${'ab'.repeat(32)}`;
    const bytes = edit(
      await pack(input, files),
      (f) => {
        f['manifest-sha256.txt'] = strToU8(`${strFromU8(f['manifest-sha256.txt']!)}${'ab'.repeat(32)}  ${ghost}\n`);
      },
      false,
    );
    await expect(unpack(bytes)).rejects.toThrow(`the manifest lists ${ghost}, which is not in the bundle`);
  });

  it('refuses a change-log entry with a key the schema does not know, even with the chain recomputed', async () => {
    const { input, files } = workbook();
    const log: AuditEntry[] = [];
    for (const [i, e] of input.log.entries()) {
      const { prevHash: _p, hash: _h, seq: _q, ...content } = e;
      log.push(chainEntry(log.at(-1), i === 1 ? ({ ...content, smuggled: true } as typeof content) : content));
    }
    await expect(unpack(await pack({ ...input, log }, files))).rejects.toThrow(
      /line 2 of changelog\.jsonl is not valid: Unrecognized key: "smuggled"/,
    );
  });

  it('upgrades a format-1 bundle (no record states in its log) with baseline entries', async () => {
    const { input, files } = workbook();
    const at = NOW.toISOString();
    const log: AuditEntry[] = [];
    for (const e of input.log) {
      const { state: _s, prevHash: _p, hash: _h, seq: _q, ...content } = e;
      log.push(chainEntry(log.at(-1), content));
    }
    const bytes = edit(await pack({ ...input, log }, files), (f) => {
      f['bundle.json'] = strToU8(strFromU8(f['bundle.json']!).replace(`"format": ${BUNDLE_FORMAT_VERSION}`, '"format": 1'));
    });
    const { bundle } = await unpack(bytes);
    expect(bundle.upgradedFrom).toBe(1);
    expect(bundle.log.slice(0, log.length)).toEqual(log);
    const added = bundle.log.slice(log.length) as AuditEntry[];
    expect(added).toHaveLength(input.log.length);
    expect(added.every((e) => e.change.op === 'baseline' && e.at === at && typeof e.state === 'string')).toBe(true);
  });
});
