// Documents bench (Node): builds and packs each Word document for the bench workload (87 requirements,
// 2,000 register rows) and prints time and peak memory beside the floor: zipping the same parts again
// with the same compression, which any writer of the same file must spend.
import { performance } from 'node:perf_hooks';
import { unzipSync, zipSync } from 'fflate';
import { buildDocument, DOCUMENT_KINDS, packDocument } from '../src/core/documents/build';
import { largeSnapshot } from './largeSnapshot';

const snapshot = largeSnapshot();
console.log(`workload: ${snapshot.responses.length} answers, ${snapshot.evidence.length} evidence records`);
let peak = process.memoryUsage().rss;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
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
clearInterval(sampler);
console.log(`peak resident memory ${mib(peak)} (started at ${mib(base)})`);
