// Change-log bench: BENCH_LOG_ENTRIES (100,000) chained entries of a workbook with 5 assessments and
// 3 people, mostly narrative edits with some creations and reopenings. Times, in Node, what the Change
// log screen does on the UI thread (names, filter, choices, one page described) and what its worker does
// (the CSV and JSON lines of the whole log, the verdict with every entry and record hashed). Timings
// are printed, never asserted.
import { performance } from 'node:perf_hooks';
import { chainEntry, type AuditContent, type AuditEntry } from '../src/core/audit/chain';
import { checkLogData, type LoggedRecord } from '../src/core/audit/logCheck';
import { changeLogCsv, changeLogJsonl } from '../src/core/audit/logFiles';
import { describeEntry, filterLog, logChoices, logNames } from '../src/core/audit/logView';
import { recordState } from '../src/core/audit/recordState';

const COUNT = Number(process.env.BENCH_LOG_ENTRIES ?? 100_000);
const ASSESSMENTS = Array.from({ length: 5 }, (_, i) => ({ id: `a${i}`, name: `Plant ${i} 2026`, status: 'draft' }));
const PEOPLE = ['Ana Ruiz', 'Ben Okafor', 'Chen Wei'];

function content(i: number): Omit<AuditContent, 'seq'> {
  const at = new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString();
  const actor = PEOPLE[i % PEOPLE.length]!;
  if (i < ASSESSMENTS.length) {
    const after = ASSESSMENTS[i]!;
    return { at, actor, entity: 'assessment', id: after.id, change: { op: 'create', after }, state: recordState(after) };
  }
  const assessmentId = `a${i % ASSESSMENTS.length}`;
  const requirementId = `ORG ${(i >> 3) % 40}.1`;
  const before = { assessmentId, requirementId, narrative: `Reviewed, revision ${i - 1}. ${'Words of the narrative. '.repeat(4)}` };
  const after = { ...before, narrative: `Reviewed, revision ${i}. ${'Words of the narrative. '.repeat(4)}` };
  const reason = i % 997 === 0 ? { reason: 'Reopened for the audit' } : {};
  return {
    at,
    actor,
    entity: 'response',
    id: `${assessmentId}|${requirementId}`,
    change: { op: 'update', before, after, ...reason },
    state: recordState(after),
  };
}

function time<T>(label: string, work: () => T): T {
  const start = performance.now();
  const value = work();
  console.log(`${label.padEnd(48)} ${(performance.now() - start).toFixed(0).padStart(6)} ms`);
  return value;
}

const entries = time(`write ${COUNT.toLocaleString('en')} chained entries`, () => {
  const log: AuditEntry[] = [];
  for (let i = 0; i < COUNT; i += 1) log.push(chainEntry(log.at(-1), content(i)));
  return log;
});
// The records as the log last left them: one per assessment and per response touched.
const last = new Map<string, LoggedRecord>();
for (const e of entries) last.set(`${e.entity}|${e.id}`, { entity: e.entity, id: e.id, record: e.change.after });
const records = [...last.values()];

console.log('UI thread');
const names = time('names of the rows (logNames)', () => logNames({ assessments: ASSESSMENTS }, entries));
const filtered = time('filter: one assessment, requirement and person', () =>
  filterLog(entries, { assessmentId: 'a1', requirementId: 'ORG 1.1', actor: 'Ana Ruiz' }, names),
);
time('filter choices for one assessment', () => logChoices(entries, names, 'a1'));
time('describe one page (50 rows)', () => entries.slice(-50).map((e) => describeEntry(e, names)));
time('copy of the log and names (posting to the worker)', () => structuredClone({ entries, names }));
console.log('worker');
time(`describe every entry`, () => entries.map((e) => describeEntry(e, names)));
const csv = time('CSV of the whole log', () => changeLogCsv(entries, names));
const jsonl = time('JSON lines of the whole log', () => changeLogJsonl(entries));
const report = time(`verdict: chain + ${records.length.toLocaleString('en')} records + heads`, () =>
  checkLogData({ entries, records, reviewCopy: false, anchors: [] }),
);
console.log(
  `filtered ${filtered.length} entries; CSV ${(csv.length / 1024 / 1024).toFixed(1)} MiB, JSON lines ${(jsonl.length / 1024 / 1024).toFixed(1)} MiB; ` +
    `chain ${report.chain.ok ? 'intact' : 'broken'}, records ${report.data.ok ? 'match' : 'differ'}`,
);
