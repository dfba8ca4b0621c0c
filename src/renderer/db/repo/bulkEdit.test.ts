/** Changing the target or applicability of a whole element at once, and undoing it. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Response } from '../../../core/records/model';
import { REVIEW_COPY_KEY, REVIEW_COPY_MESSAGE } from '../reviewCopyMark';
import { dbWithAssessment } from '../testDb';
import { setAssessmentStatus } from './assessments';
import { applyBulkEdit, undoBulkEdit } from './bulkEdit';
import { addPerson } from './people';
import { emptyResponse, saveResponse } from './responses';

const ELEMENT = ['ORG 1.1', 'ORG 1.2', 'ORG 1.3', 'ORG 1.4'];

// ORG 1.1 fully answered, ORG 1.2 with its own target, ORG 1.3 not applicable, ORG 1.4 never saved.
async function answered() {
  const { db, assessment } = await dbWithAssessment();
  await saveResponse(db, assessment.id, 'ORG 1.1', {
    targetLevel: 2,
    achievedLevel: 2,
    narrative: 'Policy signed by the plant manager',
    gaps: 'Not yet reviewed yearly',
    reviewStatus: 'flagged',
    reviewComment: 'Ask for the review minutes',
    justification: 'Kept from an earlier answer',
    compensating: { measure: 'Manual check', reason: 'Legacy', residualRisk: 'Low', acceptedBy: 'Dana' },
  });
  await saveResponse(db, assessment.id, 'ORG 1.2', { targetLevel: 3, narrative: 'Roles named in the charter' });
  await saveResponse(db, assessment.id, 'ORG 1.3', { applicable: false, justification: 'No contractors on site' });
  const read = async () => new Map((await db.responses.toArray()).map((r) => [r.requirementId, r]));
  return { db, assessment, read, before: await read() };
}

const stamps = { updatedAt: expect.any(String) as string, updatedBy: expect.any(String) as string };

afterEach(() => vi.restoreAllMocks());

describe('applyBulkEdit', () => {
  it('sets the target on every applicable answer and changes nothing else, creating the ones not saved yet', async () => {
    const { db, assessment, read, before } = await answered();
    const done = await applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 4 });
    expect(done.plan).toEqual({ changes: ['ORG 1.1', 'ORG 1.2', 'ORG 1.4'], unchanged: [], notApplicable: ['ORG 1.3'] });
    const after = await read();
    expect(after.get('ORG 1.1')).toStrictEqual({ ...before.get('ORG 1.1'), targetLevel: 4, ...stamps });
    expect(after.get('ORG 1.2')).toStrictEqual({ ...before.get('ORG 1.2'), targetLevel: 4, ...stamps });
    expect(after.get('ORG 1.3')).toStrictEqual(before.get('ORG 1.3'));
    // Created as the single-answer path creates an answer, with only the target set.
    expect(after.get('ORG 1.4')).toStrictEqual({ ...emptyResponse(assessment.id, 'ORG 1.4'), targetLevel: 4, ...stamps });
  });

  it('logs every answer it changes, in the same transaction', async () => {
    const { db, assessment } = await answered();
    const entries = await db.audit.count();
    await applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 4 });
    const logged = await db.audit.where('seq').above(entries).toArray();
    expect(logged.map((e) => [e.id, e.change.op, e.change.before, e.change.after])).toEqual([
      [`${assessment.id}|ORG 1.1`, 'update', { targetLevel: 2 }, { targetLevel: 4 }],
      [`${assessment.id}|ORG 1.2`, 'update', { targetLevel: 3 }, { targetLevel: 4 }],
      [`${assessment.id}|ORG 1.4`, 'create', undefined, { targetLevel: 4 }],
    ]);
  });

  it('leaves answers that already hold the value as they were, and counts them', async () => {
    const { db, assessment, read, before } = await answered();
    const done = await applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 3 });
    expect(done.plan.unchanged).toEqual(['ORG 1.2']);
    expect((await read()).get('ORG 1.2')).toStrictEqual(before.get('ORG 1.2'));
  });

  it('marks not applicable with the justification, keeping the justification of answers already not applicable', async () => {
    const { db, assessment, read, before } = await answered();
    await applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'not-applicable', justification: 'Site has no business network' });
    const after = await read();
    expect(after.get('ORG 1.1')).toStrictEqual({
      ...before.get('ORG 1.1'),
      applicable: false,
      justification: 'Site has no business network',
      ...stamps,
    });
    expect(after.get('ORG 1.3')).toStrictEqual(before.get('ORG 1.3'));
  });

  it('marks applicable without touching the justification', async () => {
    const { db, assessment, read, before } = await answered();
    const done = await applyBulkEdit(db, assessment.id, ['ORG 1.2', 'ORG 1.3'], { kind: 'applicable' });
    expect(done.plan.changes).toEqual(['ORG 1.3']);
    expect((await read()).get('ORG 1.3')).toStrictEqual({ ...before.get('ORG 1.3'), applicable: true, ...stamps });
  });

  it('refuses not applicable without a justification, or with one over the limit, and writes nothing', async () => {
    const { db, assessment, read, before } = await answered();
    const entries = await db.audit.count();
    await expect(applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'not-applicable', justification: '  ' })).rejects.toThrow(
      'The change was not saved: a justification is required to mark requirements not applicable.',
    );
    await expect(applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'not-applicable', justification: 'x'.repeat(10_001) })).rejects.toThrow(
      'The change was not saved: the justification is too long (10,000 characters at most).',
    );
    await expect(applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 0 })).rejects.toMatchObject({ kind: 'invalid' });
    expect(await read()).toStrictEqual(before);
    expect(await db.audit.count()).toBe(entries);
  });

  it('writes nothing when a write fails in the middle', async () => {
    const { db, assessment, read, before } = await answered();
    const entries = await db.audit.count();
    const put = db.responses.put.bind(db.responses);
    let calls = 0;
    const failingSecond = (...args: Parameters<typeof put>) => {
      calls += 1;
      return calls === 2 ? Promise.reject(new Error('The disk went away')) : put(...args);
    };
    vi.spyOn(db.responses, 'put').mockImplementation(failingSecond as typeof put);
    await expect(applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 4 })).rejects.toThrow();
    expect(calls).toBe(2);
    vi.restoreAllMocks();
    expect(await read()).toStrictEqual(before);
    expect(await db.audit.count()).toBe(entries);
  });

  it('is refused on a signed-off assessment, by the write path', async () => {
    const { db, assessment, read, before } = await answered();
    const dana = await addPerson(db, { name: 'Dana Whitfield', role: 'OT security lead' });
    await setAssessmentStatus(db, assessment.id, 'in-review');
    await setAssessmentStatus(db, assessment.id, 'signed-off', {
      signOff: { signatories: [{ role: 'approver', personId: dana.id }], at: '2026-07-01', note: '' },
    });
    const signed = await read();
    await expect(applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 4 })).rejects.toMatchObject({ kind: 'locked' });
    expect(await read()).toStrictEqual(signed);
    expect([...signed.keys()]).toEqual([...before.keys()]);
  });

  it('is refused in a review copy', async () => {
    const { db, assessment, read, before } = await answered();
    await db.meta.put({ key: REVIEW_COPY_KEY, value: JSON.stringify({ assessmentId: assessment.id }) });
    await expect(applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'applicable' })).rejects.toThrow(REVIEW_COPY_MESSAGE);
    expect(await read()).toStrictEqual(before);
  });
});

describe('undoBulkEdit', () => {
  it('puts back the previous values and removes the answers the change created, logged as changes', async () => {
    const { db, assessment, read, before } = await answered();
    const done = await applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 4 });
    const entries = await db.audit.count();
    await undoBulkEdit(db, done);
    const after = await read();
    const withoutStamps = (m: Map<string, Response>) => [...m].map(([id, r]) => [id, { ...r, updatedAt: '', updatedBy: '' }]);
    expect(withoutStamps(after)).toEqual(withoutStamps(before));
    const logged = await db.audit.where('seq').above(entries).toArray();
    expect(logged.map((e) => [e.id.split('|')[1], e.change.op])).toEqual([
      ['ORG 1.1', 'update'],
      ['ORG 1.2', 'update'],
      ['ORG 1.4', 'delete'],
    ]);
  });

  it('puts back applicability and the replaced justification', async () => {
    const { db, assessment, read, before } = await answered();
    const done = await applyBulkEdit(db, assessment.id, ['ORG 1.1'], { kind: 'not-applicable', justification: 'Out of scope' });
    await undoBulkEdit(db, done);
    expect((await read()).get('ORG 1.1')).toStrictEqual({ ...before.get('ORG 1.1'), ...stamps });
  });

  it('refuses, writing nothing, when one of the answers changed since', async () => {
    const { db, assessment, read } = await answered();
    const done = await applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 4 });
    await saveResponse(db, assessment.id, 'ORG 1.2', { narrative: 'Newer work' });
    const later = await read();
    const entries = await db.audit.count();
    await expect(undoBulkEdit(db, done)).rejects.toMatchObject({
      kind: 'conflict',
      message:
        'Undo was refused: ORG 1.2 changed after the change to all of them, and undoing it would overwrite that. Nothing was changed.',
    });
    expect(await read()).toStrictEqual(later);
    expect(await db.audit.count()).toBe(entries);
  });

  it('refuses when an answer the change created was removed or changed since', async () => {
    const { db, assessment } = await answered();
    const done = await applyBulkEdit(db, assessment.id, ELEMENT, { kind: 'target', targetLevel: 4 });
    await saveResponse(db, assessment.id, 'ORG 1.4', { targetLevel: 1 });
    await expect(undoBulkEdit(db, done)).rejects.toMatchObject({ kind: 'conflict' });
  });
});
