import { describe, expect, it } from 'vitest';
import { chainEntry, type AuditContent, type AuditEntry } from './chain';
import { checkLogData, type LogCheckInput, type LoggedRecord } from './logCheck';
import { recordState } from './recordState';

const assessment = { id: 'a1', name: 'Plant A 2026', status: 'draft' };
const response = { assessmentId: 'a1', requirementId: 'ORG 1.1', narrative: 'Reviewed yearly.' };

function chain(contents: Omit<AuditContent, 'seq'>[]): AuditEntry[] {
  const log: AuditEntry[] = [];
  for (const c of contents) log.push(chainEntry(log.at(-1), c));
  return log;
}

const at = '2026-03-01T09:00:00.000Z';
const log = chain([
  { at, actor: 'Ana', entity: 'assessment', id: 'a1', change: { op: 'create', after: assessment }, state: recordState(assessment) },
  { at, actor: 'Ana', entity: 'site', id: 's1', change: { op: 'create', after: { id: 's1' } }, state: recordState({ id: 's1' }) },
  {
    at,
    actor: 'Ana',
    entity: 'response',
    id: 'a1|ORG 1.1',
    change: { op: 'create', after: response },
    state: recordState(response),
  },
]);
const records: LoggedRecord[] = [
  { entity: 'assessment', id: 'a1', record: assessment },
  { entity: 'site', id: 's1', record: { id: 's1' } },
  { entity: 'response', id: 'a1|ORG 1.1', record: response },
];
const input = (patch: Partial<LogCheckInput> = {}): LogCheckInput => ({ entries: log, records, reviewCopy: false, anchors: [], ...patch });

/** Entry `index` as a one-assessment bundle carries it: its place and hashes only. */
const withheld = (index: number) =>
  log.map((e, i) => (i === index ? { seq: e.seq, withheld: true as const, prevHash: e.prevHash, hash: e.hash } : e));

describe('the change log verdict from what was read', () => {
  it('passes an intact log whose records all match it', () => {
    const report = checkLogData(input());
    expect(report.chain).toMatchObject({ ok: true, count: 3, head: log[2]!.hash });
    expect(report.data).toEqual({ ok: true, records: 3 });
    expect(report.continuity).toEqual({ ok: true });
  });

  it('names the entry changed after it was written', () => {
    const entries = log.map((e, i) => (i === 1 ? { ...e, actor: 'Mallory' } : e));
    expect(checkLogData(input({ entries })).chain).toMatchObject({ ok: false, seq: 2 });
  });

  it('finds a record changed outside the app and one added outside it', () => {
    const report = checkLogData(
      input({
        records: [
          records[0]!,
          records[1]!,
          { entity: 'response', id: 'a1|ORG 1.1', record: { ...response, narrative: 'Never reviewed.' } },
          { entity: 'action', id: 'x1', record: { id: 'x1' } },
        ],
      }),
    );
    expect(report.chain.ok).toBe(true);
    expect(report.data.ok ? [] : report.data.problems.map((p) => [p.entity, p.problem])).toEqual([
      ['response', 'changed'],
      ['action', 'not-in-log'],
    ]);
  });

  it('says the log was cut short when a recorded head counted more entries', () => {
    const anchors = [{ count: 5, head: 'f'.repeat(64), at: '2026-03-02', source: 'the last export' }];
    const report = checkLogData(input({ anchors }));
    expect(report.continuity).toMatchObject({ ok: false, message: expect.stringContaining('the last 2 entries were removed') });
  });

  it('accepts entries whose content stayed behind only in a review copy', () => {
    // The withheld entry is the site's: in a review copy the site is not among the records either.
    const entries = withheld(1);
    const reviewed = records.filter((r) => r.entity !== 'site');
    expect(checkLogData(input({ entries, records: reviewed })).chain).toMatchObject({
      ok: false,
      seq: 2,
      reason: 'its content is missing',
    });
    const copy = checkLogData(input({ entries, records: reviewed, reviewCopy: true }));
    expect(copy.chain).toMatchObject({ ok: true, count: 3 });
    expect(copy.data).toEqual({ ok: true, records: 2 });
  });

  it('reports progress through the entries, then the records', () => {
    const seen: string[] = [];
    checkLogData(input(), (stage, done, total) => seen.push(`${stage} ${done}/${total}`));
    expect(seen[0]).toBe('chain 0/3');
    expect(seen).toContain('chain 3/3');
    expect(seen.at(-1)).toBe('records 3/3');
    expect(seen.findIndex((s) => s.startsWith('records'))).toBeGreaterThan(seen.indexOf('chain 3/3'));
  });
});
