import { describe, expect, it } from 'vitest';
import { loadCatalogue } from '../catalogue/load';
import { indexCatalogue } from '../catalogue/lookup';
import { requirementText } from '../../../test/fixtures/testCatalogue';
import type { Action, Assessment, Evidence, EvidenceLink, MaturityLevel, Response } from '../records/model';
import { compareScores } from './compare';
import { scoreAssessment } from './score';

const spe = (number: number, id: string, elements: Record<string, string[]>) => ({
  name: `${id.toLowerCase()}.yaml`,
  text: `format: 1\nspe:\n  number: ${number}\n  id: ${id}\n  title: ${id}\n  summary: s\n  elements:\n${Object.entries(elements)
    .map(
      ([e, reqs]) =>
        `    - id: ${e}\n      title: ${e}\n      summary: s\n      requirements:\n${reqs.map((r) => requirementText(r)).join('')}`,
    )
    .join('')}`,
});
const manifest = {
  name: 'catalogue.yaml',
  text: 'format: 1\nid: score-test\nedition: T\nversion: 1.0.0\ntitle: T\nnotice: N\nlevels: { spe: S, element: E, requirement: R }\nfiles: [org.yaml, net.yaml]\n',
};
const loaded = loadCatalogue(manifest, [
  spe(1, 'ORG', { 'ORG 1': ['ORG 1.1', 'ORG 1.2'] }),
  spe(2, 'NET', { 'NET 1': ['NET 1.1', 'NET 1.2', 'NET 1.3'], 'NET 2': ['NET 2.1'] }),
]);
if (!loaded.ok) throw new Error(loaded.errors.join('\n'));
const index = indexCatalogue(loaded.catalogue);

const assessment = (id = 'a1', defaultTargetLevel: MaturityLevel = 3) => ({ id, scope: ['ORG', 'NET'], defaultTargetLevel }) as Assessment;
const answer = (requirementId: string, achievedLevel: MaturityLevel | null, extra: Partial<Response> = {}, assessmentId = 'a1') =>
  ({ assessmentId, requirementId, applicable: true, achievedLevel, targetLevel: null, ...extra }) as Response;
const slice = (fields: {
  responses?: Response[];
  evidence?: Evidence[];
  links?: EvidenceLink[];
  actions?: Action[];
  assessment?: Assessment;
}) => ({
  assessment: fields.assessment ?? assessment(),
  today: '2026-06-01',
  responses: fields.responses ?? [],
  evidence: fields.evidence ?? [],
  links: fields.links ?? [],
  actions: fields.actions ?? [],
});

describe('scoring', () => {
  it('scores nothing answered as not assessed, never as zero', () => {
    const { overall, gaps } = scoreAssessment(index, slice({}));
    expect(overall).toMatchObject({
      requirements: 6,
      applicable: 6,
      assessed: 0,
      progress: 0,
      attained: null,
      meanAchieved: null,
      shareAtTarget: 0,
      totalGap: 0,
    });
    expect(gaps).toEqual([]);
  });

  it('leaves every figure empty when everything is not applicable', () => {
    const all = ['ORG 1.1', 'ORG 1.2', 'NET 1.1', 'NET 1.2', 'NET 1.3', 'NET 2.1'].map((id) =>
      answer(id, null, { applicable: false, justification: 'n/a' }),
    );
    const { overall } = scoreAssessment(index, slice({ responses: all }));
    expect(overall).toMatchObject({
      requirements: 6,
      applicable: 0,
      assessed: 0,
      progress: 0,
      attained: null,
      meanAchieved: null,
      evidenceCoverage: 0,
    });
  });

  it('rolls up mixed targets by hand-computed figures', () => {
    // ORG 1.1 ML2 (target 3, gap 1); ORG 1.2 ML4 (target 2 override, gap 0); NET 1.1 ML1 (target 4 override, gap 3);
    // NET 1.2 not applicable (even with a level set); NET 1.3 unanswered; NET 2.1 ML3 (target 3, gap 0).
    const scores = scoreAssessment(
      index,
      slice({
        responses: [
          answer('ORG 1.1', 2),
          answer('ORG 1.2', 4, { targetLevel: 2 }),
          answer('NET 1.1', 1, { targetLevel: 4 }),
          answer('NET 1.2', 3, { applicable: false }),
          answer('NET 2.1', 3),
        ],
      }),
    );
    expect(scores.requirements.get('NET 1.1')).toMatchObject({ target: 4, achieved: 1, gap: 3 });
    expect(scores.requirements.get('NET 1.2')).toMatchObject({ applicable: false, assessed: false, gap: 0 });
    expect(scores.overall).toMatchObject({
      applicable: 5,
      assessed: 4,
      progress: 0.8,
      attained: 1,
      meanAchieved: 2.5,
      meanTarget: 3,
      atTarget: 2,
      shareAtTarget: 0.4,
      totalGap: 4,
    });
    expect(scores.spes.get('ORG')).toMatchObject({
      applicable: 2,
      assessed: 2,
      attained: 2,
      meanAchieved: 3,
      shareAtTarget: 0.5,
      totalGap: 1,
    });
    expect(scores.spes.get('NET')).toMatchObject({ applicable: 3, assessed: 2, attained: 1, meanAchieved: 2, totalGap: 3 });
    expect(scores.elements.get('NET 1')).toMatchObject({ applicable: 2, assessed: 1, attained: 1, meanAchieved: 1 });
    expect(scores.elements.get('NET 2')).toMatchObject({ applicable: 1, assessed: 1, attained: 3, shareAtTarget: 1 });
    expect(scores.gaps.map((g) => [g.requirementId, g.gap])).toEqual([
      ['NET 1.1', 3],
      ['ORG 1.1', 1],
    ]);
  });

  it('ranks equal gaps by higher target, then by ID in natural order', () => {
    const scores = scoreAssessment(
      index,
      slice({
        responses: [
          answer('NET 2.1', 1, { targetLevel: 2 }),
          answer('NET 1.3', 2),
          answer('NET 1.2', 2),
          answer('ORG 1.1', 0, { targetLevel: 1 }),
        ],
      }),
    );
    expect(scores.gaps.map((g) => g.requirementId)).toEqual(['NET 1.2', 'NET 1.3', 'NET 2.1', 'ORG 1.1']);
  });

  it('counts evidence coverage only for evidence that has not expired, and open and overdue actions', () => {
    const evidence = [
      { id: 'EV-0001', expiresOn: '2026-05-31' },
      { id: 'EV-0002', expiresOn: '2026-06-01' },
      { id: 'EV-0003' },
    ] as Evidence[];
    const links = [
      { evidenceId: 'EV-0001', assessmentId: 'a1', requirementId: 'ORG 1.1' },
      { evidenceId: 'EV-0002', assessmentId: 'a1', requirementId: 'ORG 1.2' },
      { evidenceId: 'EV-0003', assessmentId: 'other', requirementId: 'NET 1.1' },
    ] as EvidenceLink[];
    const actions = [
      { assessmentId: 'a1', requirementId: 'ORG 1.1', status: 'open', dueDate: '2026-05-01' },
      { assessmentId: 'a1', requirementId: 'ORG 1.1', status: 'in-progress', dueDate: '2026-07-01' },
      { assessmentId: 'a1', requirementId: 'ORG 1.2', status: 'done', dueDate: '2026-01-01' },
    ] as Action[];
    const scores = scoreAssessment(index, slice({ evidence, links, actions }));
    expect(scores.requirements.get('ORG 1.1')).toMatchObject({ hasValidEvidence: false, openActions: 2, overdueActions: 1 });
    expect(scores.requirements.get('ORG 1.2')).toMatchObject({ hasValidEvidence: true, openActions: 0 });
    expect(scores.overall).toMatchObject({ evidenceCoverage: 1 / 6, openActions: 2, overdueActions: 1 });
  });

  it('compares two assessments of the same site per requirement and per SPE', () => {
    const before = scoreAssessment(
      index,
      slice({ responses: [answer('ORG 1.1', 1), answer('ORG 1.2', 3), answer('NET 1.1', 2), answer('NET 1.2', 2)] }),
    );
    const later = assessment('a2');
    const after = scoreAssessment(
      index,
      slice({
        assessment: later,
        responses: [
          answer('ORG 1.1', 2, {}, 'a2'),
          answer('ORG 1.2', 2, {}, 'a2'),
          answer('NET 1.1', 2, {}, 'a2'),
          answer('NET 2.1', 4, {}, 'a2'),
        ],
      }),
    );
    const { requirements, spes } = compareScores(before, after);
    const change = Object.fromEntries(requirements.map((d) => [d.requirementId, d.change]));
    expect(change).toEqual({
      'ORG 1.1': 'improved',
      'ORG 1.2': 'regressed',
      'NET 1.1': 'unchanged',
      'NET 1.2': 'no-longer-assessed',
      'NET 1.3': 'not-assessed',
      'NET 2.1': 'newly-assessed',
    });
    expect(spes.find((s) => s.speId === 'ORG')).toMatchObject({
      meanBefore: 2,
      meanAfter: 2,
      delta: 0,
      counts: { improved: 1, regressed: 1 },
    });
    expect(spes.find((s) => s.speId === 'NET')).toMatchObject({ meanBefore: 2, meanAfter: 3, delta: 1 });
  });
});
