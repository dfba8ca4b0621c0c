/** Action numbers (ACT-0001): given in the write that adds the action, never reused; the level expected after and the closure check. */
import { describe, expect, it } from 'vitest';
import { actionRef, withActionNumbers } from '../../../core/findings/actionRef';
import { mutate } from '../mutate';
import { dbWithAssessment } from '../testDb';
import { addAction, deleteAction, updateAction } from './actions';
import { setAssessmentStatus } from './assessments';
import { addPerson } from './people';

describe('action numbers', () => {
  it('are given in order, across assessments of the workbook, and never given again after a deletion', async () => {
    const { db, assessment } = await dbWithAssessment();
    const first = await addAction(db, assessment.id, 'NET 3.2', { description: 'One' });
    const second = await addAction(db, assessment.id, 'ORG 1.1', { description: 'Two' });
    expect([first, second].map(actionRef)).toEqual(['ACT-0001', 'ACT-0002']);
    await deleteAction(db, second.id);
    const third = await addAction(db, assessment.id, 'ORG 1.1', { description: 'Three' });
    expect(actionRef(third)).toBe('ACT-0003');
    // The creation entry carries the number, so the log says which ACT ID was given.
    const created = await db.audit.where('[entity+id]').equals(['action', third.id]).first();
    expect(created?.change.after).toMatchObject({ number: 3 });
  });

  it('follow the highest number stored where the counter is behind (a workbook restored from a bundle)', async () => {
    const { db, assessment } = await dbWithAssessment();
    await addAction(db, assessment.id, 'NET 3.2', { description: 'One' });
    await db.meta.put({ key: 'nextActionNumber', value: 1 });
    expect((await addAction(db, assessment.id, 'NET 3.2', { description: 'Two' })).number).toBe(2);
  });

  it('start past the numbers shown for actions that came without one (a bundle made before numbering)', async () => {
    const { db, assessment } = await dbWithAssessment();
    await addAction(db, assessment.id, 'NET 3.2', { description: 'Numbered' });
    // Two actions as an older bundle brings them: no number, logged as they arrived.
    await mutate(db, async (m) => {
      for (const id of ['old-1', 'old-2']) {
        const record = { ...(await db.actions.toArray())[0]!, id, description: id };
        delete record.number;
        await db.actions.add(record);
        m.log('action', id, { op: 'create', after: record });
      }
    });
    await db.meta.delete('nextActionNumber');
    // They show as ACT-0002 and ACT-0003; the next one added is ACT-0004.
    const shown = withActionNumbers(await db.actions.toArray())
      .map(actionRef)
      .sort();
    expect(shown).toEqual(['ACT-0001', 'ACT-0002', 'ACT-0003']);
    expect(actionRef(await addAction(db, assessment.id, 'NET 3.2', { description: 'New' }))).toBe('ACT-0004');
  });

  it('are not taken by an action that was refused', async () => {
    const { db, assessment } = await dbWithAssessment();
    await expect(addAction(db, assessment.id, 'NET 3.2', { description: '' })).rejects.toMatchObject({ kind: 'invalid' });
    const dana = await addPerson(db, { name: 'Dana', role: '' });
    await setAssessmentStatus(db, assessment.id, 'in-review');
    await setAssessmentStatus(db, assessment.id, 'signed-off', {
      signOff: { signatories: [{ role: 'approver', personId: dana.id }], at: '2026-07-01', note: '' },
    });
    await expect(addAction(db, assessment.id, 'NET 3.2', { description: 'Late' })).rejects.toMatchObject({ kind: 'locked' });
    expect(await db.meta.get('nextActionNumber')).toBeUndefined();
  });
});

describe('the level expected after and the closure check', () => {
  it('are saved on a new action, changed one at a time, and the level taken away on null, the rest unchanged', async () => {
    const { db, assessment } = await dbWithAssessment();
    const action = await addAction(db, assessment.id, 'NET 3.2', {
      description: 'Jump host for vendors',
      expectedLevel: 3,
      closureCheck: 'Session logs for a month reviewed',
    });
    expect(action).toMatchObject({ expectedLevel: 3, closureCheck: 'Session logs for a month reviewed' });
    await updateAction(db, action.id, { expectedLevel: 2 });
    expect(await db.actions.get(action.id)).toStrictEqual({ ...action, expectedLevel: 2, updatedAt: expect.any(String) });
    await updateAction(db, action.id, { closureCheck: 'Walk-down of the cabinet' });
    expect(await db.actions.get(action.id)).toStrictEqual({
      ...action,
      expectedLevel: 2,
      closureCheck: 'Walk-down of the cabinet',
      updatedAt: expect.any(String),
    });
    await updateAction(db, action.id, { expectedLevel: null });
    const after = await db.actions.get(action.id);
    expect(after).not.toHaveProperty('expectedLevel');
    expect(after).toMatchObject({ number: action.number, closureCheck: 'Walk-down of the cabinet', description: 'Jump host for vendors' });
  });

  it('refuses ML0 as the level expected after, writing nothing', async () => {
    const { db, assessment } = await dbWithAssessment();
    const action = await addAction(db, assessment.id, 'NET 3.2', { description: 'One' });
    await expect(updateAction(db, action.id, { expectedLevel: 0 as never })).rejects.toMatchObject({
      kind: 'invalid',
      message: 'The action was not saved: the level expected after is ML1 to ML4.',
    });
    expect(await db.actions.get(action.id)).toStrictEqual(action);
  });
});
