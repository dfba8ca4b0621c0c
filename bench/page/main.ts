/** The bench page: exposes the data-layer measurements to bench/data-layer.ts, which drives it in Chromium. */
import { openWorkbook } from '../../src/renderer/db/database';
import { saveOrganization } from '../../src/renderer/db/repo/people';
import { addFiles } from '../../src/renderer/db/repo/evidence';
import { overdueActions } from '../../src/renderer/db/repo/actions';
import { hashInWorker } from '../../src/renderer/workers/hashInWorker';
import { buildSnapshot } from '../../src/renderer/export/buildSnapshot';
import { buildEvidencePackage } from '../../src/renderer/export/evidencePackage';
import { exportInWorker } from '../../src/renderer/workers/exportInWorker';
import { generate, randomBlob, type WorkloadSize } from './workload';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

async function time(fn: () => Promise<unknown>, runs = 15): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    await fn();
    ms.push(performance.now() - start);
  }
  return median(ms);
}

async function run(size: WorkloadSize) {
  const db = await openWorkbook('bench');
  const generated = await generate(db, size);
  const assessment = (await db.assessments.toArray())[0]!;

  const big = randomBlob(100 * 1024 * 1024, 9999);
  let start = performance.now();
  await hashInWorker(big);
  const hashMs = performance.now() - start;

  const file = randomBlob(100 * 1024 * 1024, 4242);
  start = performance.now();
  await addFiles(db, [{ name: 'large-export.bin', type: 'application/octet-stream', blob: file }], { hasher: hashInWorker });
  const addMs = performance.now() - start;

  const queries = {
    'responses of an assessment (87)': () => db.responses.where('assessmentId').equals(assessment.id).toArray(),
    'evidence list by number (2,000)': () => db.evidence.orderBy('number').toArray(),
    'links of one response': () => db.links.where('[assessmentId+requirementId]').equals([assessment.id, 'NET 1.1']).toArray(),
    'links of one evidence': () => db.links.where('evidenceId').equals('EV-0100').toArray(),
    'evidence expiring within 30 days': () => db.evidence.where('expiresOn').between('2027-03-01', '2027-03-31').toArray(),
    'overdue actions': () => overdueActions(db, '2026-07-01'),
  };
  const sha = (await db.evidence.get('EV-0001'))!.sha256!;
  const queryMs: Record<string, number> = {};
  for (const [name, query] of Object.entries({ ...queries, 'evidence by hash': () => db.evidence.where('sha256').equals(sha).toArray() })) {
    queryMs[name] = await time(query);
  }
  db.close();
  return { generateMs: generated.ms, hashMs, hashMBps: big.size / 1e6 / (hashMs / 1000), addMs, queryMs };
}

/** Fills the app's own database with the workload, for the workspace bench. */
async function fillApp(size: WorkloadSize) {
  const db = await openWorkbook();
  await saveOrganization(db, { name: 'Bench utility', classification: 'TLP:AMBER' });
  await generate(db, size);
  const assessment = (await db.assessments.toArray())[0]!;
  db.close();
  return { assessmentId: assessment.id };
}

/** The evidence package of the first assessment, and the report built in the export worker. */
async function exportFigures() {
  const db = await openWorkbook('bench');
  const assessment = (await db.assessments.toArray()).sort((a, b) => a.createdAt.localeCompare(b.createdAt))[0]!;
  const snapshot = await buildSnapshot(db, assessment.id, { includeLicensedText: false });
  let start = performance.now();
  const [report] = await exportInWorker(snapshot, ['report'], {}, () => undefined).result;
  const reportMs = performance.now() - start;
  const memory = () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0;
  let peakHeap = memory();
  const before = peakHeap;
  start = performance.now();
  const blob = await buildEvidencePackage(
    db,
    snapshot,
    [report!],
    () => (peakHeap = Math.max(peakHeap, memory())),
    new AbortController().signal,
  );
  const packageMs = performance.now() - start;
  const largestFile = Math.max(...snapshot.evidence.map((e) => e.size ?? 0));
  db.close();
  return { reportMs, evidence: snapshot.evidence.length, packageBytes: blob.size, packageMs, heapBefore: before, peakHeap, largestFile };
}

(window as unknown as { bench: unknown }).bench = { run, fillApp, exportFigures };
document.getElementById('status')!.textContent = 'ready';
