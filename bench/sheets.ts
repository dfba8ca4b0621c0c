// Spreadsheet bench (Node): builds the results workbook (xlsx) and the CSV zip for a workload with N
// evidence items (default 10,000), four links each, and prints time and peak memory.
// Usage: tsx bench/sheets.ts [evidence count]
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { CONTENT_DIR, loadCatalogueDir } from '../src/cli/content';
import { formatEvidenceId } from '../src/core/records/evidenceId';
import { buildSheets } from '../src/core/sheets/build';
import { csvZip } from '../src/core/sheets/csv';
import { sheetInputsOf } from '../src/core/sheets/inputs';
import { packWorkbook } from '../src/core/sheets/xlsx';
import type { WorkbookSnapshot } from '../src/core/snapshot/snapshot';
import { largeSnapshot } from '../test/integration/docx/largeSnapshot';

const count = Number(process.argv[2] ?? 10_000);
const base = largeSnapshot(loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024')), new Date('2026-06-15T09:00:00Z'));
const requirements = base.responses.map((r) => r.requirementId);
const template = base.evidence[0]!;
const evidence = Array.from({ length: count }, (_, i) => ({
  ...template,
  id: formatEvidenceId(i + 1),
  number: i + 1,
  title: `Evidence item ${i + 1}`,
}));
const links = evidence.flatMap((e, i) =>
  [0, 1, 2, 3].map((k) => ({
    evidenceId: e.id,
    assessmentId: base.assessment.id,
    requirementId: requirements[(i + k * 7) % requirements.length]!,
    createdAt: template.createdAt,
  })),
);
const snapshot: WorkbookSnapshot = { ...base, evidence, links };
console.log(`workload: ${snapshot.responses.length} answers, ${evidence.length} evidence items, ${links.length} links`);
const mib = (n: number) => `${(n / 1024 / 1024).toFixed(0)} MiB`;

let start = performance.now();
const set = buildSheets(snapshot, sheetInputsOf(snapshot));
console.log(`tables ${(performance.now() - start).toFixed(0)} ms`);
start = performance.now();
const xlsx = await packWorkbook(set, { author: 'bench', generatedAt: snapshot.generatedAt });
console.log(`xlsx ${(xlsx.length / 1024).toFixed(0)} KiB in ${(performance.now() - start).toFixed(0)} ms`);
start = performance.now();
const zip = csvZip(set);
console.log(`csv zip ${(zip.bytes.length / 1024).toFixed(0)} KiB in ${(performance.now() - start).toFixed(0)} ms`);
console.log(`peak resident memory ${mib(process.resourceUsage().maxRSS * 1024)}`);
