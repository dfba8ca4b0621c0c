import { describe, expect, it } from 'vitest';
import type { Response } from '../records/model';
import { bulkFields, describeBulkChange, planBulkEdit, sameAnswer } from './bulkEdit';

const answer = (fields: Partial<Response>): Response => ({
  assessmentId: 'a',
  requirementId: 'ORG 1.1',
  applicable: true,
  justification: '',
  targetLevel: null,
  achievedLevel: null,
  narrative: '',
  gaps: '',
  reviewStatus: 'none',
  reviewComment: '',
  carriedOver: false,
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: '',
  ...fields,
});

const responses = new Map([
  ['ORG 1.1', answer({ targetLevel: 3 })],
  ['ORG 1.2', answer({ targetLevel: null })],
  ['ORG 1.3', answer({ applicable: false, justification: 'No contractors', targetLevel: 1 })],
]);
const ids = ['ORG 1.1', 'ORG 1.2', 'ORG 1.3', 'ORG 1.4'];

describe('planBulkEdit', () => {
  it('changes targets that differ, keeps those that match, and leaves not applicable ones alone', () => {
    expect(planBulkEdit(ids, responses, { kind: 'target', targetLevel: 3 })).toEqual({
      changes: ['ORG 1.2', 'ORG 1.4'],
      unchanged: ['ORG 1.1'],
      notApplicable: ['ORG 1.3'],
    });
  });

  it('treats an answer not saved yet as using the default target', () => {
    expect(planBulkEdit(ids, responses, { kind: 'target', targetLevel: null }).unchanged).toEqual(['ORG 1.2', 'ORG 1.4']);
  });

  it('counts answers already not applicable as unchanged when marking not applicable, and the reverse', () => {
    expect(planBulkEdit(ids, responses, { kind: 'not-applicable', justification: 'x' })).toEqual({
      changes: ['ORG 1.1', 'ORG 1.2', 'ORG 1.4'],
      unchanged: ['ORG 1.3'],
      notApplicable: [],
    });
    expect(planBulkEdit(ids, responses, { kind: 'applicable' }).changes).toEqual(['ORG 1.3']);
  });

  it('counts a requirement named twice once', () => {
    expect(planBulkEdit(['ORG 1.4', 'ORG 1.4'], responses, { kind: 'applicable' }).unchanged).toEqual(['ORG 1.4']);
  });
});

describe('bulkFields', () => {
  it('names only the fields the change sets', () => {
    expect(bulkFields({ kind: 'target', targetLevel: 2 })).toEqual({ targetLevel: 2 });
    expect(bulkFields({ kind: 'not-applicable', justification: 'Why' })).toEqual({ applicable: false, justification: 'Why' });
    expect(bulkFields({ kind: 'applicable' })).toEqual({ applicable: true });
  });
});

describe('describeBulkChange', () => {
  it('says what was done in words', () => {
    expect(describeBulkChange({ kind: 'target', targetLevel: 3 }, 12)).toBe('Target set to ML3 for 12 requirements');
    expect(describeBulkChange({ kind: 'target', targetLevel: null }, 1)).toBe('Target set to the assessment’s default for 1 requirement');
    expect(describeBulkChange({ kind: 'not-applicable', justification: 'x' }, 4)).toBe('4 requirements marked not applicable');
  });
});

describe('sameAnswer', () => {
  it('ignores when and by whom, but not any content, however its keys are ordered', () => {
    const a = answer({ compensating: { measure: 'm', reason: 'r', residualRisk: 'x', acceptedBy: 'D' } });
    const b = {
      ...answer({ updatedAt: '2026-05-05T00:00:00.000Z', updatedBy: 'p' }),
      compensating: { acceptedBy: 'D', residualRisk: 'x', reason: 'r', measure: 'm' },
    };
    expect(sameAnswer(a, b)).toBe(true);
    expect(sameAnswer(a, { ...b, narrative: 'newer' })).toBe(false);
    expect(sameAnswer(a, { ...b, achievedLevel: 0 })).toBe(false);
  });
});
