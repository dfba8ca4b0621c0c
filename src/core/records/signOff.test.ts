/** The sign-off record: the one-person form stays valid, and a sign-off by role must name its approver once. */
import { describe, expect, it } from 'vitest';
import { signatoryIn, signedRoles } from './lifecycle';
import type { SignOff } from './model';
import { signOffSchema } from './schema';

const single = { by: 'Dana Okafor', role: 'Approver', at: '2026-07-01', note: 'Accepted.' };
const byRole: SignOff = {
  by: 'Priya Shah',
  role: 'Approver',
  at: '2026-07-01',
  note: '',
  signatories: [
    { role: 'approver', personId: 'p3', name: 'Priya Shah' },
    { role: 'preparer', personId: 'p1', name: 'Dana Okafor' },
  ],
  logHead: { count: 41, hash: 'a'.repeat(64) },
};
const problem = (value: unknown) => {
  const parsed = signOffSchema.safeParse(value);
  return parsed.success ? null : parsed.error.issues[0]!.message;
};

describe('the sign-off schema', () => {
  it('accepts a sign-off recorded before roles, and one by role with the log head, unchanged', () => {
    expect(signOffSchema.parse(single)).toStrictEqual(single);
    expect(signOffSchema.parse(byRole)).toStrictEqual(byRole);
  });

  it('refuses a sign-off by role without an approver, with a role twice, or by someone other than the approver', () => {
    expect(problem({ ...byRole, signatories: byRole.signatories!.slice(1) })).toBe('the approver must be named');
    expect(problem({ ...byRole, signatories: [] })).toBe('the approver must be named');
    const twice = [...byRole.signatories!, { role: 'preparer', personId: 'p2', name: 'Marcus Lee' }];
    expect(problem({ ...byRole, signatories: twice })).toBe('only one person can sign as preparer');
    expect(problem({ ...byRole, by: 'Dana Okafor' })).toBe('the sign-off must be by the approver');
  });

  it('refuses an unknown role, an unknown key, a nameless signatory, more than three, and a log head that is not one', () => {
    const first = byRole.signatories![0]!;
    expect(problem({ ...byRole, signatories: [{ ...first, role: 'owner' }] })).toBe('a signatory signs as preparer, reviewer or approver');
    expect(problem({ ...byRole, signatories: [{ ...first, extra: 1 }] })).not.toBeNull();
    expect(problem({ ...byRole, signatories: [{ ...first, name: ' ' }] })).toBe('each signatory needs a name');
    expect(problem({ ...byRole, signatories: [first, first, first, first] })).toMatch(/at most 3 signatories/);
    expect(problem({ ...byRole, logHead: { count: 41, hash: 'xyz' } })).toMatch(/SHA-256/);
    expect(problem({ ...byRole, logHead: { count: 0, hash: 'a'.repeat(64) } })).toMatch(/at least 1/);
  });
});

describe('who signed in which role', () => {
  it('lists signatories in the order preparer, reviewer, approver', () => {
    expect(signedRoles(byRole)).toEqual([
      { label: 'Preparer', name: 'Dana Okafor' },
      { label: 'Approver', name: 'Priya Shah' },
    ]);
    expect(signatoryIn(byRole, 'reviewer')).toBeNull();
    expect(signatoryIn(undefined, 'approver')).toBeNull();
  });

  it('reads a sign-off recorded before roles as its one person, in the role given or else as approver', () => {
    expect(signedRoles(single)).toEqual([{ label: 'Approver', name: 'Dana Okafor' }]);
    expect(signatoryIn({ ...single, role: 'Reviewer' }, 'reviewer')).toBe('Dana Okafor');
    expect(signatoryIn({ ...single, role: 'Plant manager' }, 'approver')).toBe('Dana Okafor');
    expect(signatoryIn({ ...single, role: 'Plant manager' }, 'preparer')).toBeNull();
  });
});
