import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load';
import { indexCatalogue } from '../catalogue/lookup';
import { manifest, requirementText, speText } from '../catalogue/testCatalogue';
import type { Action, Assessment, Evidence, EvidenceLink, Response } from '../workbook/model';
import { matchesFilter, requirementStates, rollup, type RequirementFilter } from './requirementState';

const loaded = loadCatalogue(manifest, [
  { name: 'net.yaml', text: speText(['NET 1.1', 'NET 1.2', 'NET 1.3', 'NET 1.4', 'NET 1.5'].map((id) => requirementText(id)).join('')) },
]);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const index = indexCatalogue(loaded.catalogue);

const assessment = { id: 'a1', scope: ['NET'], defaultTargetLevel: 3 } as Assessment;
const response = (requirementId: string, fields: Partial<Response>): Response =>
  ({
    assessmentId: 'a1',
    requirementId,
    applicable: true,
    achievedLevel: null,
    targetLevel: null,
    reviewStatus: 'none',
    carriedOver: false,
    ...fields,
  }) as Response;
const evidence = (id: string, expiresOn?: string) => ({ id, ...(expiresOn ? { expiresOn } : {}) }) as Evidence;
const link = (evidenceId: string, requirementId: string, assessmentId = 'a1'): EvidenceLink => ({
  evidenceId,
  requirementId,
  assessmentId,
  createdAt: '',
});
const action = (requirementId: string, status: Action['status'], assessmentId = 'a1') =>
  ({ requirementId, status, assessmentId }) as Action;

const states = requirementStates(index, {
  assessment,
  today: '2026-06-01',
  responses: [
    response('NET 1.1', { achievedLevel: 3 }),
    response('NET 1.2', { achievedLevel: 1, targetLevel: 2 }),
    response('NET 1.3', { applicable: false, justification: 'No wireless' }),
    response('NET 1.4', { narrative: 'started', reviewStatus: 'flagged' }),
  ],
  evidence: [evidence('EV-0001'), evidence('EV-0002', '2026-05-31'), evidence('EV-0003', '2026-06-01')],
  links: [link('EV-0001', 'NET 1.1'), link('EV-0002', 'NET 1.2'), link('EV-0003', 'NET 1.2'), link('EV-0001', 'NET 1.5', 'other')],
  actions: [action('NET 1.2', 'open'), action('NET 1.2', 'done'), action('NET 1.5', 'in-progress'), action('NET 1.1', 'open', 'other')],
});

describe('requirement states', () => {
  it('tell answered, not applicable and unanswered apart, with the target that applies', () => {
    expect(states.get('NET 1.1')).toMatchObject({ answer: 'answered', achieved: 3, target: 3, belowTarget: false, evidenceCount: 1 });
    expect(states.get('NET 1.2')).toMatchObject({
      answer: 'answered',
      achieved: 1,
      target: 2,
      belowTarget: true,
      evidenceCount: 2,
      expiredEvidence: 1,
      openActions: 1,
    });
    expect(states.get('NET 1.3')).toMatchObject({ answer: 'not-applicable', achieved: null });
    expect(states.get('NET 1.4')).toMatchObject({ answer: 'unanswered', flagged: true });
    expect(states.get('NET 1.5')).toMatchObject({ answer: 'unanswered', evidenceCount: 0, openActions: 1 });
  });

  it('leave out requirements of SPEs outside the scope', () => {
    const none = requirementStates(index, {
      assessment: { ...assessment, scope: ['ORG'] },
      today: '2026-06-01',
      responses: [],
      evidence: [],
      links: [],
      actions: [],
    });
    expect(none.size).toBe(0);
  });

  it('roll up counts', () => {
    expect(rollup(states.values())).toEqual({ total: 5, answered: 2, notApplicable: 1, unanswered: 2, belowTarget: 1 });
  });

  it.each<[RequirementFilter, string[]]>([
    ['all', ['NET 1.1', 'NET 1.2', 'NET 1.3', 'NET 1.4', 'NET 1.5']],
    ['unanswered', ['NET 1.4', 'NET 1.5']],
    ['below-target', ['NET 1.2']],
    ['without-evidence', ['NET 1.4', 'NET 1.5']],
    ['expired-evidence', ['NET 1.2']],
    ['open-actions', ['NET 1.2', 'NET 1.5']],
    ['flagged', ['NET 1.4']],
  ])('filter %s returns what it promises', (filter, ids) => {
    expect([...states.values()].filter((s) => matchesFilter(s, filter)).map((s) => s.requirementId)).toEqual(ids);
  });
});
