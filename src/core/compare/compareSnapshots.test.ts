import { describe, expect, it } from 'vitest';
import { compareCatalogue, compareSnapshot, snapshotPair } from '../../../test/fixtures/compareSnapshots';
import { compareSnapshots, type Comparison } from './compareSnapshots';

function compared(): Comparison {
  const { baseline, current } = snapshotPair();
  const result = compareSnapshots(baseline, current);
  if (!result.ok) throw new Error(result.message);
  return result.comparison;
}

const byId = (c: Comparison, id: string) => c.requirements.find((r) => r.requirementId === id)!;

describe('comparing two assessments of a site', () => {
  it('classes each requirement, in catalogue order, with its levels before and after', () => {
    const c = compared();
    expect(c.requirements.map((r) => [r.requirementId, r.change, r.before, r.after])).toEqual([
      ['ORG 1.1', 'improved', 2, 3],
      ['ORG 1.2', 'regressed', 3, 2],
      ['NET 1.1', 'unchanged', 2, 2],
      ['NET 1.2', 'no-longer-assessed', 2, null],
      ['NET 1.3', 'not-assessed', null, null],
      ['NET 2.1', 'newly-assessed', null, 4],
      ['SYS 1.1', 'newly-assessed', null, 1],
      ['SYS 1.2', 'not-assessed', null, null],
    ]);
    expect(c.counts).toEqual({ improved: 1, regressed: 1, unchanged: 1, 'newly-assessed': 2, 'no-longer-assessed': 1, 'not-assessed': 2 });
  });

  it('gives the reasons the records show: target reached or lost, expired evidence, applicability, scope, carried over', () => {
    const c = compared();
    expect(byId(c, 'ORG 1.1').reasons).toEqual(['target reached']);
    // The same evidence was valid on the baseline's day and has expired by the current one's.
    expect(byId(c, 'ORG 1.2').reasons).toEqual(['now below target', 'evidence expired']);
    expect(byId(c, 'NET 1.1').reasons).toEqual(['carried over, not yet confirmed']);
    expect(byId(c, 'NET 1.2')).toMatchObject({
      standingBefore: 'assessed',
      standingAfter: 'not-applicable',
      reasons: ['now not applicable'],
    });
    expect(byId(c, 'NET 1.3')).toMatchObject({ standingAfter: 'not-applicable', reasons: ['not applicable in either'] });
    expect(byId(c, 'NET 2.1')).toMatchObject({ targetBefore: 3, targetAfter: 4, reasons: ['target raised from ML3 to ML4'] });
    expect(byId(c, 'SYS 1.1')).toMatchObject({ standingBefore: 'out-of-scope', targetBefore: null, reasons: ['now in scope'] });
  });

  it('gives per SPE the means before and after, a tie as a zero delta, and the counts of each class', () => {
    const c = compared();
    const spe = (id: string) => c.spes.find((s) => s.speId === id)!;
    expect(c.spes.map((s) => s.speId)).toEqual(['ORG', 'NET', 'SYS']);
    // ORG: 2 and 3 before, 3 and 2 after: one up, one down, the same mean.
    expect(spe('ORG')).toMatchObject({ meanBefore: 2.5, meanAfter: 2.5, delta: 0, counts: { improved: 1, regressed: 1 } });
    expect(spe('NET')).toMatchObject({ meanBefore: 2, meanAfter: 3, delta: 1, assessedBefore: 2, assessedAfter: 2 });
    expect(spe('NET').counts).toMatchObject({ unchanged: 1, 'no-longer-assessed': 1, 'newly-assessed': 1, 'not-assessed': 1 });
    // Out of scope before: no mean to compare with, so no delta either.
    expect(spe('SYS')).toMatchObject({ meanBefore: null, meanAfter: 1, delta: null, assessedBefore: 0 });
    expect(c.overall).toEqual({ meanBefore: 2.3, meanAfter: 2.4, delta: 0.1 });
  });

  it('treats equal levels as unchanged and a cleared level as no longer assessed', () => {
    const baseline = compareSnapshot({
      id: 'a1',
      answers: [
        ['ORG 1.1', 0],
        ['ORG 1.2', 4],
      ],
    });
    const current = compareSnapshot({
      id: 'a2',
      answers: [
        ['ORG 1.1', 0],
        ['ORG 1.2', null],
      ],
    });
    const result = compareSnapshots(baseline, current);
    if (!result.ok) throw new Error(result.message);
    expect(byId(result.comparison, 'ORG 1.1')).toMatchObject({ change: 'unchanged', before: 0, after: 0, reasons: [] });
    expect(byId(result.comparison, 'ORG 1.2')).toMatchObject({ change: 'no-longer-assessed', reasons: ['achieved level removed'] });
  });

  it('says when evidence is no longer linked, and when valid evidence is newly linked', () => {
    const baseline = compareSnapshot({
      id: 'a1',
      answers: [
        ['ORG 1.1', 2],
        ['ORG 1.2', 2],
      ],
      evidence: [['ORG 1.1', undefined]],
    });
    const current = compareSnapshot({
      id: 'a2',
      answers: [
        ['ORG 1.1', 2],
        ['ORG 1.2', 2],
      ],
      evidence: [['ORG 1.2', undefined]],
    });
    const result = compareSnapshots(baseline, current);
    if (!result.ok) throw new Error(result.message);
    expect(byId(result.comparison, 'ORG 1.1').reasons).toEqual(['evidence no longer linked']);
    expect(byId(result.comparison, 'ORG 1.2').reasons).toEqual(['valid evidence now linked']);
  });

  it('judges the baseline’s evidence at the end of its period, so evidence that expired since shows as expired', () => {
    // Both built today, as the app builds them; the baseline's period ended before the evidence expired.
    const answers: [string, 2][] = [['ORG 1.1', 2]];
    const baseline = compareSnapshot({ id: 'a1', today: '2026-06-01', answers, evidence: [['ORG 1.1', '2026-03-01']] });
    const current = compareSnapshot({ id: 'a2', today: '2026-06-01', answers, evidence: [['ORG 1.1', '2026-03-01']] });
    expect(baseline.scores.requirements['ORG 1.1']!.hasValidEvidence).toBe(false);
    const result = compareSnapshots(baseline, current);
    if (!result.ok) throw new Error(result.message);
    expect(result.comparison.baseline.today).toBe('2025-12-31');
    expect(byId(result.comparison, 'ORG 1.1')).toMatchObject({ change: 'unchanged', reasons: ['evidence expired'] });
  });

  it('refuses the same assessment twice, two sites, and two catalogues, in plain sentences', () => {
    const a1 = compareSnapshot({ id: 'a1' });
    expect(compareSnapshots(a1, compareSnapshot({ id: 'a1' }))).toEqual({
      ok: false,
      message: expect.stringMatching(/^Choose two different assessments/),
    });
    const elsewhere = compareSnapshot({ id: 'a2', siteId: 'site-2', siteName: 'Hilltop reservoir' });
    expect(compareSnapshots(a1, elsewhere)).toEqual({
      ok: false,
      message:
        'These assessments are of different sites (Riverside plant and Hilltop reservoir). Compare two assessments of the same site.',
    });
    const newer = compareSnapshot({ id: 'a2', catalogue: compareCatalogue('2.0.0') });
    const refused = compareSnapshots(a1, newer);
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.message).toContain('Compare test version 1.0.0 and Compare test version 2.0.0');
  });
});
