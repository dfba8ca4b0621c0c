import { describe, expect, it } from 'vitest';
import type { Person } from '../../core/records/model';
import { readReason, readSignOff, type SignOffFields } from './signOffForm';

const person = (id: string, name: string): Person => ({ id, name, role: '', email: '', createdAt: '2026-01-01T00:00:00.000Z' });
const people = [person('p1', 'Dana Okafor'), person('p2', 'Marcus Lee'), person('p3', 'Priya Shah')];
const fields: SignOffFields = {
  people: { preparer: 'p1', reviewer: 'p2', approver: 'p3' },
  date: '2026-07-01',
  note: '  Accepted as presented.  ',
};
const problemOf = (changes: Partial<SignOffFields>) => {
  const result = readSignOff({ ...fields, ...changes }, people, '2026-07-02');
  return 'problem' in result ? result.problem : null;
};

describe('the sign-off form', () => {
  it('turns the chosen people into signatories by role, with the date and the trimmed statement', () => {
    expect(readSignOff(fields, people, '2026-07-02')).toEqual({
      signOff: {
        signatories: [
          { role: 'preparer', personId: 'p1' },
          { role: 'reviewer', personId: 'p2' },
          { role: 'approver', personId: 'p3' },
        ],
        at: '2026-07-01',
        note: 'Accepted as presented.',
      },
      approver: 'Priya Shah',
    });
  });

  it('needs only the approver; a role left empty is not recorded', () => {
    const result = readSignOff({ ...fields, people: { preparer: '', reviewer: '', approver: 'p2' } }, people, '2026-07-02');
    expect(result).toMatchObject({ signOff: { signatories: [{ role: 'approver', personId: 'p2' }] }, approver: 'Marcus Lee' });
  });

  it('says plainly what is missing or wrong', () => {
    expect(problemOf({ people: { ...fields.people, approver: '' } })).toBe('Choose the approver: the person who signs the assessment off.');
    expect(problemOf({ people: { ...fields.people, reviewer: 'gone' } })).toBe(
      'The reviewer chosen is no longer in the workbook: choose someone else.',
    );
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
