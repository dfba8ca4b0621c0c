/** A compensating countermeasure is saved with the answer, one field at a time, removed on request, logged, and shut by sign-off. */
import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../core/audit/chain';
import { describeEntry, logNames } from '../../../core/audit/logView';
import type { Compensating, Response } from '../../../core/records/model';
import { checkLog } from '../integrity';
import { dbWithAssessment } from '../testDb';
import { duplicateAssessment, setAssessmentStatus } from './assessments';
import { addPerson } from './people';
import { saveResponse, type ResponsePatch } from './responses';

const countermeasure: Compensating = {
  measure: 'Engineering workstation reachable only through the jump host',
  reason: 'The 2004 controller has no user accounts',
  residualRisk: 'Someone at the console can still change logic',
  acceptedBy: 'Dana Whitfield',
  acceptedOn: '2026-03-02',
};

// Every other field of the answer away from its empty value.
const full = {
  applicable: true,
  justification: 'Kept for the record',
  targetLevel: 3,
  achievedLevel: 2,
  narrative: 'Jump host in place since 2024',
  gaps: 'No account management on the controller',
  reviewStatus: 'flagged',
  reviewComment: 'Ask for the jump host logs',
  compensating: countermeasure,
} satisfies ResponsePatch;

async function saved() {
  const { db, assessment } = await dbWithAssessment();
  const response = await saveResponse(db, assessment.id, 'ORG 1.1', full);
  const read = () => db.responses.get([assessment.id, 'ORG 1.1']);
  const save = (patch: ResponsePatch) => saveResponse(db, assessment.id, 'ORG 1.1', patch);
  return { db, assessment, response, read, save };
}

const changed: Compensating = {
  measure: 'Changed measure',
  reason: 'Changed reason',
  residualRisk: 'Changed risk',
  acceptedBy: 'Changed name',
  acceptedOn: '2026-04-01',
};

describe('saving a compensating countermeasure', () => {
  it('stores it whole with the answer', async () => {
    const { response, read } = await saved();
    expect(response.compensating).toStrictEqual(countermeasure);
    expect((await read())?.compensating).toStrictEqual(countermeasure);
  });

  for (const field of Object.keys(changed) as (keyof Compensating)[]) {
    it(`changes its ${field} and nothing else, in the countermeasure or the answer`, async () => {
      const { response, read, save } = await saved();
      await save({ compensating: { [field]: changed[field] } });
      const expected: Response = {
        ...response,
        compensating: { ...countermeasure, [field]: changed[field] },
        updatedAt: expect.any(String) as string,
      };
      expect(await read()).toStrictEqual(expected);
    });
  }

  it('keeps it as it is when a patch does not name it', async () => {
    const { response, read, save } = await saved();
    await save({ narrative: 'Changed narrative', compensating: undefined });
    expect(await read()).toStrictEqual({ ...response, narrative: 'Changed narrative', updatedAt: expect.any(String) });
  });

  it('starts a new one from the fields named, the rest empty', async () => {
    const { db, assessment } = await dbWithAssessment();
    const response = await saveResponse(db, assessment.id, 'NET 1.1', { compensating: { measure: 'Data diode to the office' } });
    expect(response.compensating).toStrictEqual({ measure: 'Data diode to the office', reason: '', residualRisk: '', acceptedBy: '' });
  });

  it('removes the acceptance date alone on a null date', async () => {
    const { read, save } = await saved();
    await save({ compensating: { acceptedOn: null } });
    const { acceptedOn: _date, ...undated } = countermeasure;
    expect((await read())?.compensating).toStrictEqual(undated);
  });

  it('removes the countermeasure on null, the field gone and the rest of the answer unchanged', async () => {
    const { response, read, save } = await saved();
    await save({ compensating: null });
    const after = await read();
    expect(after).not.toHaveProperty('compensating');
    const { compensating: _c, ...rest } = response;
    expect(after).toStrictEqual({ ...rest, updatedAt: expect.any(String) });
  });

  it('logs it whole before and after, null once removed, and the log still checks out', async () => {
    const { db, assessment, save } = await saved();
    await save({ compensating: { residualRisk: 'Low' } });
    await save({ compensating: null });
    const entries = await db.audit.where('entity').equals('response').toArray();
    const [created, changedRisk, removed] = entries.slice(-3).map((e) => e.change);
    expect(created?.after).toMatchObject({ compensating: countermeasure });
    expect(changedRisk).toMatchObject({
      before: { compensating: countermeasure },
      after: { compensating: { ...countermeasure, residualRisk: 'Low' } },
    });
    expect(removed).toMatchObject({ before: { compensating: { ...countermeasure, residualRisk: 'Low' } }, after: { compensating: null } });
    expect(entries.at(-1)?.id).toBe(`${assessment.id}|ORG 1.1`);
    // The chain holds, and each record is as its last entry recorded it, the removed countermeasure included.
    const log = await checkLog(db);
    expect(log.chain.ok).toBe(true);
    expect(log.data.ok).toBe(true);
  });

  it('reads in the change log as one field, its parts named', async () => {
    const { db, save } = await saved();
    await save({ compensating: { residualRisk: 'Low' } });
    const entry = (await db.audit.orderBy('seq').last()) as AuditEntry;
    expect(describeEntry(entry, logNames({})).changes).toEqual([
      expect.objectContaining({
        label: 'Compensating countermeasure',
        // Longer than a row shows: the full text is kept beside the shortened one.
        beforeFull: expect.stringContaining('Residual risk: Someone at the console') as string,
        afterFull: expect.stringContaining('Residual risk: Low; Accepted by: Dana Whitfield; Accepted on: 2026-03-02') as string,
      }),
    ]);
  });

  it('refuses text over the limit with a plain sentence and writes nothing', async () => {
    const { db, response, read, save } = await saved();
    const entries = await db.audit.count();
    await expect(save({ compensating: { measure: 'x'.repeat(5_001) } })).rejects.toMatchObject({
      kind: 'invalid',
      message: 'The answer was not saved: the countermeasure is too long (5,000 characters at most). Shorten it, then it is saved.',
    });
    expect(await read()).toStrictEqual(response);
    expect(await db.audit.count()).toBe(entries);
  });

  it('is refused once the assessment is signed off', async () => {
    const { db, assessment, response, read, save } = await saved();
    const dana = await addPerson(db, { name: 'Dana Whitfield', role: 'OT security lead' });
    await setAssessmentStatus(db, assessment.id, 'in-review');
    await setAssessmentStatus(db, assessment.id, 'signed-off', {
      signOff: { signatories: [{ role: 'approver', personId: dana.id }], at: '2026-07-01', note: '' },
    });
    await expect(save({ compensating: { measure: 'Changed' } })).rejects.toMatchObject({ name: 'WorkbookError' });
    await expect(save({ compensating: null })).rejects.toMatchObject({ name: 'WorkbookError' });
    expect((await read())?.compensating).toStrictEqual(response.compensating);
  });

  it('is carried into a re-assessment with the answer, to be confirmed there', async () => {
    const { db, assessment } = await saved();
    const copy = await duplicateAssessment(db, assessment.id, { name: '2027', periodStart: '2027-01-01', periodEnd: '2027-06-30' });
    const carried = await db.responses.get([copy.id, 'ORG 1.1']);
    expect(carried).toMatchObject({ carriedOver: true, compensating: countermeasure });
  });
});
