import { describe, expect, it } from 'vitest';
import { firstFew, requirementsByEvidence } from './evidenceRequirements';

const links = [
  { evidenceId: 'EV-0001', assessmentId: 'a', requirementId: 'SP.10.02' },
  { evidenceId: 'EV-0001', assessmentId: 'a', requirementId: 'SP.02.01' },
  { evidenceId: 'EV-0001', assessmentId: 'b', requirementId: 'SP.02.01' },
  { evidenceId: 'EV-0002', assessmentId: 'b', requirementId: 'SP.03.01' },
];

describe('the requirements an evidence item supports', () => {
  it('lists one assessment’s requirements in numeric order', () => {
    const found = requirementsByEvidence(links, 'a');
    expect(found.get('EV-0001')?.map((r) => r.requirementId)).toEqual(['SP.02.01', 'SP.10.02']);
    expect(found.has('EV-0002')).toBe(false);
  });

  it('across all assessments keeps each assessment’s link, so each leads to its own page', () => {
    const found = requirementsByEvidence(links, 'all');
    expect(found.get('EV-0001')).toEqual([
      { assessmentId: 'a', requirementId: 'SP.02.01' },
      { assessmentId: 'b', requirementId: 'SP.02.01' },
      { assessmentId: 'a', requirementId: 'SP.10.02' },
    ]);
    expect(found.get('EV-0002')).toEqual([{ assessmentId: 'b', requirementId: 'SP.03.01' }]);
  });

  it('shows a link stored twice once', () => {
    expect(requirementsByEvidence([links[0]!, links[0]!], 'a').get('EV-0001')).toHaveLength(1);
  });

  it('splits a long list into the first few and how many more', () => {
    expect(firstFew([1, 2, 3, 4, 5], 3)).toEqual({ head: [1, 2, 3], more: 2 });
    expect(firstFew([1], 3)).toEqual({ head: [1], more: 0 });
  });
});
