/** Findings: each reason, the grade rule, the assessor's overrides, stable IDs and the actions' ACT IDs. */
import { describe, expect, it } from 'vitest';
import { catalogue2024 } from '../../../test/fixtures/catalogues';
import { indexCatalogue } from '../catalogue/lookup';
import type { Action, Evidence, EvidenceLink, FindingOverride, MaturityLevel, Response } from '../records/model';
import type { PrintedReview } from '../review/printed';
import type { Verdict } from '../review/schema';
import { scoreAssessment } from '../scoring/score';
import { sampleSnapshot } from '../snapshot/sampleSnapshot';
import { actionRef, formatActionId, UNNUMBERED_ACTION, withActionNumbers } from './actionRef';
import { countByGrade, findingId, findingsOf, type FindingsInput } from './findings';
import { applyFindingOverride } from './override';

const catalogue = catalogue2024();
const index = indexCatalogue(catalogue);
const { snapshot } = sampleSnapshot(catalogue, new Date('2026-06-15T09:00:00Z'));
const base = { ...snapshot.assessment, scope: ['ORG', 'NET', 'USER'], defaultTargetLevel: 3 as const };
const TODAY = '2026-06-15';
const AT = '2026-06-01T00:00:00.000Z';

function answer(requirementId: string, achievedLevel: MaturityLevel | null, extra: Partial<Response> = {}): Response {
  return {
    assessmentId: base.id,
    requirementId,
    applicable: true,
    justification: '',
    targetLevel: null,
    achievedLevel,
    narrative: '',
    gaps: '',
    reviewStatus: 'none',
    reviewComment: '',
    carriedOver: false,
    updatedAt: AT,
    updatedBy: 'Dana',
    ...extra,
  };
}

function evidence(number: number, expiresOn?: string): Evidence {
  const id = `EV-${String(number).padStart(4, '0')}`;
  return {
    id,
    number,
    title: `Record ${number}`,
    kind: 'note',
    note: 'Seen on site',
    owner: '',
    classification: '',
    createdAt: AT,
    updatedAt: AT,
    ...(expiresOn ? { expiresOn } : {}),
  };
}

const link = (e: Evidence, requirementId: string): EvidenceLink => ({
  evidenceId: e.id,
  assessmentId: base.id,
  requirementId,
  createdAt: AT,
});

function action(id: string, requirementId: string, number?: number, createdAt = AT): Action {
  return {
    id,
    assessmentId: base.id,
    requirementId,
    description: id,
    owner: '',
    priority: 'medium',
    status: 'open',
    createdAt,
    updatedAt: createdAt,
    ...(number !== undefined ? { number } : {}),
  };
}

function review(createdAt: string, verdicts: [string, Verdict, string][]): PrintedReview {
  return {
    id: `r-${createdAt}`,
    reviewer: { name: 'Ravi Kumar', organization: 'Audit Co' },
    createdAt,
    basedOn: { count: 1, head: 'a'.repeat(64) },
    verdicts: verdicts.map(([requirementId, verdict, comment]) => ({ requirementId, verdict, comment, at: createdAt, stale: false })),
    evidenceChecks: [],
  };
}

function input(
  parts: { responses?: Response[]; evidence?: Evidence[]; links?: EvidenceLink[]; actions?: Action[]; reviews?: PrintedReview[] } = {},
): FindingsInput {
  const slice = {
    assessment: base,
    responses: parts.responses ?? [],
    links: parts.links ?? [],
    evidence: parts.evidence ?? [],
    actions: parts.actions ?? [],
    today: TODAY,
  };
  const scores = scoreAssessment(index, slice);
  return { catalogue, ...slice, scores: { requirements: Object.fromEntries(scores.requirements) }, reviews: parts.reviews ?? [] };
}

const valid = evidence(1);
/** At target (ML3), with valid evidence: no finding on its own. */
const supported = (id: string, extra: Partial<Response> = {}) => ({
  responses: [answer(id, 3, extra)],
  evidence: [valid],
  links: [link(valid, id)],
});

describe('findingsOf', () => {
  it('raises a major finding for a gap of two levels, with risk and recommendation derived from the levels and the catalogue', () => {
    const [finding, ...rest] = findingsOf(input({ responses: [answer('ORG 1.1', 1)] }));
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({
      id: 'F-ORG-1.1',
      requirementId: 'ORG 1.1',
      grade: 'major',
      reason: 'gap',
      gap: 2,
      target: 3,
      achieved: 1,
    });
    expect(finding!.risk).toContain('Achieved ML1 against a target of ML3');
    expect(finding!.risk).toContain('ad hoc');
    const practice = index.requirement('ORG 1.1')!.levels!.ML3.practice;
    expect(finding!.recommendation).toContain(`Reach ML3 (Defined (practiced)): ${practice}`);
  });

  it('grades a gap of one level minor, and nothing in place (ML0) major even one level below', () => {
    const findings = findingsOf(
      input({ responses: [answer('ORG 1.1', 2), answer('NET 1.1', 0, { targetLevel: 1 }), answer('NET 3.2', 2, { targetLevel: 4 })] }),
    );
    expect(findings.map((f) => [f.id, f.grade, f.gap])).toEqual([
      ['F-NET-1.1', 'major', 1],
      ['F-NET-3.2', 'major', 2],
      ['F-ORG-1.1', 'minor', 1],
    ]);
  });

  it('raises an observation for a level claimed at target without valid evidence, naming the expired item', () => {
    const old = evidence(7, '2026-01-31');
    const findings = findingsOf(
      input({ responses: [answer('ORG 1.1', 3), answer('NET 1.1', 4)], evidence: [old], links: [link(old, 'NET 1.1')] }),
    );
    expect(findings.map((f) => [f.id, f.grade, f.reason])).toEqual([
      ['F-NET-1.1', 'observation', 'unsupported'],
      ['F-ORG-1.1', 'observation', 'unsupported'],
    ]);
    expect(findings[0]!.risk).toContain('EV-0007, expired 2026-01-31');
    expect(findings[1]!.risk).toContain('no evidence is linked');
  });

  it('names at most three expired items in the risk and counts the rest', () => {
    const old = [2, 3, 4, 5, 6].map((n) => evidence(n, '2026-01-31'));
    const [finding] = findingsOf(input({ responses: [answer('ORG 1.1', 3)], evidence: old, links: old.map((e) => link(e, 'ORG 1.1')) }));
    expect(finding!.risk).toContain('(EV-0002, expired 2026-01-31; EV-0003, expired 2026-01-31; EV-0004, expired 2026-01-31; and 2 more)');
  });

  it('raises nothing for a requirement at target with valid evidence, one not applicable, or one not assessed', () => {
    const excluded = answer('NET 1.1', 0, { applicable: false, justification: 'No remote access' });
    expect(findingsOf(input({ ...supported('ORG 1.1'), responses: [answer('ORG 1.1', 3), excluded, answer('NET 3.2', null)] }))).toEqual(
      [],
    );
    // Evidence expiring today is still valid today.
    const today = evidence(2, TODAY);
    expect(findingsOf(input({ responses: [answer('ORG 1.1', 3)], evidence: [today], links: [link(today, 'ORG 1.1')] }))).toEqual([]);
  });

  it('raises a finding from the latest review: minor when not accepted, an observation when more evidence is needed', () => {
    const reviews = [
      review('2026-05-01T00:00:00.000Z', [
        ['ORG 1.1', 'accepted', ''],
        ['NET 1.1', 'not-accepted', 'old'],
      ]),
      review('2026-06-01T00:00:00.000Z', [
        ['ORG 1.1', 'not-accepted', 'The policy is unsigned'],
        ['NET 1.1', 'accepted', ''],
      ]),
      review('2026-04-01T00:00:00.000Z', [['NET 3.2', 'more-evidence', '']]),
    ];
    const all = [answer('ORG 1.1', 3), answer('NET 1.1', 3), answer('NET 3.2', 3)];
    const evidenceFor = all.map((r) => link(valid, r.requirementId));
    const findings = findingsOf(input({ responses: all, evidence: [valid], links: evidenceFor, reviews }));
    expect(findings.map((f) => [f.id, f.grade, f.reason])).toEqual([
      ['F-ORG-1.1', 'minor', 'review'],
      ['F-NET-3.2', 'observation', 'review'],
    ]);
    expect(findings[0]!.risk).toContain('“Not accepted”: The policy is unsigned.');
  });

  it('takes the most severe grade where several reasons apply, and lists them all', () => {
    const reviews = [review('2026-06-01T00:00:00.000Z', [['ORG 1.1', 'more-evidence', '']])];
    const [finding] = findingsOf(input({ responses: [answer('ORG 1.1', 2)], reviews }));
    expect(finding).toMatchObject({ grade: 'minor', reason: 'gap', reasons: ['gap', 'review'] });
  });

  it('lets the assessor’s grade, risk and recommendation win, keeping what was derived beside them', () => {
    const finding: FindingOverride = { grade: 'observation', risk: 'Our own words', recommendation: 'Do this instead' };
    const [changed] = findingsOf(input({ responses: [answer('ORG 1.1', 1, { finding })] }));
    expect(changed).toMatchObject({ grade: 'observation', risk: 'Our own words', recommendation: 'Do this instead' });
    expect(changed!.derived.grade).toBe('major');
    expect(changed!.overridden).toEqual({ grade: true, risk: true, recommendation: true });
    // An empty text is not an override: the derived one shows.
    const [blank] = findingsOf(input({ responses: [answer('ORG 1.1', 1, { finding: { risk: '  ' } })] }));
    expect(blank!.risk).toBe(blank!.derived.risk);
    expect(blank!.overridden).toEqual({ grade: false, risk: false, recommendation: false });
  });

  it('keeps the same ID while the level changes, and orders major first, then by requirement ID', () => {
    const before = findingsOf(input({ responses: [answer('ORG 1.1', 1)] }));
    const after = findingsOf(input({ responses: [answer('ORG 1.1', 2)] }));
    expect(before[0]!.id).toBe(after[0]!.id);
    expect(findingId('ORG  1.10')).toBe('F-ORG-1.10');
    const order = findingsOf(
      input({ responses: [answer('USER 1.10', 2), answer('USER 1.2', 2), answer('ORG 1.1', 2), answer('NET 3.2', 0)] }),
    );
    expect(order.map((f) => f.id)).toEqual(['F-NET-3.2', 'F-ORG-1.1', 'F-USER-1.2', 'F-USER-1.10']);
  });

  it('names the actions on the requirement by ACT ID in number order', () => {
    const actions = [action('late', 'ORG 1.1', 12), action('early', 'ORG 1.1', 3), action('other', 'NET 3.2', 4)];
    const [finding] = findingsOf(input({ responses: [answer('ORG 1.1', 1)], actions }));
    expect(finding!.actionIds).toEqual(['ACT-0003', 'ACT-0012']);
  });

  it('counts by grade (sample: 22 findings, 5 of them claims without valid evidence)', () => {
    const findings = findingsOf(snapshot);
    expect(findings.filter((f) => f.reason === 'unsupported')).toHaveLength(5);
    expect(countByGrade(findings)).toEqual({ major: 6, minor: 11, observation: 5 });
  });
});

describe('action IDs', () => {
  it('are ACT- and four digits or more', () => {
    expect(formatActionId(1)).toBe('ACT-0001');
    expect(formatActionId(12345)).toBe('ACT-12345');
    expect(() => formatActionId(0)).toThrow(RangeError);
    expect(actionRef({ number: 42 })).toBe('ACT-0042');
    expect(actionRef({})).toBe(UNNUMBERED_ACTION);
  });

  it('number actions without one after the highest, oldest first then by record ID, whatever order they come in', () => {
    const actions = [
      action('z', 'ORG 1.1', undefined, '2026-02-01T00:00:00.000Z'),
      action('kept', 'ORG 1.1', 5),
      action('b', 'ORG 1.1', undefined, '2026-01-01T00:00:00.000Z'),
      action('a', 'ORG 1.1', undefined, '2026-02-01T00:00:00.000Z'),
    ];
    const numbers = (list: Action[]) => Object.fromEntries(withActionNumbers(list).map((a) => [a.id, a.number]));
    expect(numbers(actions)).toEqual({ kept: 5, b: 6, a: 7, z: 8 });
    expect(numbers([...actions].reverse())).toEqual(numbers(actions));
  });
});

describe('applyFindingOverride', () => {
  it('changes only the fields named, null putting one back, and drops an override left empty', () => {
    const stored: FindingOverride = { grade: 'minor', risk: 'R' };
    expect(applyFindingOverride(stored, undefined)).toBe(stored);
    expect(applyFindingOverride(stored, { recommendation: 'Do' })).toEqual({ grade: 'minor', risk: 'R', recommendation: 'Do' });
    expect(applyFindingOverride(stored, { grade: null })).toEqual({ risk: 'R' });
    expect(applyFindingOverride(stored, { grade: null, risk: null })).toBeUndefined();
    expect(applyFindingOverride(stored, null)).toBeUndefined();
  });
});
