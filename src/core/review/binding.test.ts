import { describe, expect, it } from 'vitest';
import { chainEntry, type AuditEntry } from '../audit/chain';
import { bindingProblem, stalenessSince } from './binding';

const review = { assessmentId: 'a1', assessmentName: 'Riverside 2026', basedOn: { count: 2, head: 'c'.repeat(64) } };

function entry(seq: number, entity: AuditEntry['entity'], id: string, change: AuditEntry['change']): AuditEntry {
  return chainEntry({ seq: seq - 1, hash: '0'.repeat(64) }, { at: '2026-11-30T10:00:00.000Z', actor: 'Dana', entity, id, change });
}

describe('binding a received review to this workbook', () => {
  it('accepts a review whose assessment is here and whose head is this log’s entry at that place', () => {
    expect(bindingProblem(review, { id: 'a1' }, { seq: 2, hash: 'c'.repeat(64) })).toBeNull();
  });

  it('refuses a review of an assessment that is not here, naming it', () => {
    expect(bindingProblem(review, undefined, { seq: 2, hash: 'c'.repeat(64) })).toMatch(
      /reviews the assessment "Riverside 2026", which is not in this workbook/,
    );
  });

  it('refuses a review made on another history: a different hash at that place, or a place this log has not reached', () => {
    expect(bindingProblem(review, { id: 'a1' }, { seq: 2, hash: 'd'.repeat(64) })).toMatch(/not part of this workbook’s log/);
    expect(bindingProblem(review, { id: 'a1' }, undefined)).toMatch(/not part of this workbook’s log/);
    expect(
      bindingProblem({ ...review, basedOn: { count: 0, head: 'c'.repeat(64) } }, { id: 'a1' }, { seq: 0, hash: 'c'.repeat(64) }),
    ).toMatch(/not part of this workbook’s log/);
  });
});

describe('what a received review’s verdicts are stale for', () => {
  it('names the requirements whose answer, links or actions changed after the head, and the evidence changed, of this assessment only', () => {
    const since = [
      entry(3, 'response', 'a1|NET 1.1', { op: 'update', before: {}, after: {} }),
      entry(4, 'response', 'a2|ORG 1.1', { op: 'update', before: {}, after: {} }),
      entry(5, 'link', 'EV-0002|a1|ORG 2.1', { op: 'create', after: {} }),
      entry(6, 'action', 'x', {
        op: 'update',
        before: { assessmentId: 'a1', requirementId: 'CM 1.1' },
        after: { assessmentId: 'a1', requirementId: 'CM 1.2' },
      }),
      entry(7, 'action', 'y', { op: 'create', after: { assessmentId: 'a2', requirementId: 'DATA 1.1' } }),
      entry(8, 'evidence', 'EV-0001', { op: 'update', before: {}, after: {} }),
      entry(9, 'review', 'r', { op: 'create', after: { assessmentId: 'a1' } }),
      entry(10, 'person', 'p', { op: 'update', before: {}, after: {} }),
    ];
    const stale = stalenessSince(since, 'a1');
    expect([...stale.requirements].sort()).toEqual(['CM 1.1', 'CM 1.2', 'NET 1.1', 'ORG 2.1']);
    expect([...stale.evidence]).toEqual(['EV-0001']);
    expect(stalenessSince([], 'a1').requirements.size).toBe(0);
  });
});
