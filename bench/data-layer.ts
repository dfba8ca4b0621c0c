// Data-layer bench in real Chromium: fills a workbook with the bench workload, then prints the time to
// add a 100 MiB evidence file, hashing throughput beside the machine's limit, and the typical queries.
// Sizes: BENCH_GIB (default 1) of file content in BENCH_BLOBS (300) files, BENCH_EVIDENCE (2000) records.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { CHROMIUM_FLAGS, chromiumPath } from '../test/e2e/harness';
import { serve } from './serve';

const root = path.resolve(import.meta.dirname, '..');
const size = {
  assessments: 3,
  evidence: Number(process.env.BENCH_EVIDENCE ?? 2000),
  blobs: Number(process.env.BENCH_BLOBS ?? 300),
  totalBytes: Math.round(Number(process.env.BENCH_GIB ?? 1) * 1024 ** 3),
};

function machineLimit(): { openssl: number | null; sha256sum: number | null } {
  let openssl: number | null = null;
  try {
    const out = execFileSync('openssl', ['speed', '-evp', 'sha256', '-bytes', '1048576', '-seconds', '2'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const k = /sha256\s+([\d.]+)k/.exec(out)?.[1];
    openssl = k ? Number(k) / 1000 : null;
  } catch {
    openssl = null;
  }
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'csms-bench-')), 'blob.bin');
  writeFileSync(file, Buffer.alloc(100 * 1024 * 1024, 7));
  const start = performance.now();
  let sha256sum: number | null = null;
  try {
    execFileSync('sha256sum', [file], { stdio: 'ignore' });
    sha256sum = (100 * 1.048576) / ((performance.now() - start) / 1000);
  } catch {
    sha256sum = null;
  }
  rmSync(path.dirname(file), { recursive: true, force: true });
  return { openssl, sha256sum };
}

await build({ configFile: path.join(root, 'vite.bench.config.ts'), logLevel: 'warn' });
const { server, url: origin } = await serve({ '/bench/': path.join(root, 'out/bench'), '/': path.join(root, 'out/renderer') });
const url = `${origin}/bench/`;
const profile = mkdtempSync(path.join(tmpdir(), 'csms-bench-profile-'));
const executablePath = chromiumPath();
if (!executablePath) throw new Error('Chromium is needed for this bench: apt-get install chromium, or set CHROMIUM_PATH.');
const context = await chromium.launchPersistentContext(profile, { executablePath, headless: true, args: CHROMIUM_FLAGS });
try {
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.getByText('ready').waitFor();
  console.log(
    `workload: ${size.assessments} assessments × 87 responses, ${size.evidence} evidence records, ${size.blobs} files, ${(size.totalBytes / 1024 ** 3).toFixed(2)} GiB`,
  );
  const result = (await page.evaluate((s) => (window as unknown as { bench: { run(s: unknown): Promise<never> } }).bench.run(s), size)) as {
    generateMs: number;
    hashMs: number;
    hashMBps: number;
    addMs: number;
    queryMs: Record<string, number>;
  };
  const limit = machineLimit();
  console.log(`generate workload: ${(result.generateMs / 1000).toFixed(1)} s`);
  console.log(`add one 100 MiB evidence file (hash in worker + store): ${result.addMs.toFixed(0)} ms`);
  console.log(`hash 100 MiB in the worker: ${result.hashMs.toFixed(0)} ms = ${result.hashMBps.toFixed(0)} MB/s`);
  if (limit.openssl)
    console.log(
      `  limit, openssl speed -evp sha256 (1 MiB blocks): ${limit.openssl.toFixed(0)} MB/s → ${((100 * result.hashMBps) / limit.openssl).toFixed(0)} %`,
    );
  if (limit.sha256sum)
    console.log(
      `  limit, sha256sum on a 100 MiB file: ${limit.sha256sum.toFixed(0)} MB/s → ${((100 * result.hashMBps) / limit.sha256sum).toFixed(0)} %`,
    );
  const exp = (await page.evaluate(() => (window as unknown as { bench: { exportFigures(): Promise<never> } }).bench.exportFigures())) as {
    reportMs: number;
    evidence: number;
    packageBytes: number;
    packageMs: number;
    heapBefore: number;
    peakHeap: number;
    largestFile: number;
  };
  const mb = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
  console.log(`report for one assessment (${exp.evidence} register rows) in the export worker: ${exp.reportMs.toFixed(0)} ms`);
  console.log(
    `evidence package: ${mb(exp.packageBytes)} in ${(exp.packageMs / 1000).toFixed(1)} s = ${(exp.packageBytes / 1e6 / (exp.packageMs / 1000)).toFixed(0)} MB/s; JS heap ${mb(exp.heapBefore)} before, peak ${mb(exp.peakHeap)} (largest file ${mb(exp.largestFile)})`,
  );
  console.log('queries (median of 15):');
  for (const [name, ms] of Object.entries(result.queryMs)) console.log(`  ${name.padEnd(36)} ${ms.toFixed(2)} ms`);
} finally {
  await context.close();
  server.close();
  rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
}
