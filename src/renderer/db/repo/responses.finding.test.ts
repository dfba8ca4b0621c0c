/** The assessor's wording of a finding: saved with the answer field by field, logged, refused when locked or in a review copy. */
import { describe, expect, it } from 'vitest';
import type { FindingOverride, Response } from '../../../core/records/model';
import { checkLog } from '../integrity';
import { REVIEW_COPY_KEY, REVIEW_COPY_MESSAGE } from '../reviewCopyMark';
import { dbWithAssessment } from '../testDb';
import { setAssessmentStatus } from './assessments';
import { addPerson } from './people';
import { saveResponse, type ResponsePatch } from './responses';

const finding: FindingOverride = { grade: 'minor', risk: 'Vendor access is not recorded', recommendation: 'Log every vendor session' };

// Every other field of the answer away from its empty value, so a field lost or defaulted would show.
const full = {
  applicable: true,
  justification: 'Kept for the record',
  targetLevel: 3,
  achievedLevel: 1,
  narrative: 'Jump host in place since 2024',
  gaps: 'No session recording',
  reviewStatus: 'flagged',
  reviewComment: 'Ask for the logs',
  compensating: { measure: 'Escorted access', reason: 'Old controller', residualRisk: 'Low', acceptedBy: 'Dana' },
  finding,
} satisfies ResponsePatch;

async function saved() {
  const { db, assessment } = await dbWithAssessment();
  const response = await saveResponse(db, assessment.id, 'NET 3.2', full);
  const read = () => db.responses.get([assessment.id, 'NET 3.2']);
  const save = (patch: ResponsePatch) => saveResponse(db, assessment.id, 'NET 3.2', patch);
  return { db, assessment, response, read, save };
}

describe('saving the assessor’s wording of a finding', () => {
  it('stores only what was overridden', async () => {
    const { response, read } = await saved();
    expect(response.finding).toStrictEqual(finding);
    expect((await read())?.finding).toStrictEqual(finding);
  });

  for (const [field, value] of [
    ['grade', 'observation'],
    ['risk', 'Changed risk'],
    ['recommendation', 'Changed recommendation'],
  ] as const) {
    it(`changes its ${field} and nothing else, in the finding or the answer`, async () => {
      const { response, read, save } = await saved();
      await save({ finding: { [field]: value } });
      const expected: Response = { ...response, finding: { ...finding, [field]: value }, updatedAt: expect.any(String) as string };
      expect(await read()).toStrictEqual(expected);
    });
  }

  it('puts one field back to the derived value on null, and drops the override once nothing is left', async () => {
    const { response, read, save } = await saved();
    await save({ finding: { grade: null } });
    expect((await read())?.finding).toStrictEqual({ risk: finding.risk, recommendation: finding.recommendation });
    await save({ finding: { risk: null, recommendation: null } });
    const after = await read();
    expect(after).not.toHaveProperty('finding');
    const { finding: _f, ...rest } = response;
    expect(after).toStrictEqual({ ...rest, updatedAt: expect.any(String) });
  });

  it('keeps it when a patch does not name it, and logs it whole before and after, the log checking out', async () => {
    const { db, response, read, save } = await saved();
    await save({ narrative: 'Changed narrative' });
    expect(await read()).toStrictEqual({ ...response, narrative: 'Changed narrative', updatedAt: expect.any(String) });
    await save({ finding: { grade: 'major' } });
    const last = await db.audit.orderBy('seq').last();
    expect(last?.change).toMatchObject({ before: { finding }, after: { finding: { ...finding, grade: 'major' } } });
    const log = await checkLog(db);
    expect(log.chain.ok).toBe(true);
    expect(log.data.ok).toBe(true);
  });

  it('refuses an unknown grade or text over the limit with a plain sentence and writes nothing', async () => {
    const { db, response, read, save } = await saved();
    const entries = await db.audit.count();
    await expect(save({ finding: { grade: 'critical' as never } })).rejects.toMatchObject({ kind: 'invalid' });
    await expect(save({ finding: { risk: 'x'.repeat(5_001) } })).rejects.toMatchObject({
      kind: 'invalid',
      message: 'The answer was not saved: the risk statement is too long (5,000 characters at most). Shorten it, then it is saved.',
    });
    expect(await read()).toStrictEqual(response);
    expect(await db.audit.count()).toBe(entries);
  });

  it('is refused once the assessment is signed off', async () => {
    const { db, assessment, read, save } = await saved();
    const dana = await addPerson(db, { name: 'Dana Whitfield', role: 'OT security lead' });
    await setAssessmentStatus(db, assessment.id, 'in-review');
    await setAssessmentStatus(db, assessment.id, 'signed-off', {
      signOff: { signatories: [{ role: 'approver', personId: dana.id }], at: '2026-07-01', note: '' },
    });
    await expect(save({ finding: { grade: 'observation' } })).rejects.toMatchObject({ name: 'WorkbookError', kind: 'locked' });
    expect((await read())?.finding).toStrictEqual(finding);
  });

  it('is refused in a review copy', async () => {
    const { db, read, save } = await saved();
    await db.meta.put({ key: REVIEW_COPY_KEY, value: '{}' });
    await expect(save({ finding: { grade: 'observation' } })).rejects.toMatchObject({ message: REVIEW_COPY_MESSAGE });
    expect((await read())?.finding).toStrictEqual(finding);
  });
});
