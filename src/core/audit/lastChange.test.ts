import { describe, expect, it } from 'vitest';
import { chainEntry, type AuditContent, type AuditEntry, type WithheldLink } from './chain';
import { lastChangeByRequirement } from './lastChange';

function log(items: Omit<AuditContent, 'seq'>[]): AuditEntry[] {
  const entries: AuditEntry[] = [];
  for (const item of items) entries.push(chainEntry(entries.at(-1), item));
  return entries;
}

const change = (
  actor: string,
  at: string,
  id: string,
  op: AuditContent['change']['op'] = 'update',
  entity: AuditContent['entity'] = 'response',
) => ({
  actor,
  at,
  entity,
  id,
  change: { op },
});

describe('lastChangeByRequirement', () => {
  const entries = log([
    change('Dana Okafor', '2026-03-01T08:00:00.000Z', 'a1|ORG 1.1', 'create'),
    change('Marcus Lee', '2026-03-02T09:30:00.000Z', 'a1|ORG 1.1'),
    change('Dana Okafor', '2026-03-02T10:00:00.000Z', 'a1|NET 1.1', 'create'),
    // Another assessment's answer to the same requirement, and an assessment whose ID starts the same way.
    change('Priya Shah', '2026-03-05T11:00:00.000Z', 'a2|ORG 1.1'),
    change('Priya Shah', '2026-03-05T11:00:00.000Z', 'a10|NET 1.1'),
    // Not answers: the assessment itself, an action, an evidence link naming the requirement.
    change('Priya Shah', '2026-03-06T12:00:00.000Z', 'a1', 'update', 'assessment'),
    change('Priya Shah', '2026-03-06T12:00:00.000Z', 'EV-0001|a1|NET 1.1', 'create', 'link'),
    change('CSMS Workbook (upgrade)', '2026-03-07T00:00:00.000Z', 'a1|SYS 1.1', 'baseline'),
  ]);

  it('gives the newest change to each answer of the assessment, and nothing else', () => {
    expect(lastChangeByRequirement(entries, 'a1')).toStrictEqual({
      'ORG 1.1': { actor: 'Marcus Lee', at: '2026-03-02T09:30:00.000Z' },
      'NET 1.1': { actor: 'Dana Okafor', at: '2026-03-02T10:00:00.000Z' },
    });
    expect(lastChangeByRequirement(entries, 'a2')).toStrictEqual({ 'ORG 1.1': { actor: 'Priya Shah', at: '2026-03-05T11:00:00.000Z' } });
  });

  it('goes by sequence number, not by the order the entries come in', () => {
    expect(lastChangeByRequirement([...entries].reverse(), 'a1')['ORG 1.1']).toEqual({
      actor: 'Marcus Lee',
      at: '2026-03-02T09:30:00.000Z',
    });
  });

  it('skips entries a bundle withheld, and keeps a hostile requirement ID a plain key', () => {
    const withheld: WithheldLink = { seq: 99, withheld: true, prevHash: '0'.repeat(64), hash: '1'.repeat(64) };
    const hostile = log([change('Eve', '2026-03-08T00:00:00.000Z', 'a1|__proto__')]);
    const result = lastChangeByRequirement([withheld, ...hostile], 'a1');
    expect(Object.keys(result)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
    expect(lastChangeByRequirement([], 'a1')).toStrictEqual({});
  });
});
