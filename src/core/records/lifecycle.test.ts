import { describe, expect, it } from 'vitest';
import { assessmentChangeProblem, isLocked } from './lifecycle';
import type { Assessment } from './model';

const draft: Assessment = {
  id: 'a1',
  name: '2026 self-assessment',
  siteId: 's1',
  catalogueId: 'iec-62443-2-1-2024',
  catalogueVersion: '1.0.0',
  periodStart: '2026-01-01',
  periodEnd: '2026-06-30',
  scope: ['ORG'],
  defaultTargetLevel: 2,
  status: 'draft',
  archived: false,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};
const signOff = { by: 'Dana Okafor', role: 'Approver', at: '2026-07-01', note: 'Accepted' };
const inReview: Assessment = { ...draft, status: 'in-review' };
const signed: Assessment = { ...draft, status: 'signed-off', signOff };

describe('assessment lifecycle', () => {
  it('goes draft → in review → signed off, and only signed off is locked', () => {
    expect(assessmentChangeProblem(draft, inReview)).toBeNull();
    expect(assessmentChangeProblem(inReview, signed)).toBeNull();
    expect(assessmentChangeProblem(inReview, draft)).toBeNull();
    expect([draft, inReview, signed].map(isLocked)).toEqual([false, false, true]);
  });

  it('refuses skipping review, signing without a sign-off record, and reopening without a reason', () => {
    expect(assessmentChangeProblem(draft, signed)).toMatch(/cannot go from draft to signed off/);
    expect(assessmentChangeProblem(inReview, { ...signed, signOff: undefined })).toMatch(/needs who signs/);
    expect(assessmentChangeProblem(signed, { ...draft, signOff: undefined })).toMatch(/needs a reason/);
    expect(assessmentChangeProblem(signed, { ...draft, signOff: undefined }, 'Auditor asked for more evidence')).toBeNull();
  });

  it('refuses every change to a locked assessment except archiving, and refuses deleting it', () => {
    expect(assessmentChangeProblem(signed, { ...signed, name: 'Renamed' })).toMatch(/signed off and locked/);
    expect(assessmentChangeProblem(signed, { ...signed, scope: ['ORG', 'NET'] })).toMatch(/locked/);
    expect(assessmentChangeProblem(signed, { ...signed, archived: true, updatedAt: 'later' })).toBeNull();
    expect(assessmentChangeProblem(signed, undefined)).toMatch(/locked/);
    expect(assessmentChangeProblem(draft, undefined)).toBeNull();
  });

  it('creates assessments only as drafts', () => {
    expect(assessmentChangeProblem(undefined, draft)).toBeNull();
    expect(assessmentChangeProblem(undefined, signed)).toMatch(/starts as a draft/);
  });
});
