import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from '../core/snapshot/sampleSnapshot';
import { RECORD_LIMITS } from '../core/records/fields';
import { CONTENT_DIR, loadCatalogueDir } from './content';
import { checkSnapshot, NO_CHANGE_LOG, rebuildSnapshot, recordsOf, SNAPSHOT_LIMITS, type SnapshotRecords } from './snapshotSchema';

// The tests break the snapshot on purpose, so its shape is left open here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
const { snapshot } = sampleSnapshot(catalogue, new Date('2026-06-15T09:00:00Z'));
/** The sample as `csms demo` writes it: records only. */
const json = () => JSON.parse(JSON.stringify(recordsOf(snapshot))) as Loose;

function refusal(data: unknown): string {
  const result = checkSnapshot(data);
  if (result.ok) throw new Error('expected the snapshot to be refused');
  return result.error;
}

/** The refusal after one change to a copy of the sample snapshot. */
function error(change: (s: Loose) => unknown): string {
  const data = json();
  change(data);
  return refusal(data);
}

describe('checkSnapshot', () => {
  it('accepts the records the demo writes, unchanged', () => {
    const result = checkSnapshot(json());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.snapshot).toEqual(recordsOf(snapshot));
  });

  it('refuses scores and a change-log verdict in the file, naming the field', () => {
    for (const key of ['scores', 'changeLog'] as const) {
      expect(refusal({ ...json(), [key]: snapshot[key] })).toBe(
        `not a workbook snapshot: unknown field "${key}": a snapshot file carries records only; scores and the change-log verdict are computed from them, never read from a file`,
      );
    }
  });

  it('accepts licensed text', () => {
    expect(checkSnapshot({ ...json(), licensedText: [{ id: 'ORG 1.1', text: 'Official wording.' }] }).ok).toBe(true);
  });

  it('names the first problem by its path, in one line', () => {
    expect(error((s) => delete s.assessment.name)).toBe('not a workbook snapshot: assessment.name is missing');
    expect(error((s) => (s.responses[2].achievedLevel = 7))).toBe(
      'not a workbook snapshot: responses[2].achievedLevel must be one of 0, 1, 2, 3, 4',
    );
    expect(error((s) => (s.evidence[0].title = 42))).toBe('not a workbook snapshot: evidence[0].title must be a string, not a number');
    expect(error((s) => (s.people = {}))).toBe('not a workbook snapshot: people must be a list, not an object');
    expect(error((s) => (s.extra = 1))).toBe('not a workbook snapshot: unknown field "extra"');
    expect(error((s) => (s.site.city = 'x'))).toBe('not a workbook snapshot: site has an unknown field "city"');
    // The limit is the organization record's own, the same the app enforces when it is typed.
    expect(error((s) => (s.organization.name = 'x'.repeat(RECORD_LIMITS.name + 1)))).toBe(
      `not a workbook snapshot: organization.name is longer than ${RECORD_LIMITS.name} characters`,
    );
    expect(error((s) => (s.today = '15/06/2026'))).toBe('not a workbook snapshot: today must be a date written YYYY-MM-DD');
    expect(refusal([])).toBe('not a workbook snapshot: expected a JSON object, found a list');
    expect(refusal(null)).toBe('not a workbook snapshot: expected a JSON object, found null');
  });

  it('checks the records with the record schemas, worded for the command line', () => {
    expect(error((s) => (s.assessment.periodEnd = '2026-02-30'))).toBe(
      'not a workbook snapshot: assessment.periodEnd must be a date written YYYY-MM-DD',
    );
    expect(error((s) => (s.actions[0].createdAt = 'yesterday'))).toBe(
      'not a workbook snapshot: actions[0].createdAt must be an ISO date-time',
    );
    expect(error((s) => (s.assessment.name = ' '))).toBe('not a workbook snapshot: assessment.name must not be empty');
    expect(error((s) => (s.assessment.scope = []))).toBe('not a workbook snapshot: assessment.scope must have at least 1 entry');
    expect(error((s) => (s.evidence[0].id = 'EV-1'))).toBe('not a workbook snapshot: evidence[0].id: an evidence ID looks like EV-0001');
    expect(error((s) => ([s.assessment.periodStart, s.assessment.periodEnd] = ['2026-07-01', '2026-01-01']))).toBe(
      'not a workbook snapshot: assessment: the period must end after it starts',
    );
    expect(error((s) => (s.responses[0].constructor = 'x'))).toBe(
      'not a workbook snapshot: responses[0] has an unknown field "constructor"',
    );
  });

  it('caps the length of lists', () => {
    const many = Array.from({ length: SNAPSHOT_LIMITS.people + 1 }, () => ({ name: 'a', role: 'b', email: 'c' }));
    expect(error((s) => (s.people = many))).toBe(`not a workbook snapshot: people has more than ${SNAPSHOT_LIMITS.people} entries`);
  });

  it('tells a newer format from a wrong one', () => {
    expect(error((s) => (s.format = 2))).toMatch(/newer version of CSMS Workbook .*format 2.*: update the app$/);
    expect(error((s) => (s.format = 0))).toBe('not a workbook snapshot: format must be 1');
    expect(error((s) => delete s.format)).toBe('not a workbook snapshot: format is missing');
  });

  it('refuses records that point nowhere', () => {
    expect(error((s) => (s.links[0].evidenceId = 'EV-9999'))).toBe(
      'not a workbook snapshot: links[0].evidenceId EV-9999 is not in evidence',
    );
    expect(error((s) => (s.responses[0].requirementId = 'XYZ 9.9'))).toBe(
      'not a workbook snapshot: responses[0].requirementId XYZ 9.9 is not in the catalogue',
    );
    expect(error((s) => (s.assessment.scope = ['ORG', 'NOPE']))).toBe(
      'not a workbook snapshot: assessment.scope[1] names NOPE, which is not in the catalogue',
    );
  });

  it('refuses records that contradict each other, naming the second of the pair', () => {
    expect(error((s) => s.responses.push({ ...s.responses[0], achievedLevel: 4 }))).toBe(
      `not a workbook snapshot: responses[${snapshot.responses.length}] is a second answer to ${snapshot.responses[0]!.requirementId}`,
    );
    expect(error((s) => (s.evidence[1].number = s.evidence[0].number))).toBe(
      `not a workbook snapshot: evidence[1].number ${snapshot.evidence[0]!.number} is used by another evidence item`,
    );
    const outside = catalogue.spes.find((spe) => !snapshot.assessment.scope.includes(spe.id))?.elements[0]?.requirements[0]?.id;
    const dropped = snapshot.assessment.scope.at(-1)!;
    const onDropped = snapshot.actions.findIndex((a) =>
      catalogue.spes.find((spe) => spe.id === dropped)!.elements.some((e) => e.requirements.some((r) => r.id === a.requirementId)),
    );
    if (outside) {
      expect(error((s) => (s.actions[0].requirementId = outside))).toBe(
        `not a workbook snapshot: actions[0].requirementId ${outside} is outside the assessment's scope`,
      );
    } else {
      expect(onDropped).toBeGreaterThan(-1);
      expect(error((s) => (s.assessment.scope = s.assessment.scope.slice(0, -1)))).toBe(
        `not a workbook snapshot: actions[${onDropped}].requirementId ${snapshot.actions[onDropped]!.requirementId} is outside the assessment's scope`,
      );
    }
  });

  it('refuses days that do not exist and a period that ends before it starts', () => {
    expect(error((s) => (s.assessment.periodEnd = '2026-99-99'))).toBe(
      'not a workbook snapshot: assessment.periodEnd must be a date written YYYY-MM-DD',
    );
    expect(error((s) => (s.evidence[0].expiresOn = '2026-02-30'))).toBe(
      'not a workbook snapshot: evidence[0].expiresOn must be a date written YYYY-MM-DD',
    );
    expect(error((s) => Object.assign(s.assessment, { periodStart: '2026-06-01', periodEnd: '2026-01-01' }))).toMatch(
      /^not a workbook snapshot: assessment.*the period must end after it starts$/,
    );
  });
});

/** A copy of the full sample snapshot whose derived parts claim everything is done and verified. */
function edited(): Loose {
  const s = JSON.parse(JSON.stringify(snapshot)) as Loose;
  const perfect = { ...s.scores.overall, assessed: s.scores.overall.applicable, progress: 1, attained: 4, meanAchieved: 4, meanTarget: 4 };
  Object.assign(perfect, { atTarget: s.scores.overall.applicable, shareAtTarget: 1, totalGap: 0, evidenceCoverage: 1 });
  s.scores.overall = perfect;
  for (const key of Object.keys(s.scores.spes)) s.scores.spes[key] = perfect;
  for (const key of Object.keys(s.scores.elements)) s.scores.elements[key] = perfect;
  for (const r of Object.values(s.scores.requirements) as Loose[]) Object.assign(r, { assessed: true, achieved: 4, gap: 0 });
  s.scores.gaps = [{ ...s.scores.gaps[0], requirementId: 'XYZ 9.9', gap: 4 }];
  s.changeLog = { ...s.changeLog, verified: true, brokenAt: null, reason: null, headHash: 'not-a-hash-at-all' };
  return s;
}

describe('rebuildSnapshot', () => {
  it('computes the scores from the records, as the app does, and states the change log as not verified', () => {
    const rebuilt = rebuildSnapshot(json() as SnapshotRecords);
    expect(rebuilt.scores).toEqual(snapshot.scores);
    expect(rebuilt.scores.overall.assessed).toBeLessThan(rebuilt.scores.overall.applicable);
    expect(rebuilt.changeLog).toEqual({
      entries: 0,
      firstAt: null,
      lastAt: null,
      headHash: '',
      verified: false,
      brokenAt: null,
      reason: NO_CHANGE_LOG,
    });
    expect({ ...rebuilt, changeLog: snapshot.changeLog }).toEqual(snapshot);
  });

  it('never passes on edited claims, even when they reach it', () => {
    const claims = edited();
    expect(checkSnapshot(claims).ok).toBe(false);
    // Past the check (which refuses them) the rebuild still takes nothing derived from its input.
    const rebuilt = rebuildSnapshot(claims as SnapshotRecords);
    expect(rebuilt.scores).toEqual(snapshot.scores);
    expect(rebuilt.scores.overall.attained).not.toBe(4);
    expect(rebuilt.scores.gaps.map((g) => g.requirementId)).not.toContain('XYZ 9.9');
    expect(rebuilt.changeLog.verified).toBe(false);
    expect(rebuilt.changeLog.headHash).toBe('');
  });
});
