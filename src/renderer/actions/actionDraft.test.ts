/** An action's forms send only what the user changed, so other fields stay as stored. */
import { describe, expect, it } from 'vitest';
import { dbWithAssessment } from '../db/testDb';
import { addAction, updateAction } from '../db/repo/actions';
import { setAssessmentStatus } from '../db/repo/assessments';
import { addPerson } from '../db/repo/people';
import { NEW_ACTION_DRAFT, draftFields, draftOf, fieldPatch, inputFrom, patchFrom } from './actionDraft';

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

describe('an action’s forms', () => {
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

  it('names only the status when only the status changed', async () => {
    const { db, action } = await created();
    const patch = patchFrom(action, { ...draftOf(action), status: 'in-progress' });
    expect(patch).toEqual({ status: 'in-progress' });
    expect(await updateAction(db, action.id, patch)).toStrictEqual({ ...action, status: 'in-progress', updatedAt: expect.any(String) });
  });

  it('a new action carries the optional fields only when filled in, and a closure check without its blanks', async () => {
    expect(inputFrom({ ...NEW_ACTION_DRAFT, description: 'Patch the historian' })).toStrictEqual({
      description: 'Patch the historian',
      owner: '',
      priority: 'medium',
    });
    expect(
      inputFrom({ ...NEW_ACTION_DRAFT, description: 'x', dueDate: '2026-10-01', expectedLevel: '3', closureCheck: '  Scan report  ' }),
    ).toMatchObject({ dueDate: '2026-10-01', expectedLevel: 3, closureCheck: 'Scan report' });
    expect(inputFrom({ ...NEW_ACTION_DRAFT, description: 'x', closureCheck: '   ' })).not.toHaveProperty('closureCheck');
  });

  it('a field typed back to its saved value still says so, so a merged autosave does not keep the earlier typing', () => {
    expect(fieldPatch('owner', 'Dana')).toEqual({ owner: 'Dana' });
    expect(fieldPatch('expectedLevel', '')).toEqual({ expectedLevel: null });
    expect(fieldPatch('expectedLevel', '3')).toEqual({ expectedLevel: 3 });
    expect(fieldPatch('dueDate', '')).toEqual({});
    const merged = { ...fieldPatch('owner', 'Danax'), ...fieldPatch('owner', 'Dana') };
    expect(merged).toEqual({ owner: 'Dana' });
    expect(draftFields({ ...merged, expectedLevel: null, priority: 'low' })).toEqual({ owner: 'Dana', expectedLevel: '', priority: 'low' });
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
