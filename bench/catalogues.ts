// Prints how long loading and validating every shipped catalogue takes, and the counts per SPE.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONTENT_DIR, readCatalogueDir, readSourceFile } from '../src/cli/content';
import { loadCrosswalk } from '../src/core/catalogue/crosswalk';
import { loadCatalogue } from '../src/core/catalogue/load';
import { indexCatalogue } from '../src/core/catalogue/lookup';
import { createSearch } from '../src/core/catalogue/search';

const runs = Number(process.env.RUNS ?? 50);
const sources = ['iec-62443-2-1-2024', 'iec-62443-2-1-2010'].map((d) => readCatalogueDir(path.join(CONTENT_DIR, d)));
const crosswalkFile = readSourceFile(path.join(CONTENT_DIR, 'crosswalk-2010-to-2024.yaml'));

function loadAll() {
  const [ed2024, ed2010] = sources.map(({ manifest, files }) => {
    const outcome = loadCatalogue(manifest, files);
    if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
    return indexCatalogue(outcome.catalogue);
  });
  const crosswalk = loadCrosswalk(crosswalkFile, ed2010!, ed2024!);
  if (!crosswalk.ok) throw new Error(crosswalk.errors.join('\n'));
  return { ed2024: ed2024!, ed2010: ed2010! };
}

const cold = performance.now();
const { ed2024, ed2010 } = loadAll();
const coldMs = performance.now() - cold;
const times: number[] = [];
for (let i = 0; i < runs; i += 1) {
  const start = performance.now();
  loadAll();
  times.push(performance.now() - start);
}
times.sort((a, b) => a - b);
const search = createSearch(ed2024.requirements);
const searchStart = performance.now();
for (let i = 0; i < 1000; i += 1) search(i % 2 ? 'remote access vendor' : 'NET 1');
const searchMs = (performance.now() - searchStart) / 1000;

for (const { catalogue } of [ed2024, ed2010]) {
  console.log(`${catalogue.edition} (catalogue ${catalogue.version})`);
  for (const spe of catalogue.spes) {
    const count = spe.elements.reduce((n, e) => n + e.requirements.length, 0);
    console.log(`  ${spe.id.padEnd(6)} ${String(spe.elements.length).padStart(2)} elements ${String(count).padStart(3)} requirements`);
  }
}
console.log(
  `load + validate all catalogues and the crosswalk: first ${coldMs.toFixed(1)} ms, then median ${times[times.length >> 1]!.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(1)} ms over ${runs} runs`,
);
console.log(`search over ${ed2024.requirements.length} requirements: ${(searchMs * 1000).toFixed(0)} µs per query`);
