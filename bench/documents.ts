// Documents bench (Node): the four Word documents for synthetic workbooks of 2,000, 10,000 and 50,000
// evidence items (the last with 200,000 links). Each size runs in a child process of its own under a
// 1.5 GB heap, so its peak resident memory is its own and a heap too small shows as a failure, not a
// stall. Printed per size: generating the records, the snapshot with its scores, build and pack per
// document, the total, peak memory, and beside it the raw zip floor: the same number of register rows
// written as bare XML strings and zipped with fflate, with no docx model (a lower bound for any writer).
// `tsx bench/documents.ts 20000` runs other sizes; `--links` is three per item unless given as N:M.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { strToU8, zipSync } from 'fflate';
import { CONTENT_DIR, loadCatalogueDir } from '../src/cli/content';
import { buildDocument, DOCUMENT_KINDS, packDocument } from '../src/core/documents/build';
import { documentLimitProblem } from '../src/core/documents/limits';
import { snapshotOfRecords, syntheticRecords } from '../src/core/sample/synthetic';

const DEFAULT_SIZES = ['2000', '10000', '50000:200000'];
const HEAP_MB = 1536;

interface Result {
  evidence: number;
  links: number;
  generateMs: number;
  snapshotMs: number;
  documents: { kind: string; buildMs: number; packMs: number; bytes: number }[];
  totalMs: number;
  /** Process CPU time of the document set alone (the machine may be shared, so wall time can run far above it). */
  cpuMs: number;
  peakRssMb: number;
  floor: { ms: number; bytes: number; xmlBytes: number };
  stopped: string | null;
}

/** Bare table rows for every item, as a writer without a document model would produce them, zipped. */
function rawZipFloor(rows: number): Result['floor'] {
  const start = performance.now();
  const cell = (text: string) => `<w:tc><w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p></w:tc>`;
  const parts: string[] = [];
  for (let n = 1; n <= rows; n += 1) {
    const id = `EV-${String(n).padStart(4, '0')}`;
    parts.push(
      `<w:tr>${cell(id)}${cell(`Record ${n} for the SCADA`)}${cell('Reference')}${cell(`\\\\fileserver\\ot-security\\${id}.pdf`)}${cell('—')}${cell('—')}${cell('12 Mar 2026')}${cell('None')}${cell('ORG 1.1, ORG 1.2, CM 2.1')}</w:tr>`,
    );
  }
  const xml = strToU8(`<w:document><w:body><w:tbl>${parts.join('')}</w:tbl></w:body></w:document>`);
  const zipped = zipSync({ 'word/document.xml': xml }, { level: 6 });
  return { ms: performance.now() - start, bytes: zipped.length, xmlBytes: xml.length };
}

async function runOne(evidence: number, links: number): Promise<Result> {
  const cpu = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
  const now = new Date('2026-06-15T09:00:00Z');
  const app = { name: 'CSMS Workbook', version: 'bench' };
  let t = performance.now();
  const { records } = syntheticRecords(catalogue, now, app, { evidence, links });
  const generateMs = performance.now() - t;
  t = performance.now();
  const snapshot = snapshotOfRecords(records, catalogue, now, app);
  const snapshotMs = performance.now() - t;
  const documents: Result['documents'] = [];
  const start = performance.now();
  const cpu0 = cpu();
  const stopped = documentLimitProblem(snapshot);
  if (!stopped) {
    for (const kind of DOCUMENT_KINDS) {
      t = performance.now();
      const doc = buildDocument(snapshot, kind);
      const built = performance.now();
      const bytes = await packDocument(doc);
      documents.push({ kind, buildMs: built - t, packMs: performance.now() - built, bytes: bytes.length });
    }
  }
  const totalMs = performance.now() - start;
  const cpuMs = cpu() - cpu0;
  const peakRssMb = process.resourceUsage().maxRSS / 1024;
  // Twice: the report and the register each list every item.
  const once = rawZipFloor(evidence);
  const floor = { ms: once.ms * 2, bytes: once.bytes * 2, xmlBytes: once.xmlBytes * 2 };
  return { evidence, links, generateMs, snapshotMs, documents, totalMs, cpuMs, peakRssMb, floor, stopped };
}

const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const kib = (n: number) => `${(n / 1024).toFixed(0)} KiB`;

function print(r: Result): void {
  console.log(`\n${r.evidence.toLocaleString('en')} evidence items, ${r.links.toLocaleString('en')} links`);
  console.log(`  generate ${s(r.generateMs)}; snapshot and scores ${s(r.snapshotMs)}`);
  for (const d of r.documents)
    console.log(`  ${d.kind.padEnd(8)} build ${s(d.buildMs).padStart(8)}  pack ${s(d.packMs).padStart(8)}  ${kib(d.bytes).padStart(9)}`);
  if (r.stopped) console.log(`  stopped: ${r.stopped}`);
  else console.log(`  document set ${s(r.totalMs)} (process CPU time of the set: ${s(r.cpuMs)})`);
  console.log(`  peak resident memory ${r.peakRssMb.toFixed(0)} MiB (heap limit ${HEAP_MB} MiB)`);
  console.log(
    `  raw zip floor (2 × ${r.evidence.toLocaleString('en')} bare rows, fflate level 6): ${s(r.floor.ms)}, ${kib(r.floor.bytes)} from ${kib(r.floor.xmlBytes)} of XML`,
  );
}

const [first, second, third] = process.argv.slice(2);
if (first === '--one') {
  console.log(JSON.stringify(await runOne(Number(second), Number(third))));
} else {
  const sizes = process.argv.length > 2 ? process.argv.slice(2) : DEFAULT_SIZES;
  for (const size of sizes) {
    const [evidence, links] = size.split(':').map(Number) as [number, number | undefined];
    const child = spawnSync(
      process.execPath,
      [
        ...process.execArgv,
        `--max-old-space-size=${HEAP_MB}`,
        import.meta.filename,
        '--one',
        String(evidence),
        String(links ?? evidence * 3),
      ],
      { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 },
    );
    const line = child.stdout.trim().split('\n').at(-1) ?? '';
    if (child.status !== 0 || !line.startsWith('{')) {
      const why =
        (child.stderr || '')
          .trim()
          .split('\n')
          .find((l) => l.trim()) ?? `exit ${child.status ?? child.signal}`;
      console.log(`\n${size}: the run failed (${why})`);
      continue;
    }
    print(JSON.parse(line) as Result);
  }
}
