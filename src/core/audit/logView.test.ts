import { describe, expect, it } from 'vitest';
import { chainEntry, type AuditContent, type AuditEntry } from './chain';
import { describeEntry, filterLog, logChoices, logNames, SHORT_TEXT_CHARS } from './logView';

type Content = Omit<AuditContent, 'seq'>;

function chain(contents: Content[]): AuditEntry[] {
  const log: AuditEntry[] = [];
  for (const c of contents) log.push(chainEntry(log.at(-1), c));
  return log;
}

const at = (day: number) => `2026-03-${String(day).padStart(2, '0')}T09:30:00.000Z`;
const context = {
  assessments: [{ id: 'a1', name: 'Plant A 2026' }],
  evidence: [{ id: 'EV-0003', title: 'Firewall rules' }],
  people: [{ id: 'p1', name: 'Ana Ruiz' }],
};

describe('the change log in plain words', () => {
  it('names the record, the person and each changed field with before and after', () => {
    const [entry] = chain([
      {
        at: at(1),
        actor: 'Ana Ruiz',
        entity: 'response',
        id: 'a1|ORG 1.1',
        change: {
          op: 'update',
          before: { achievedLevel: 1, applicable: true, narrative: 'Old text', updatedAt: at(1) },
          after: { achievedLevel: 2, applicable: false, narrative: 'New text', updatedAt: at(2) },
        },
      },
    ]);
    const row = describeEntry(entry!, logNames(context));
    expect(row).toMatchObject({
      record: 'Response ORG 1.1 in Plant A 2026',
      actor: 'Ana Ruiz',
      time: '2026-03-01 09:30:00 UTC',
      assessmentId: 'a1',
      requirementId: 'ORG 1.1',
    });
    expect(row.changes.map((c) => [c.label, c.before, c.after])).toEqual([
      ['Achieved level', 'ML1', 'ML2'],
      ['Applicable', 'yes', 'no'],
      ['How it is implemented', 'Old text', 'New text'],
    ]);
  });

  it('shortens long text for the row and keeps the full value', () => {
    const long = `${'word '.repeat(60)}end`;
    const [entry] = chain([
      {
        at: at(1),
        actor: 'x',
        entity: 'response',
        id: 'a1|ORG 1.1',
        change: { op: 'update', before: { gaps: '' }, after: { gaps: long } },
      },
    ]);
    const change = describeEntry(entry!, logNames(context)).changes[0]!;
    expect(change.before).toBe('(empty)');
    expect(change.after.length).toBeLessThanOrEqual(SHORT_TEXT_CHARS + 1);
    expect(change.after.endsWith('…')).toBe(true);
    expect(change.afterFull).toBe(long);
  });

  it('shows dates as dates, resolves people, and keeps the reopening reason', () => {
    const log = chain([
      {
        at: at(2),
        actor: 'Ana Ruiz',
        entity: 'assessment',
        id: 'a1',
        change: {
          op: 'update',
          before: { status: 'signed-off', periodEnd: '2026-01-31' },
          after: { status: 'draft', periodEnd: '2026-02-28' },
        },
      },
      { at: at(3), actor: 'Ana Ruiz', entity: 'settings', id: 'actorId', change: { op: 'update', before: '', after: 'p1' } },
    ]);
    const names = logNames(context);
    const reopened = describeEntry({ ...log[0]!, change: { ...log[0]!.change, reason: 'Auditor asked for ORG 1.1' } }, names);
    expect(reopened.record).toBe('Assessment Plant A 2026');
    expect(reopened.changes.map((c) => `${c.label}: ${c.before} → ${c.after}`)).toEqual([
      'Status: signed off → draft',
      'Period end: 2026-01-31 → 2026-02-28',
    ]);
    expect(reopened.reason).toBe('Auditor asked for ORG 1.1');
    expect(describeEntry(log[1]!, names).changes[0]).toMatchObject({
      label: 'Who is making changes',
      before: '(empty)',
      after: 'Ana Ruiz',
    });
  });

  it('summarises creations and deletions, and falls back to the log for names of deleted records', () => {
    const log = chain([
      { at: at(1), actor: 'x', entity: 'assessment', id: 'gone', change: { op: 'create', after: { id: 'gone', name: 'Old review' } } },
      {
        at: at(2),
        actor: 'x',
        entity: 'evidence',
        id: 'EV-0003',
        change: { op: 'create', after: { id: 'EV-0003', title: 'Firewall rules' } },
      },
      {
        at: at(3),
        actor: 'x',
        entity: 'assessment',
        id: 'gone',
        change: { op: 'delete', before: { name: 'Old review' }, after: { removed: { responses: 4 } } },
      },
      { at: at(4), actor: 'x', entity: 'action', id: 'act-9', change: { op: 'baseline' } },
    ]);
    const names = logNames({}, log);
    const rows = log.map((e) => describeEntry(e, names));
    expect(rows.map((r) => [r.record, r.summary])).toEqual([
      ['Assessment Old review', 'Created'],
      ['Evidence EV-0003: Firewall rules', 'Created'],
      ['Assessment Old review', 'Deleted, with 4 responses'],
      ['Action act-9', 'State recorded as found when the log began recording states'],
    ]);
    expect(rows.every((r) => r.changes.length === 0)).toBe(true);
  });

  it("lists a new answer's first fields as its change", () => {
    const [entry] = chain([
      { at: at(1), actor: 'x', entity: 'response', id: 'zz|SR 2.3', change: { op: 'create', after: { targetLevel: 3 } } },
    ]);
    const row = describeEntry(entry!, logNames(context));
    expect(row.record).toBe('Response SR 2.3 in zz');
    expect(row.changes).toEqual([{ field: 'targetLevel', label: 'Target level', before: 'assessment default', after: 'ML3' }]);
  });
});

describe('filtering the log', () => {
  const log = chain([
    { at: at(1), actor: 'Ana', entity: 'response', id: 'a1|ORG 1.1', change: { op: 'create', after: { narrative: 'x' } } },
    { at: at(2), actor: 'Ben', entity: 'response', id: 'a1|ORG 1.2', change: { op: 'create', after: { narrative: 'y' } } },
    { at: at(3), actor: 'Ana', entity: 'link', id: 'EV-0001|a2|ORG 1.1', change: { op: 'create', after: {} } },
    {
      at: at(4),
      actor: 'Ben',
      entity: 'action',
      id: 'act-1',
      change: { op: 'create', after: { assessmentId: 'a1', requirementId: 'ORG 1.1', description: 'Write it down' } },
    },
    { at: at(5), actor: 'Ben', entity: 'action', id: 'act-1', change: { op: 'delete' } },
  ]);
  const names = logNames({}, log);
  const seqs = (filter: Parameters<typeof filterLog>[1]) => filterLog(log, filter, names).map((e) => e.seq);

  it('filters by assessment, requirement, person and time, each alone and together', () => {
    expect(seqs({})).toEqual([1, 2, 3, 4, 5]);
    expect(seqs({ assessmentId: 'a1' })).toEqual([1, 2, 4, 5]);
    expect(seqs({ requirementId: 'ORG 1.1' })).toEqual([1, 3, 4, 5]);
    expect(seqs({ assessmentId: 'a1', requirementId: 'ORG 1.1' })).toEqual([1, 4, 5]);
    expect(seqs({ actor: 'Ana' })).toEqual([1, 3]);
    expect(seqs({ from: at(2), until: at(4) })).toEqual([2, 3]);
    expect(seqs({ actor: 'Ben', from: at(3) })).toEqual([4, 5]);
  });

  it('offers the people and the requirements found in the log', () => {
    expect(logChoices(log, names)).toEqual({ people: ['Ana', 'Ben'], requirements: ['ORG 1.1', 'ORG 1.2'] });
    expect(logChoices(log, names, 'a2').requirements).toEqual(['ORG 1.1']);
  });

  it('filters and describes a long log entry by entry', () => {
    const big: AuditEntry[] = [];
    for (let i = 0; i < 20_000; i += 1)
      big.push({
        seq: i + 1,
        at: new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
        actor: i % 3 ? 'Ana' : 'Ben',
        entity: 'response',
        id: `a${i % 5}|ORG ${i % 40}.1`,
        change: { op: 'update', before: { narrative: `v${i}` }, after: { narrative: `v${i + 1}` } },
        prevHash: '0'.repeat(64),
        hash: '0'.repeat(64),
      });
    const bigNames = logNames({}, big);
    const found = filterLog(big, { assessmentId: 'a1', requirementId: 'ORG 1.1', actor: 'Ana', from: '2026-01-10T00:00:00Z' }, bigNames);
    const choices = logChoices(big, bigNames, 'a1');
    // Speed is measured by `npm run bench:changelog`, not asserted here.
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((e) => e.id === 'a1|ORG 1.1' && e.actor === 'Ana' && e.at >= '2026-01-10')).toBe(true);
    expect(choices.requirements).toHaveLength(8);
    // Exports describe every entry.
    const rows = big.map((e) => describeEntry(e, bigNames));
    expect(rows[19_999]!.changes[0]).toMatchObject({ before: 'v19999', after: 'v20000' });
  });
});
