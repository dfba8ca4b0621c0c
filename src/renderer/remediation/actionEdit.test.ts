/** The remediation plan's edit form sends only what the user changed, so other fields stay as stored. */
import { describe, expect, it } from 'vitest';
import { dbWithAssessment } from '../db/testDb';
import { addAction, updateAction } from '../db/repo/actions';
import { setAssessmentStatus } from '../db/repo/assessments';
import { addPerson } from '../db/repo/people';
import { draftOf, patchFrom } from './actionEdit';

async function created() {
  const { db, assessment } = await dbWithAssessment();
  const action = await addAction(db, assessment.id, 'NET 3.2', {
    description: 'Put vendor access behind the jump host',
    owner: 'Dana',
    dueDate: '2026-09-30',
    priority: 'high',
    expectedLevel: 2,
    closureCheck: 'Firewall export reviewed',
  });
  return { db, assessment, action };
}

describe('the remediation edit form', () => {
  it('asks for nothing when nothing was changed', async () => {
    const { action } = await created();
    expect(patchFrom(action, draftOf(action))).toEqual({});
  });

  it('names only the owner when only the owner changed, and the stored action keeps every other field', async () => {
    const { db, action } = await created();
    const patch = patchFrom(action, { ...draftOf(action), owner: 'Sam' });
    expect(patch).toEqual({ owner: 'Sam' });
    await updateAction(db, action.id, patch);
    expect(await db.actions.get(action.id)).toStrictEqual({ ...action, owner: 'Sam', updatedAt: expect.any(String) });
  });

  it('takes the expected level away when set back to not stated', async () => {
    const { db, action } = await created();
    const patch = patchFrom(action, { ...draftOf(action), expectedLevel: '' });
    expect(patch).toEqual({ expectedLevel: null });
    const after = await updateAction(db, action.id, patch);
    expect(after.expectedLevel).toBeUndefined();
    expect(after.closureCheck).toBe('Firewall export reviewed');
  });

  it('does not clear a due date when the field is emptied', async () => {
    const { action } = await created();
    expect(patchFrom(action, { ...draftOf(action), dueDate: '' })).toEqual({});
  });

  it('is refused once the assessment is signed off, with the write path’s message, and nothing changes', async () => {
    const { db, assessment, action } = await created();
    const dana = await addPerson(db, { name: 'Dana Whitfield', role: 'OT security lead' });
    await setAssessmentStatus(db, assessment.id, 'in-review');
    await setAssessmentStatus(db, assessment.id, 'signed-off', {
      signOff: { signatories: [{ role: 'approver', personId: dana.id }], at: '2026-07-01', note: '' },
    });
    const patch = patchFrom(action, { ...draftOf(action), owner: 'Sam' });
    await expect(updateAction(db, action.id, patch)).rejects.toMatchObject({
      kind: 'locked',
      message: expect.stringMatching(/signed off/i),
    });
    expect(await db.actions.get(action.id)).toStrictEqual(action);
  });
});
