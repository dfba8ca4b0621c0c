import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sampleSnapshot } from '../core/snapshot/sampleSnapshot';
import { RECORD_LIMITS } from '../core/records/fields';
import { CONTENT_DIR, loadCatalogueDir } from './content';
import { checkSnapshot, SNAPSHOT_LIMITS } from './snapshotSchema';

// The tests break the snapshot on purpose, so its shape is left open here.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Loose = Record<string, any>;

const catalogue = loadCatalogueDir(path.join(CONTENT_DIR, 'iec-62443-2-1-2024'));
const { snapshot } = sampleSnapshot(catalogue, new Date('2026-06-15T09:00:00Z'));
const json = () => JSON.parse(JSON.stringify(snapshot)) as Loose;

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
  it('accepts the snapshot the app writes, unchanged', () => {
    const result = checkSnapshot(json());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.snapshot).toEqual(snapshot);
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
});
