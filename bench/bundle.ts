// Bundle bench: saving and restoring a workbook bundle that carries BENCH_BUNDLE_MIB (default 1024) MiB
// of evidence, in files of 64 MiB of pseudo-random bytes (they do not compress). In Node: core's
// writeBundle and readBundle on files, beside a plain copy of the same bytes. In Chromium: the browser
// edition as users run it (attach on the Evidence screen, Settings → Save as a bundle…, then a restore
// into a fresh profile on first start), served from out/renderer as built. Peak memory is sampled
// during each phase, above the level before it. The Node part runs BENCH_BUNDLE_RUNS (3) times and
// shows the median; BENCH_BUNDLE_CHROMIUM=0 skips the Chromium part; with --expose-gc (npx tsx
// --expose-gc bench/bundle.ts) garbage is collected before each Node phase. Needs about five times the
// evidence in free space under the temp folder. Timings are printed, never asserted.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, open, rename, rm, stat, type FileHandle } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createSHA256 } from 'hash-wasm';
import type { Download } from 'playwright-core';
import { catalogue2024 } from '../test/fixtures/catalogues';
import { launchApp, stopServer, type AppSession } from '../test/e2e/harness';
import { countRows, ensureSetUp } from '../test/e2e/workbook';
import { readBundle, writeBundle, type ByteSink, type ByteSource, type EvidenceSink } from '../src/core/bundle/bundle';
import { creationLog } from '../src/core/bundle/newLog';
import { memorySource } from '../src/core/bundle/testKit';
import { requireIntactLog } from '../src/core/bundle/verify';
import { sampleBundle } from '../src/core/sample/sampleBundle';
import { nodeSha256 } from '../src/cli/nodeSha256';

const MIB = 1024 * 1024;
const FILE_BYTES = 64 * MIB;
const totalMiB = Number(process.env.BENCH_BUNDLE_MIB ?? 1024);
const withChromium = process.env.BENCH_BUNDLE_CHROMIUM !== '0';
const nodeRuns = Math.max(1, Number(process.env.BENCH_BUNDLE_RUNS ?? 3));
const NOW = new Date('2026-06-15T09:00:00Z');
const app = { name: 'CSMS Workbook', version: 'bench' };

const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);

const mib = (n: number) => `${(n / MIB).toFixed(0)} MiB`;
const mbps = (bytes: number, ms: number) => bytes / 1e6 / (ms / 1000);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface EvidenceFile {
  file: string;
  name: string;
  size: number;
  sha256: string;
}

/** Deterministic pseudo-random bytes (xorshift32 over 32-bit words): the same seed makes the same file. */
function randomBytes(size: number, seed: number): Buffer {
  const buffer = Buffer.alloc(size);
  const words = new Uint32Array(buffer.buffer, buffer.byteOffset, Math.floor(size / 4));
  let x = seed >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return buffer;
}

async function writeAll(handle: FileHandle, bytes: Uint8Array): Promise<void> {
  let at = 0;
  while (at < bytes.byteLength) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.byteLength - at);
    at += bytesWritten;
  }
}

async function writeSynced(file: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(file, 'w');
  try {
    await writeAll(handle, bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function makeEvidence(dir: string, totalBytes: number): Promise<EvidenceFile[]> {
  await mkdir(dir, { recursive: true });
  const files: EvidenceFile[] = [];
  for (let i = 0, left = totalBytes; left > 0; i++, left -= FILE_BYTES) {
    const size = Math.min(FILE_BYTES, left);
    const bytes = randomBytes(size, 0x9e3779b9 + i * 7919);
    const name = `capture-${String(i + 1).padStart(3, '0')}.bin`;
    const file = path.join(dir, name);
    await writeSynced(file, bytes);
    files.push({ file, name, size, sha256: createHash('sha256').update(bytes).digest('hex') });
  }
  return files;
}

/** A file read at any offset with positional reads, as the bundle writer and reader want it. */
function fileSource(handle: FileHandle, size: number): ByteSource {
  return {
    size,
    read: async (offset, length) => {
      const bytes = new Uint8Array(length);
      let got = 0;
      while (got < length) {
        const { bytesRead } = await handle.read(bytes, got, length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return got === length ? bytes : bytes.subarray(0, got);
    },
  };
}

/** Writes one verified evidence file beside the others, as a restore keeps it: .part, fsync, rename. */
function fileEvidenceSink(dir: string, sha256: string, syncs: { ms: number }): EvidenceSink {
  const part = path.join(dir, `${sha256}.part`);
  let handle: Promise<FileHandle> | null = null;
  const opened = () => (handle ??= open(part, 'w'));
  return {
    write: async (chunk) => writeAll(await opened(), chunk),
    done: async () => {
      const h = await opened();
      syncs.ms += (await timed(() => h.sync())).ms;
      await h.close();
      await rename(part, path.join(dir, sha256));
    },
    discard: async () => {
      if (handle) await (await handle).close().catch(() => undefined);
      await rm(part, { force: true });
    },
  };
}

/** Samples a memory figure every `everyMs` while a phase runs; reports the peak above the level before it. */
function sampler(read: () => number, everyMs: number) {
  const before = read();
  let peak = before;
  let samples = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, read());
    samples += 1;
  }, everyMs);
  return {
    stop(): { before: number; peak: number; above: number; samples: number } {
      clearInterval(timer);
      peak = Math.max(peak, read());
      return { before, peak, above: peak - before, samples };
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  return { ms: performance.now() - start, value };
}

// ---- Chromium memory: every process of the browser's process group ----

function statusField(status: string, field: string): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
  return match ? Number(match[1]) * 1024 : 0;
}

function groupProcesses(group: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 2 (the command) is in parentheses and may hold spaces: count fields after the last ")".
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(fields[2]) === group) pids.push(Number(entry));
    } catch {
      // The process ended while we looked.
    }
  }
  return pids;
}

function processKind(pid: number): string {
  try {
    const args = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    const type = args.find((a) => a.startsWith('--type='))?.slice(7);
    if (!type) return 'browser';
    const sub = args.find((a) => a.startsWith('--utility-sub-type='))?.slice(19);
    return sub ? `utility (${sub.split('.').at(-1)})` : type;
  } catch {
    return '?';
  }
}

/** RSS of each process in the group, by pid. */
function groupRss(group: number): Map<number, number> {
  const rss = new Map<number, number>();
  for (const pid of groupProcesses(group)) {
    try {
      rss.set(pid, statusField(readFileSync(`/proc/${pid}/status`, 'utf8'), 'VmRSS'));
    } catch {
      // Gone.
    }
  }
  return rss;
}

/** Samples the group's summed RSS every 50 ms; keeps, by kind of process, the RSS at the peak and its change. */
function groupSampler(group: number) {
  const kinds = new Map<number, string>();
  const sum = (m: Map<number, number>) => [...m.values()].reduce((n, v) => n + v, 0);
  const byKind = (m: Map<number, number>) => {
    const split = new Map<string, number>();
    for (const [pid, rss] of m) {
      if (!kinds.has(pid)) kinds.set(pid, processKind(pid));
      const kind = kinds.get(pid)!;
      split.set(kind, (split.get(kind) ?? 0) + rss);
    }
    return split;
  };
  const first = groupRss(group);
  const firstByKind = byKind(first);
  const before = sum(first);
  let peak = before;
  let atPeak = firstByKind;
  let samples = 0;
  const take = () => {
    const now = groupRss(group);
    const split = byKind(now);
    const total = sum(now);
    samples += 1;
    if (total > peak) {
      peak = total;
      atPeak = split;
    }
  };
  const timer = setInterval(take, 50);
  return {
    stop() {
      clearInterval(timer);
      take();
      const split = [...atPeak]
        .map(([kind, rss]) => ({ kind, rss, change: rss - (firstByKind.get(kind) ?? 0) }))
        .sort((x, y) => y.change - x.change);
      return { before, peak, above: peak - before, samples, split };
    },
  };
}

// ---- Node ----

type Mem = ReturnType<ReturnType<typeof sampler>['stop']>;

interface NodeRun {
  copyMs: number;
  copySyncMs: number;
  exportMs: number;
  exportSyncMs: number;
  importMs: number;
  importSyncMs: number;
  bundleBytes: number;
  exportMem: Mem;
  importMem: Mem;
}

interface NodeFigures {
  runs: NodeRun[];
  hashWasmMBps: number;
  hashNodeMBps: number;
}

/** The sample workbook with one evidence record per file, and a change log that creates them all. */
function benchInput(evidence: EvidenceFile[]) {
  const { input, files } = sampleBundle(catalogue2024(), NOW, app);
  const records = structuredClone(input.records);
  const at = NOW.toISOString();
  for (const e of evidence) {
    const number = records.evidence.length + 1;
    records.evidence.push({
      id: `EV-${String(number).padStart(4, '0')}`,
      number,
      title: `Network capture ${e.name}`,
      kind: 'file',
      fileName: e.name,
      mediaType: 'application/octet-stream',
      size: e.size,
      sha256: e.sha256,
      owner: 'Dana Okafor',
      classification: 'TLP:AMBER',
      createdAt: at,
      updatedAt: at,
    });
  }
  return { input: { ...input, records, log: creationLog(records, at, 'Dana Okafor') }, sampleFiles: files };
}

/** SHA-256 throughput on 64 MiB in 512 KiB pieces: hash-wasm (what core uses, in Node and in the browser) and node:crypto. */
async function hashRates(): Promise<{ wasm: number; node: number }> {
  const bytes = randomBytes(64 * MIB, 7);
  const piece = 512 * 1024;
  const wasm = await timed(async () => {
    const hasher = await createSHA256();
    hasher.init();
    for (let at = 0; at < bytes.byteLength; at += piece) hasher.update(bytes.subarray(at, at + piece));
    return hasher.digest('hex');
  });
  const native = await timed(() => {
    const hasher = createHash('sha256');
    for (let at = 0; at < bytes.byteLength; at += piece) hasher.update(bytes.subarray(at, at + piece));
    return Promise.resolve(hasher.digest('hex'));
  });
  if (wasm.value !== native.value) throw new Error('hash-wasm and node:crypto disagree.');
  return { wasm: mbps(bytes.byteLength, wasm.ms), node: mbps(bytes.byteLength, native.ms) };
}

async function nodeRun(work: string, evidence: EvidenceFile[]): Promise<NodeRun> {
  // (a) A plain copy: what the disk and page cache allow for these bytes.
  const copies = path.join(work, 'copy');
  await mkdir(copies);
  let copySyncMs = 0;
  const copy = await timed(async () => {
    for (const e of evidence) {
      const target = path.join(copies, e.name);
      await copyFile(e.file, target);
      const handle = await open(target, 'r+');
      copySyncMs += (await timed(() => handle.sync())).ms;
      await handle.close();
    }
  });
  await rm(copies, { recursive: true, force: true });

  // (b) Export: core's writeBundle, evidence read from files, the bundle written to a file.
  const { input, sampleFiles } = benchInput(evidence);
  const bundleFile = path.join(work, 'node.csmsx');
  const handles = new Map<string, { handle: FileHandle; size: number }>();
  for (const e of evidence) handles.set(e.sha256, { handle: await open(e.file, 'r'), size: e.size });
  let exportSyncMs = 0;
  gc();
  const exportMem = sampler(() => process.memoryUsage().rss, 20);
  const exported = await timed(async () => {
    const out = await open(bundleFile, 'w');
    const sink: ByteSink = { write: (chunk) => writeAll(out, chunk) };
    try {
      await writeBundle(
        sink,
        input,
        { kind: 'workbook' },
        (sha) => {
          const file = handles.get(sha);
          return file ? fileSource(file.handle, file.size) : memorySource(sampleFiles.get(sha)!);
        },
        undefined,
        // As the command line does.
        nodeSha256,
      );
      exportSyncMs = (await timed(() => out.sync())).ms;
    } finally {
      await out.close();
    }
  });
  const exportPeak = exportMem.stop();
  for (const file of handles.values()) await file.handle.close();
  const bundleBytes = (await stat(bundleFile)).size;

  // (c) Import: readBundle checks every hash; each verified file is written out as a restore would.
  const restored = path.join(work, 'restored');
  await mkdir(restored);
  const syncs = { ms: 0 };
  gc();
  const importMem = sampler(() => process.memoryUsage().rss, 20);
  const imported = await timed(async () => {
    const handle = await open(bundleFile, 'r');
    try {
      return await readBundle(fileSource(handle, bundleBytes), {
        now: NOW.toISOString(),
        evidence: (sha) => fileEvidenceSink(restored, sha, syncs),
        sha256: nodeSha256,
      });
    } finally {
      await handle.close();
    }
  });
  const importPeak = importMem.stop();
  requireIntactLog(imported.value);
  for (const e of evidence) {
    const size = (await stat(path.join(restored, e.sha256))).size;
    if (size !== e.size) throw new Error(`The restored ${e.name} has ${size} bytes instead of ${e.size}.`);
  }
  await rm(restored, { recursive: true, force: true });
  await rm(bundleFile, { force: true });
  return {
    copyMs: copy.ms,
    copySyncMs,
    exportMs: exported.ms,
    exportSyncMs,
    importMs: imported.ms,
    importSyncMs: syncs.ms,
    bundleBytes,
    exportMem: exportPeak,
    importMem: importPeak,
  };
}

async function nodeBench(work: string, evidence: EvidenceFile[]): Promise<NodeFigures> {
  const runs: NodeRun[] = [];
  for (let i = 0; i < nodeRuns; i++) runs.push(await nodeRun(work, evidence));
  const rates = await hashRates();
  return { runs, hashWasmMBps: rates.wasm, hashNodeMBps: rates.node };
}

// ---- Chromium ----

interface PhaseFigures {
  ms: number;
  mem: ReturnType<ReturnType<typeof groupSampler>['stop']>;
}

interface ChromiumFigures {
  attach: PhaseFigures;
  save: PhaseFigures;
  /** From the click to the download starting: the worker has packed the whole bundle into a Blob by then. */
  packedMs: number;
  bundleBytes: number;
  check: PhaseFigures;
  write: PhaseFigures;
}

async function phase(session: AppSession, work: () => Promise<void>): Promise<PhaseFigures> {
  const mem = groupSampler(session.processGroup!);
  const start = performance.now();
  await work();
  const ms = performance.now() - start;
  return { ms, mem: mem.stop() };
}

async function chromiumBench(work: string, evidence: EvidenceFile[]): Promise<ChromiumFigures> {
  const bundleFile = path.join(work, 'chromium.csmsx');
  let attach: PhaseFigures;
  let save: PhaseFigures;
  let packedMs = 0;
  const a = await launchApp({ hash: '/evidence' });
  if (a.target !== 'browser') throw new Error('The Chromium part needs Chromium: apt-get install chromium, or set CHROMIUM_PATH.');
  try {
    const page = a.page;
    await ensureSetUp(page, 'Evidence');
    await page.waitForTimeout(1000);
    attach = await phase(a, async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Add files' }).click();
      // Paths, not buffers: the browser opens the files itself, whatever their size.
      await (await chooser).setFiles(evidence.map((e) => e.file));
      while (((await countRows(page, ['blobs'])).blobs ?? 0) < evidence.length) await page.waitForTimeout(100);
    });
    await page.evaluate(() => (window.location.hash = '/settings'));
    await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
    await page.waitForTimeout(1000);
    let download: Download | null = null;
    save = await phase(a, async () => {
      const started = page.waitForEvent('download', { timeout: 0 });
      const clickedAt = performance.now();
      await page.getByRole('button', { name: 'Save as a bundle…' }).click();
      download = await started;
      packedMs = performance.now() - clickedAt;
      // Resolves once the whole file is on disk (null: it finished without an error).
      const failure = await download.failure();
      if (failure) throw new Error(`The download failed: ${failure}`);
    });
    await (download as Download | null)!.saveAs(bundleFile);
  } finally {
    await a.close();
  }
  const bundleBytes = (await stat(bundleFile)).size;

  let check: PhaseFigures;
  let write: PhaseFigures;
  const b = await launchApp({ hash: '/assessment' });
  try {
    const page = b.page;
    await page.getByRole('heading', { name: 'Welcome to CSMS Workbook', level: 1 }).waitFor();
    await page.waitForTimeout(1000);
    check = await phase(b, async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Restore from a bundle…' }).click();
      await (await chooser).setFiles(bundleFile);
      await page.getByRole('button', { name: 'Replace this workbook with the bundle' }).waitFor({ timeout: 0 });
    });
    write = await phase(b, async () => {
      await page.getByRole('button', { name: 'Replace this workbook with the bundle' }).click();
      await page.getByRole('heading', { name: 'Assessments', level: 1 }).waitFor({ timeout: 0 });
    });
    const blobs = (await countRows(page, ['blobs'])).blobs;
    if (blobs !== evidence.length) throw new Error(`The restored workbook holds ${blobs} files instead of ${evidence.length}.`);
  } finally {
    await b.close();
  }
  await rm(bundleFile, { force: true });
  return { attach, save, packedMs, bundleBytes, check, write };
}

// ---- Report ----

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
}

function report(evidenceBytes: number, node: NodeFigures, browser: ChromiumFigures | null, largest: number): void {
  const target = 2 * largest + 64 * MIB;
  const runs = node.runs;
  const speeds = (pick: (r: NodeRun) => number) => runs.map((r) => mbps(evidenceBytes, pick(r)));
  const copyMBps = median(speeds((r) => r.copyMs));
  const widths = [46, 8, 16, 7, 26];
  const memText = (above: number, peak: number) => `+${mib(above)} (peak ${mib(peak)})`;
  const nodeLine = (what: string, pick: (r: NodeRun) => number, mem: string) => {
    const all = speeds(pick);
    const range = runs.length > 1 ? ` (${Math.min(...all).toFixed(0)}–${Math.max(...all).toFixed(0)})` : '';
    return row(
      [what, secs(median(runs.map(pick))), `${median(all).toFixed(0)}${range}`, `${(median(all) / copyMBps).toFixed(2)}×`, mem],
      widths,
    );
  };
  const browserLine = (what: string, ms: number, mem: string) => {
    const speed = mbps(evidenceBytes, ms);
    return row([what, secs(ms), speed.toFixed(0), `${(speed / copyMBps).toFixed(2)}×`, mem], widths);
  };
  const maxMem = (pick: (r: NodeRun) => Mem) => runs.map(pick).reduce((a, b) => (b.above > a.above ? b : a));

  console.log(`MB/s = evidence bytes (${(evidenceBytes / 1e6).toFixed(0)} MB) / seconds; × copy = that over the Node plain copy's MB/s.`);
  console.log(`memory = peak RSS above the level just before the phase; target: under ${mib(target)} (2 × largest file + 64 MiB).\n`);
  console.log(
    row(
      [`Node, median of ${runs.length} run${runs.length === 1 ? '' : 's'}`, 'time', 'MB/s (min–max)', '× copy', 'memory (worst run)'],
      widths,
    ),
  );
  console.log(nodeLine('(a) plain copy: copyFile + fsync per file', (r) => r.copyMs, '—'));
  const exportMem = maxMem((r) => r.exportMem);
  const importMem = maxMem((r) => r.importMem);
  console.log(nodeLine('(b) export: writeBundle → one file, fsync', (r) => r.exportMs, memText(exportMem.above, exportMem.peak)));
  console.log(nodeLine('(c) import: readBundle → a file each, fsync', (r) => r.importMs, memText(importMem.above, importMem.peak)));
  console.log(
    `    of which fsync (median): copy ${secs(median(runs.map((r) => r.copySyncMs)))}, export ${secs(median(runs.map((r) => r.exportSyncMs)))}, import ${secs(median(runs.map((r) => r.importSyncMs)))}; bundle ${mib(runs[0]!.bundleBytes)}`,
  );
  console.log(
    `    SHA-256 on this machine, 512 KiB pieces: hash-wasm (core's, in Node and in the browser) ${node.hashWasmMBps.toFixed(0)} MB/s, node:crypto ${node.hashNodeMBps.toFixed(0)} MB/s`,
  );
  let browserSummary = '';
  if (browser) {
    const groupText = (p: PhaseFigures) => memText(p.mem.above, p.mem.peak);
    const restoreMs = browser.check.ms + browser.write.ms;
    console.log('');
    console.log(row(['Chromium, browser edition, one run', 'time', 'MB/s', '× copy', 'memory (process group)'], widths));
    console.log(browserLine('attach on the Evidence screen (hash + store)', browser.attach.ms, groupText(browser.attach)));
    console.log(browserLine('save: Save as a bundle… → download complete', browser.save.ms, groupText(browser.save)));
    console.log(browserLine('  of which packing, until the download starts', browser.packedMs, ''));
    console.log(browserLine('restore: pick → checked and offered', browser.check.ms, groupText(browser.check)));
    console.log(browserLine('restore: Replace… → Assessments', browser.write.ms, groupText(browser.write)));
    console.log(browserLine('restore: total', restoreMs, '—'));
    console.log(
      `    bundle ${mib(browser.bundleBytes)}; RSS summed over the browser's process group every 50 ms; at each peak, by process (change in the phase):`,
    );
    const signed = (n: number) => `${n < 0 ? '−' : '+'}${mib(Math.abs(n))}`;
    for (const [name, p] of Object.entries({ attach: browser.attach, save: browser.save, check: browser.check, write: browser.write })) {
      const moved = p.mem.split.filter((k) => Math.abs(k.change) >= 2 * MIB);
      const shown = moved.map((k) => `${k.kind} ${mib(k.rss)} (${signed(k.change)})`);
      if (moved.length < p.mem.split.length) shown.push('the others within 2 MiB of before');
      console.log(`      ${name.padEnd(7)} ${shown.join(', ')}`);
    }
    const worstPhase = [browser.save, browser.check, browser.write].reduce((a, b) => (b.mem.above > a.mem.above ? b : a));
    const worst = worstPhase.mem.above;
    const grew = worstPhase.mem.split[0];
    browserSummary =
      ` In Chromium, saving the bundle took ${secs(browser.save.ms)} (${mbps(evidenceBytes, browser.save.ms).toFixed(0)} MB/s) and ` +
      `restoring it into a fresh profile ${secs(restoreMs)} (${mbps(evidenceBytes, restoreMs).toFixed(0)} MB/s, of which checking ` +
      `${secs(browser.check.ms)}); the browser's processes grew by up to ${mib(worst)} in a phase, ` +
      `${worst < target ? 'within' : 'over'} the ${mib(target)} target` +
      (grew ? `, ${mib(grew.change)} of it in the ${grew.kind} process.` : '.');
  }
  const exportMBps = median(speeds((r) => r.exportMs));
  const importMBps = median(speeds((r) => r.importMs));
  const worstNode = Math.max(exportMem.above, importMem.above);
  console.log(
    `\nSummary: with ${mib(evidenceBytes)} of incompressible evidence, a plain copy ran at ${copyMBps.toFixed(0)} MB/s; ` +
      `core's export ran at ${exportMBps.toFixed(0)} MB/s (${(exportMBps / copyMBps).toFixed(2)}× the copy) and its import at ` +
      `${importMBps.toFixed(0)} MB/s (${(importMBps / copyMBps).toFixed(2)}×). Both hash every byte with SHA-256 (Node's here, as the ` +
      `command line does; the browser's is WebAssembly at ${node.hashWasmMBps.toFixed(0)} MB/s) and CRC-32 on one thread, between reads and writes that wait for each other, ` +
      `while the copy is done inside the kernel. Node's memory rose by at most ${mib(worstNode)}, ` +
      `${worstNode < target ? 'within' : 'over'} the ${mib(target)} target.${browserSummary}`,
  );
}

// ---- Run ----

const evidenceBytes = Math.round(totalMiB * MIB);
const work = await mkdtemp(path.join(tmpdir(), 'csms-bench-bundle-'));
try {
  console.log(
    `evidence: ${mib(evidenceBytes)} in ${Math.ceil(evidenceBytes / FILE_BYTES)} files of ${mib(Math.min(FILE_BYTES, evidenceBytes))} (pseudo-random, incompressible), in ${work}`,
  );
  const made = await timed(() => makeEvidence(path.join(work, 'evidence'), evidenceBytes));
  console.log(`written and synced in ${secs(made.ms)}`);
  const node = await nodeBench(work, made.value);
  console.log(`Node part done (${node.runs.length} runs)`);
  let browser: ChromiumFigures | null = null;
  if (withChromium) {
    const started = performance.now();
    browser = await chromiumBench(work, made.value);
    console.log(`Chromium part done in ${secs(performance.now() - started)}`);
  }
  console.log('');
  report(evidenceBytes, node, browser, Math.max(...made.value.map((e) => e.size)));
} finally {
  await stopServer();
  await rm(work, { recursive: true, force: true });
}
