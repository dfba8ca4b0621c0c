import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load';
import { indexCatalogue } from '../catalogue/lookup';
import { manifest, requirementText, speText } from '../../../test/fixtures/testCatalogue';
import type { Action, Assessment, Evidence, EvidenceLink, Response } from '../records/model';
import { scoreAssessment, type WorkbookSlice } from '../scoring/score';
import { matchesFilter, requirementStates, type RequirementFilter } from './requirementState';

const loaded = loadCatalogue(manifest, [
  {
    name: 'net.yaml',
    text: speText(['NET 1.1', 'NET 1.2', 'NET 1.3', 'NET 1.4', 'NET 1.5', 'NET 1.6'].map((id) => requirementText(id)).join('')),
  },
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

const slice: WorkbookSlice = {
  assessment,
  today: '2026-06-01',
  responses: [
    response('NET 1.1', { achievedLevel: 3 }),
    response('NET 1.2', { achievedLevel: 1, targetLevel: 2 }),
    response('NET 1.3', { applicable: false, justification: 'No wireless' }),
    response('NET 1.4', { narrative: 'started', reviewStatus: 'flagged' }),
    response('NET 1.6', { achievedLevel: 3 }),
  ],
  evidence: [evidence('EV-0001'), evidence('EV-0002', '2026-05-31'), evidence('EV-0003', '2026-06-01')],
  links: [
    link('EV-0001', 'NET 1.1'),
    link('EV-0002', 'NET 1.2'),
    link('EV-0003', 'NET 1.2'),
    link('EV-0001', 'NET 1.5', 'other'),
    link('EV-0002', 'NET 1.6'),
  ],
  actions: [action('NET 1.2', 'open'), action('NET 1.2', 'done'), action('NET 1.5', 'in-progress'), action('NET 1.1', 'open', 'other')],
};
const scores = scoreAssessment(index, slice);
const states = requirementStates(scores, slice);

describe('requirement states', () => {
  it('tell answered, not applicable and unanswered apart, with the target that applies', () => {
    expect(states.get('NET 1.1')).toMatchObject({ answer: 'answered', score: { achieved: 3, target: 3, gap: 0 }, validEvidence: 1 });
    expect(states.get('NET 1.2')).toMatchObject({
      answer: 'answered',
      score: { achieved: 1, target: 2, gap: 1, openActions: 1 },
      // EV-0002 expired the day before; EV-0003 expires today and is still valid.
      validEvidence: 1,
      expiredEvidence: 1,
    });
    expect(states.get('NET 1.3')).toMatchObject({ answer: 'not-applicable', score: { achieved: null } });
    expect(states.get('NET 1.4')).toMatchObject({ answer: 'unanswered', flagged: true });
    expect(states.get('NET 1.5')).toMatchObject({ answer: 'unanswered', validEvidence: 0, score: { openActions: 1 } });
    expect(states.get('NET 1.6')).toMatchObject({ validEvidence: 0, expiredEvidence: 1, score: { hasValidEvidence: false } });
  });

  it('carry the very score objects the dashboard rolls up', () => {
    for (const [id, state] of states) expect(state.score).toBe(scores.requirements.get(id));
  });

  it('leave out requirements of SPEs outside the scope', () => {
    const outside: WorkbookSlice = {
      assessment: { ...assessment, scope: ['ORG'] },
      today: '2026-06-01',
      responses: [],
      evidence: [],
      links: [],
      actions: [],
    };
    expect(requirementStates(scoreAssessment(index, outside), outside).size).toBe(0);
  });

  it('count progress as the dashboard does: assessed of applicable, not-applicable left out', () => {
    const answered = [...states.values()].filter((s) => s.answer === 'answered').length;
    const notApplicable = [...states.values()].filter((s) => s.answer === 'not-applicable').length;
    expect(scores.overall).toMatchObject({ requirements: 6, applicable: 6 - notApplicable, assessed: answered });
    expect(scores.overall).toMatchObject({ applicable: 5, assessed: 3 });
  });

  it.each<[RequirementFilter, string[]]>([
    ['all', ['NET 1.1', 'NET 1.2', 'NET 1.3', 'NET 1.4', 'NET 1.5', 'NET 1.6']],
    ['unanswered', ['NET 1.4', 'NET 1.5']],
    ['below-target', ['NET 1.2']],
    // Only expired evidence is no evidence, as in evidence coverage.
    ['without-evidence', ['NET 1.4', 'NET 1.5', 'NET 1.6']],
    ['expired-evidence', ['NET 1.2', 'NET 1.6']],
    ['open-actions', ['NET 1.2', 'NET 1.5']],
    ['flagged', ['NET 1.4']],
  ])('filter %s returns what it promises', (filter, ids) => {
    expect([...states.values()].filter((s) => matchesFilter(s, filter)).map((s) => s.requirementId)).toEqual(ids);
  });
});
