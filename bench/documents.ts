// Documents bench (Node): builds and packs each Word document for the bench workload (87 requirements,
// 2,000 register rows) and prints time and peak memory beside the floor: zipping the same parts again
// with the same compression, which any writer of the same file must spend.
import { performance } from 'node:perf_hooks';
import { unzipSync, zipSync } from 'fflate';
import { buildDocument, DOCUMENT_KINDS, packDocument } from '../src/core/documents/build';
import path from 'node:path';
import { CONTENT_DIR, loadCatalogueDir } from '../src/cli/content';
import { largeSnapshot } from '../test/integration/docx/largeSnapshot';

const snapshot = largeSnapshot(loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024')), new Date('2026-06-15T09:00:00Z'));
console.log(`workload: ${snapshot.responses.length} answers, ${snapshot.evidence.length} evidence records`);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;
const base = process.memoryUsage().rss;

for (const kind of DOCUMENT_KINDS) {
  const runs: number[] = [];
  let bytes = new Uint8Array();
  for (let i = 0; i < 3; i += 1) {
    const start = performance.now();
    bytes = await packDocument(buildDocument(snapshot, kind));
    runs.push(performance.now() - start);
  }
  const parts = unzipSync(bytes);
  const floorStart = performance.now();
  zipSync(parts, { level: 6 });
  const floor = performance.now() - floorStart;
  const best = Math.min(...runs);
  console.log(
    `${kind.padEnd(8)} ${(bytes.length / 1024).toFixed(0).padStart(5)} KiB: build + pack ${best.toFixed(0)} ms (best of 3); floor (re-zip the parts) ${floor.toFixed(0)} ms; ratio ${(best / floor).toFixed(1)}`,
  );
}
// The operating system's own record of the process's largest resident size.
console.log(`peak resident memory ${mib(process.resourceUsage().maxRSS * 1024)} (after loading the workload ${mib(base)})`);
