import { describe, expect, it } from 'vitest';
import type { Person } from '../../core/records/model';
import { readReason, readSignOff } from './signOffForm';

const dana: Person = { id: 'p1', name: 'Dana Okafor', role: 'OT security lead', email: '', createdAt: '2026-01-01T00:00:00.000Z' };
const fields = { personId: 'p1', role: 'approver', date: '2026-07-01', note: '  Accepted as presented.  ' };
const problemOf = (changes: Partial<typeof fields>) => {
  const result = readSignOff({ ...fields, ...changes }, [dana], '2026-07-02');
  return 'problem' in result ? result.problem : null;
};

describe('the sign-off form', () => {
  it('turns valid fields into the record: the person’s name, the role’s label, the date and the trimmed note', () => {
    expect(readSignOff(fields, [dana], '2026-07-02')).toEqual({
      signOff: { by: 'Dana Okafor', role: 'Approver', at: '2026-07-01', note: 'Accepted as presented.' },
    });
  });

  it('says plainly what is missing or wrong', () => {
    expect(problemOf({ personId: '' })).toBe('Choose who signs off.');
    expect(problemOf({ personId: 'gone' })).toMatch(/no longer in the workbook/);
    expect(problemOf({ role: '' })).toMatch(/preparer, reviewer or approver/);
    expect(problemOf({ role: 'owner' })).toMatch(/preparer, reviewer or approver/);
    expect(problemOf({ date: '1.7.2026' })).toMatch(/YYYY-MM-DD/);
    expect(problemOf({ date: '2026-02-30' })).toMatch(/real date .* \(not "2026-02-30"\)/);
    expect(problemOf({ date: '2026-07-03' })).toMatch(/cannot be in the future/);
    expect(problemOf({ note: 'x'.repeat(5_001) })).toMatch(/too long/);
    expect(problemOf({ note: '' })).toBeNull();
  });
});

describe('the reopening reason', () => {
  it('is required and trimmed', () => {
    expect(readReason('   ')).toEqual({ problem: expect.stringMatching(/reason goes into the change log/) });
    expect(readReason('  Auditor asked for more evidence ')).toEqual({ reason: 'Auditor asked for more evidence' });
    expect(readReason('x'.repeat(2_001))).toEqual({ problem: expect.stringMatching(/too long/) });
  });
});
