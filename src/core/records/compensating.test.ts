/** A compensating countermeasure on an answer: its bounds and messages, and how a change lands on the stored one. */
import { describe, expect, it } from 'vitest';
import { applyCompensating, EMPTY_COMPENSATING, recordedCompensating } from './compensating';
import { RECORD_LIMITS } from './fields';
import { compensatingPatch, responsePatch } from './inputs';
import type { Compensating, Response } from './model';
import { compensatingSchema, responseSchema } from './schema';

const countermeasure: Compensating = {
  measure: 'Engineering workstation reachable only through the jump host; USB ports locked',
  reason: 'The 2004 controller cannot enforce user accounts',
  residualRisk: 'An insider at the console can still change logic',
  acceptedBy: 'Dana Whitfield',
  acceptedOn: '2026-03-02',
};

const answer: Response = {
  assessmentId: 'a1',
  requirementId: 'ORG 1.1',
  applicable: true,
  justification: '',
  targetLevel: null,
  achievedLevel: 2,
  narrative: '',
  gaps: '',
  reviewStatus: 'none',
  reviewComment: '',
  carriedOver: false,
  updatedAt: '2026-03-02T10:00:00.000Z',
  updatedBy: '',
};

const firstMessage = (result: { error?: { issues: { message: string }[] } }) => result.error?.issues[0]?.message;

describe('the compensating countermeasure on a response', () => {
  it('is optional: an answer saved before countermeasures existed stays valid, and one with a countermeasure is read whole', () => {
    expect(responseSchema.parse(answer)).toStrictEqual(answer);
    expect(responseSchema.parse({ ...answer, compensating: countermeasure })).toStrictEqual({ ...answer, compensating: countermeasure });
  });

  it('keeps text as typed and the acceptance date optional', () => {
    const typed = { ...EMPTY_COMPENSATING, measure: 'Jump host ' };
    expect(compensatingSchema.parse(typed)).toStrictEqual(typed);
  });

  it('refuses text over each limit with a message that names the field and the limit', () => {
    const long = RECORD_LIMITS.countermeasure + 1;
    expect(compensatingSchema.safeParse({ ...countermeasure, measure: 'x'.repeat(RECORD_LIMITS.countermeasure) }).success).toBe(true);
    expect(firstMessage(compensatingSchema.safeParse({ ...countermeasure, measure: 'x'.repeat(long) }))).toBe(
      'the countermeasure is too long (5,000 characters at most)',
    );
    expect(firstMessage(compensatingSchema.safeParse({ ...countermeasure, reason: 'x'.repeat(long) }))).toBe(
      'the reason it cannot be met as written is too long (5,000 characters at most)',
    );
    expect(firstMessage(compensatingSchema.safeParse({ ...countermeasure, residualRisk: 'x'.repeat(long) }))).toBe(
      'the residual risk is too long (5,000 characters at most)',
    );
    expect(firstMessage(compensatingSchema.safeParse({ ...countermeasure, acceptedBy: 'x'.repeat(RECORD_LIMITS.name + 1) }))).toBe(
      'the name of who accepted the risk is too long (200 characters at most)',
    );
  });

  it('refuses a date that is not a real YYYY-MM-DD day, and keys it does not know', () => {
    expect(firstMessage(compensatingSchema.safeParse({ ...countermeasure, acceptedOn: '2026-02-30' }))).toBe(
      'the acceptance date must be written YYYY-MM-DD',
    );
    expect(firstMessage(compensatingSchema.safeParse({ ...countermeasure, acceptedOn: '02/03/2026' }))).toBe(
      'the acceptance date must be written YYYY-MM-DD',
    );
    expect(compensatingSchema.safeParse({ ...countermeasure, score: 3 }).error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('can be patched one field at a time, removed with null, and is left out of a patch that does not name it', () => {
    expect(responsePatch.parse({ compensating: { reason: 'Vendor out of business' } })).toStrictEqual({
      compensating: { reason: 'Vendor out of business' },
    });
    expect(responsePatch.parse({ compensating: null })).toStrictEqual({ compensating: null });
    expect(responsePatch.parse({ narrative: 'x' })).toStrictEqual({ narrative: 'x' });
    expect(compensatingPatch.parse({ acceptedOn: null })).toStrictEqual({ acceptedOn: null });
    expect(firstMessage(responsePatch.safeParse({ compensating: { measure: 'x'.repeat(RECORD_LIMITS.countermeasure + 1) } }))).toBe(
      'the countermeasure is too long (5,000 characters at most)',
    );
    expect(responsePatch.safeParse({ compensating: { owner: 'x' } }).success).toBe(false);
  });
});

describe('applyCompensating', () => {
  it('changes only the fields a change names', () => {
    expect(applyCompensating(countermeasure, { residualRisk: 'Low' })).toStrictEqual({ ...countermeasure, residualRisk: 'Low' });
  });

  it('starts from an empty countermeasure when none is stored', () => {
    expect(applyCompensating(undefined, { measure: 'Jump host' })).toStrictEqual({ ...EMPTY_COMPENSATING, measure: 'Jump host' });
  });

  it('leaves it as it is when the change does not name it, and removes it on null', () => {
    expect(applyCompensating(countermeasure, undefined)).toBe(countermeasure);
    expect(applyCompensating(countermeasure, null)).toBeUndefined();
  });

  it('removes the acceptance date on a null date, and never turns an undefined field into a blank one', () => {
    const { acceptedOn: _date, ...undated } = countermeasure;
    expect(applyCompensating(countermeasure, { acceptedOn: null })).toStrictEqual(undated);
    expect(applyCompensating(countermeasure, { measure: undefined, reason: 'New reason' })).toStrictEqual({
      ...countermeasure,
      reason: 'New reason',
    });
  });
});

describe('recordedCompensating', () => {
  it('is the countermeasure once anything is written in it, and nothing for an opened, empty one', () => {
    expect(recordedCompensating({ compensating: countermeasure })).toBe(countermeasure);
    expect(recordedCompensating({ compensating: { ...EMPTY_COMPENSATING, reason: 'Legacy PLC' } })).toBeDefined();
    expect(recordedCompensating({ compensating: { ...EMPTY_COMPENSATING, measure: '  \n ' } })).toBeUndefined();
    expect(recordedCompensating({})).toBeUndefined();
    expect(recordedCompensating(undefined)).toBeUndefined();
  });
});
